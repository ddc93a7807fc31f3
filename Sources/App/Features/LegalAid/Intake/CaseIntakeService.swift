import Fluent
import LegalAidCore
import Vapor

/// Cases that do not wait for the ordinary decision: urgent aid given first (第44条), a
/// criminal notification from police, procuratorate or court (第36条), and a detained person's
/// request to be forwarded within 24 hours (第39条).
struct CaseIntakeService {
    var request: Request

    init(_ request: Request) { self.request = request }

    private var db: Database { request.db }
    private var services: FayuanServices { request.fayuan }

    /// The centre of the staff member's own organisation.
    func centre(of account: AccountModel, reference: ReferenceData) throws -> Organisation {
        guard account.roles?.containsAny([.centreReviewer, .centreDirector]) == true, let org = account.organisationID,
              let centre = reference.tree.nearest(.legalAidCenter, from: org)
        else { throw AppError.forbidden }
        return centre
    }

    // MARK: 第44条

    func grantUrgentAid(on applicationID: UUID, daysToDeadline: Int?, urgentPreservation: Bool, reason: String, by account: AccountModel) async throws -> CaseModel {
        let reference = try await services.referenceData(on: db)
        let app = try await ApplicationService(request).find(applicationID, for: account, reference: reference)
        guard let actor = account.actor, AccessPolicy.canAct(app.scope, actor: actor, tree: reference.tree) else { throw AppError.forbidden }
        let now = services.clock.now()
        let today = LocalDate(now)
        let exists = try await CaseModel.query(on: db).filter(\.$applicationID == applicationID).count() > 0
        let dates = try UrgentAid.grant(application: app.applicationState, caseExists: exists, daysToDeadline: daysToDeadline, urgentPreservation: urgentPreservation,
                                        reason: reason, actor: actor, today: today, calendar: reference.calendar)
            .mapError { $0.appError }.get()
        let clientAddress = request.clientAddress
        return try await services.transaction(on: db) { tx in
            let record = try await CaseService.open(for: app, decidedAt: now, calendar: reference.calendar, origin: .urgent, assignmentDue: dates.assignBy, on: tx)
            record.paperworkDue = dates.paperworkBy.iso
            try await record.save(on: tx)
            let payload = ["reason": reason.trimmingCharacters(in: .whitespacesAndNewlines), "paperworkBy": dates.paperworkBy.iso,
                           "daysToDeadline": daysToDeadline.map(String.init) ?? "", "urgentPreservation": urgentPreservation ? "true" : "false"]
            try await ApplicationPaperwork.issue(.urgentAidDecision, for: app, issuer: reference.name(app.centreID), payload: payload, at: now, reference: reference, on: tx)
            try await ApplicationPaperwork.tellApplicant(app, Notice(UrgentAidGiven(number: app.number, paperworkBy: dates.paperworkBy.chinese)), on: tx)
            try await AuditLog.append(AuditRecord(account: account, event: "case.urgentAid", target: "application:\(app.number)", clientAddress: clientAddress),
                                      at: now, on: tx)
            return record
        }
    }

    // MARK: 第36条

    /// The notice opens the case at once (no means test, 第25条), due for assignment 3 days after the notice.
    func registerNotification(_ notice: CriminalNotification.Notice, by account: AccountModel) async throws -> CaseModel {
        let reference = try await services.referenceData(on: db)
        let centre = try centre(of: account, reference: reference)
        let now = services.clock.now()
        var form = ApplicationForm()
        form.applicant.name = notice.personName
        form.matter.type = .criminalDefence
        form.matter.cause = notice.charge
        form.matter.helpWanted = "\(notice.authority.chinese)通知辩护"
        form.matter.applicantDetained = notice.detained
        let app = Self.newApplication(form: form, channel: "notification", state: .approved, centreID: centre.id, by: account, now: now)
        app.receivedOn = notice.receivedOn.iso
        app.decidedAt = now
        let clientAddress = request.clientAddress
        return try await services.transaction(on: db) { tx in
            try await ApplicationService.assignNumber(app, now: now, on: tx)
            try await app.create(on: tx)
            let record = try await CaseService.open(for: app, decidedAt: now, calendar: reference.calendar, origin: .notification,
                                                    assignmentDue: CriminalNotification.assignmentDue(receivedOn: notice.receivedOn, calendar: reference.calendar), on: tx)
            record.decidedOn = notice.receivedOn.iso
            record.notifyingAuthority = notice.authorityName
            record.possibleLifeOrDeath = notice.possibleLifeOrDeath
            try await record.save(on: tx)
            try await AuditLog.append(AuditRecord(account: account, event: "case.notification", target: "application:\(app.number)",
                                                  clientAddress: clientAddress, detail: notice.authority.rawValue), at: now, on: tx)
            return record
        }
    }

    // MARK: 第39条

    /// Records the request as the detention place received it; every missing field is named.
    func recordDetainedRequest(placeName: String, personName: String, charge: String, note: String, receivedAt: Date?,
                               by account: AccountModel) async throws -> DetainedRequestModel {
        let reference = try await services.referenceData(on: db)
        let centre = try centre(of: account, reference: reference)
        let errors = DetainedRequest.validate(placeName: placeName, personName: personName, receivedAt: receivedAt, now: services.clock.now())
        guard errors.isEmpty, let receivedAt else { throw AppError.invalid(errors) }
        let person = DetainedPerson(name: personName.trimmingCharacters(in: .whitespaces), charge: charge.trimmingCharacters(in: .whitespaces),
                                    note: note.trimmingCharacters(in: .whitespacesAndNewlines))
        let entry = DetainedRequestModel()
        entry.centreID = centre.id
        entry.placeName = placeName.trimmingCharacters(in: .whitespacesAndNewlines)
        entry.person = person
        entry.receivedAt = receivedAt
        entry.forwardDue = DetainedRequest.forwardingDue(receivedAt: receivedAt)
        entry.recordedByAccountID = account.id!
        let now = services.clock.now()
        let clientAddress = request.clientAddress
        try await services.transaction(on: db) { tx in
            try await entry.create(on: tx)
            try await AuditLog.append(AuditRecord(account: account, event: "detained.record", target: "detained:\(entry.id!.uuidString)",
                                                  clientAddress: clientAddress), at: now, on: tx)
        }
        return entry
    }

    /// Forwarding puts the request before the centre as an application: its 7-day clock starts.
    func forward(_ id: UUID, by account: AccountModel) async throws -> ApplicationModel {
        let reference = try await services.referenceData(on: db)
        let centre = try centre(of: account, reference: reference)
        guard let entry = try await DetainedRequestModel.find(id, on: db), entry.centreID == centre.id else { throw AppError.notFound("羁押人员申请") }
        guard entry.forwardedAt == nil else {
            throw AppError(status: .conflict, code: "alreadyForwarded", message: "该申请已经转交法律援助中心")
        }
        let now = services.clock.now()
        var form = ApplicationForm()
        form.applicant.name = entry.person.name
        form.matter.type = .criminalDefence
        form.matter.cause = entry.person.charge
        form.matter.facts = entry.person.note
        form.matter.applicantDetained = true
        form.matter.helpWanted = "羁押于\(entry.placeName)，申请法律援助"
        let app = Self.newApplication(form: form, channel: "detained", state: .forwarded, centreID: centre.id, by: account, now: now)
        app.receivedOn = LocalDate(now).iso
        app.decisionDue = Period.lastDay(ofCalendarDays: Workflow.decisionPeriodDays, after: LocalDate(now), calendar: reference.calendar).iso
        let clientAddress = request.clientAddress
        try await services.transaction(on: db) { tx in
            try await ApplicationService.assignNumber(app, now: now, on: tx)
            try await app.create(on: tx)
            entry.forwardedAt = now
            entry.applicationID = app.id
            try await entry.save(on: tx)
            try await AuditLog.append(AuditRecord(account: account, event: "detained.forward", target: "application:\(app.number)",
                                                  clientAddress: clientAddress), at: now, on: tx)
        }
        return app
    }

    static func newApplication(form: ApplicationForm, channel: String, state: ApplicationState, centreID: UUID, by account: AccountModel, now: Date) -> ApplicationModel {
        let app = ApplicationModel()
        app.id = UUID()
        app.state = state.rawValue
        app.version = 0
        app.channel = channel
        app.ownerAccountID = nil
        app.createdByAccountID = account.id!
        app.communityPointID = nil
        app.preReviewOrganisationID = centreID
        app.centreID = centreID
        app.pauses = []
        app.form = form
        app.applicantName = form.applicant.name
        app.phoneLast4 = ""
        app.submittedAt = now
        return app
    }
}

extension UrgentAid.Refusal {
    var appError: AppError {
        switch self {
        case .roleNotPermitted: .forbidden
        case .notAtCentre, .alreadyOpen: AppError(status: .conflict, code: "conflict", message: message)
        case .conditionsNotMet, .missingReason: AppError.invalid(field: field, code: "conditionsNotMet", message)
        case .daysOutOfRange: AppError.invalid(field: field, code: "outOfRange", message)
        }
    }
}
