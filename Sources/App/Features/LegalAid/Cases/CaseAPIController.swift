import Fluent
import LegalAidCore
import Vapor

/// The case after the decision over JSON: the same services and the same refusals as the pages.
struct CaseAPIController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        let api = routes.grouped(BearerAccountAuthenticator(), IdempotencyKeys())
        api.get(.api(.cases), use: list)
        api.get(.api(.legalAidCase(.key)), use: show)
        api.post(.api(.caseEvents(.key)), use: event)
        api.post(.api(.caseStep(.key, .progress)), use: progress)
        api.post(.api(.caseStep(.key, .changeRequest)), use: requestChange)
        api.post(.api(.caseStep(.key, .refuseChange)), use: refuseChange)
        api.post(.api(.caseStep(.key, .mediation)), use: mediation)
        api.post(.api(.caseStep(.key, .members)), use: members)
        api.post(.api(.applicationStep(.key, .urgentAid)), use: urgentAid)
        api.post(.api(.applicationStep(.key, .objection)), use: fileObjection)
        api.get(.api(.objections), use: objections)
        api.post(.api(.objectionDecision(.key)), use: decideObjection)
        api.post(.api(.notifications), use: notification)
        api.get(.api(.deadlines), use: deadlines)
        api.get(.api(.detainedRequests), use: detainedRequests)
        api.post(.api(.detainedRequests), use: recordDetained)
        api.post(.api(.forwardDetained(.key)), use: forwardDetained)
    }

    // MARK: 第39条

    func detainedRequests(req: Request) async throws -> PagedJSON<API.DetainedRequest> {
        let account = try req.requireStaff()
        let centre = try CaseIntakeService(req).centre(of: account, reference: try await req.referenceData())
        return PagedJSON(try await DetainedRequestModel.query(on: req.db).filter(\.$centreID == centre.id).sort(\.$forwardDue)
            .paged(try ListPage.from(req)).map(dto))
    }

    func recordDetained(req: Request) async throws -> Response {
        let account = try req.requireStaff()
        _ = try CaseIntakeService(req).centre(of: account, reference: try await req.referenceData())
        let input = try req.content.decode(API.DetainedRequestInput.self)
        let entry = try await CaseIntakeService(req).recordDetainedRequest(placeName: input.placeName ?? "", personName: input.personName ?? "",
                                                                           charge: input.charge ?? "", note: input.note ?? "", receivedAt: input.receivedAt, by: account)
        return try await dto(entry).encodeResponse(status: .created, for: req)
    }

    func forwardDetained(req: Request) async throws -> API.DetainedRequest {
        let account = try req.requireStaff()
        let id = try req.parameters.id()
        _ = try await CaseIntakeService(req).forward(id, by: account)
        guard let entry = try await DetainedRequestModel.find(id, on: req.db) else { throw AppError.notFound("羁押人员申请") }
        return dto(entry)
    }

    private func dto(_ entry: DetainedRequestModel) -> API.DetainedRequest {
        API.DetainedRequest(id: entry.id!, placeName: entry.placeName, personName: entry.person.name, receivedAt: entry.receivedAt,
                            forwardDue: entry.forwardDue, forwardedAt: entry.forwardedAt, applicationID: entry.applicationID)
    }

    func list(req: Request) async throws -> PagedJSON<API.CaseSummary> {
        let account = try req.requireAccount()
        let reference = try await req.referenceData()
        return PagedJSON(try await CaseService(req).visible(to: account, reference: reference, page: try ListPage.from(req)).map(summary))
    }

    func show(req: Request) async throws -> API.CaseDetail {
        let account = try req.requireAccount()
        let reference = try await req.referenceData()
        let (record, app) = try await CaseService(req).find(try req.parameters.id(), for: account, reference: reference, withForm: false)
        try await req.audit("personalData.view", target: "application:\(app.number)", detail: "案件")
        return try await detail(record, app: app, account: account, req: req)
    }

    func event(req: Request) async throws -> API.CaseDetail {
        let account = try req.requireStaff()
        let input = try req.content.decode(API.CaseEventRequest.self)
        let reference = try await req.referenceData()
        let (record, app) = try await CaseService(req).find(try req.parameters.id(), for: account, reference: reference)
        let type = input.type ?? ""
        guard let kind = CaseEventKind(rawValue: type), kind.isRequestable else {
            throw AppError.invalid(field: "type", code: "invalidChoice", "未知的办理动作：\(type)")
        }
        _ = try await input.actionInput.perform(kind, on: record, app: app, by: account, reference: reference, req: req)
        return try await reloaded(record.id!, account: account, req: req)
    }

    func progress(req: Request) async throws -> Response {
        let account = try req.requireStaff()
        let input = try req.content.decode(API.ProgressRequest.self)
        let id = try req.parameters.id()
        try await CaseHandlingService(req).recordProgress(on: id, kind: input.kind.flatMap(CaseProgressKind.init(rawValue:)), note: input.note ?? "",
                                                          notify: input.notifyApplicant ?? true, by: account)
        return try await reloaded(id, account: account, req: req).encodeResponse(status: .created, for: req)
    }

    func requestChange(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let input = try req.content.decode(API.ReasonRequest.self)
        let id = try req.parameters.id()
        try await CaseHandlingService(req).requestLawyerChange(on: id, reason: input.reason ?? "", by: account)
        return try await reloaded(id, account: account, req: req).encodeResponse(status: .created, for: req)
    }

    func refuseChange(req: Request) async throws -> API.CaseDetail {
        let account = try req.requireStaff()
        let input = try req.content.decode(API.ResponseRequest.self)
        let id = try req.parameters.id()
        try await CaseHandlingService(req).refuseLawyerChange(on: id, response: input.response ?? "", by: account)
        return try await reloaded(id, account: account, req: req)
    }

    func mediation(req: Request) async throws -> API.CaseDetail {
        let account = try req.requireStaff()
        let input = try req.content.decode(API.MediationRequest.self)
        let id = try req.parameters.id()
        try await CaseHandlingService(req).recordMediationConsent(on: id, consent: input.consent.flatMap(CaseMediationFirst.Consent.init(rawValue:)), how: input.how ?? "", by: account)
        return try await reloaded(id, account: account, req: req)
    }

    func members(req: Request) async throws -> API.CaseDetail {
        let account = try req.requireStaff()
        let input = try req.content.decode(API.MembersRequest.self)
        let id = try req.parameters.id()
        _ = try await CaseHandlingService(req).addMembers(to: id, text: input.members ?? "", by: account)
        return try await reloaded(id, account: account, req: req)
    }

    func urgentAid(req: Request) async throws -> Response {
        let account = try req.requireStaff()
        let input = try req.content.decode(API.UrgentAidRequest.self)
        let record = try await CaseIntakeService(req).grantUrgentAid(on: try req.parameters.id(), daysToDeadline: input.daysToDeadline,
                                                                     urgentPreservation: input.urgentPreservation ?? false, reason: input.reason ?? "", by: account)
        return try await reloaded(record.id!, account: account, req: req).encodeResponse(status: .created, for: req)
    }

    func fileObjection(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let input = try req.content.decode(API.ReasonRequest.self)
        let objection = try await ObjectionService(req).file(on: try req.parameters.id(), reason: input.reason ?? "", by: account)
        guard let app = try await ApplicationModel.find(objection.applicationID, on: req.db) else { throw AppError.notFound("申请") }
        return try await dto(objection, app: app).encodeResponse(status: .created, for: req)
    }

    func objections(req: Request) async throws -> PagedJSON<API.Objection> {
        let account = try req.requireAccount()
        let reference = try await req.referenceData()
        return PagedJSON(try await ObjectionService(req).visible(to: account, reference: reference, page: try ListPage.from(req)).map { dto($0.0, app: $0.1) })
    }

    func decideObjection(req: Request) async throws -> API.Objection {
        let account = try req.requireStaff()
        let input = try req.content.decode(API.ObjectionDecisionRequest.self)
        let id = try req.parameters.id()
        let service = ObjectionService(req)
        try await service.requireBureau(for: id, account: account)
        guard let outcome = input.outcome.flatMap(Objection.Outcome.init(rawValue:)) else {
            throw AppError.invalid(field: "outcome", code: "invalidChoice", "决定应为 upheld（维持）或 correctionOrdered（责令改正）")
        }
        _ = try await service.decide(id, outcome: outcome, explanation: input.explanation ?? "", by: account)
        let (objection, app) = try await service.find(id, for: account, reference: try await req.referenceData())
        return dto(objection, app: app)
    }

    func notification(req: Request) async throws -> Response {
        let account = try req.requireStaff()
        _ = try CaseIntakeService(req).centre(of: account, reference: try await req.referenceData())
        let input = try req.content.decode(API.NotificationRequest.self)
        let notice = try CriminalNotification.parse(authority: input.authority, authorityName: input.authorityName ?? "", personName: input.personName ?? "",
                                                    charge: input.charge ?? "", receivedOn: input.receivedOn, possibleLifeOrDeath: input.possibleLifeOrDeath ?? false,
                                                    detained: input.detained ?? false, today: LocalDate(req.now))
            .mapError { AppError.invalid($0.errors) }.get()
        let record = try await CaseIntakeService(req).registerNotification(notice, by: account)
        return try await reloaded(record.id!, account: account, req: req).encodeResponse(status: .created, for: req)
    }

    /// The clocks that concern the signed-in staff member: as responsible person or supervisor.
    func deadlines(req: Request) async throws -> PagedJSON<API.Deadline> {
        let account = try req.requireStaff()
        let page = try ListPage.from(req)
        let reference = try await req.referenceData()
        let now = req.now
        let mine = try await DeadlineBoard.collect(on: req.db, reference: reference, now: now, deskRules: req.fayuan.settings.deskRules).filter { $0.concerns(account.id!) }
        let items = mine.dropFirst(page.offset).prefix(page.size).map {
            API.Deadline(kind: $0.kind.rawValue, label: $0.label, description: $0.kind.chinese, due: $0.due, overdue: $0.isOverdue(at: now),
                         dueToday: $0.isDueToday(at: now), responsible: $0.responsible.contains(account.id!), link: $0.link)
        }
        return PagedJSON(Paged(items: Array(items), page: page, total: mine.count))
    }

    // MARK: Mapping

    private func summary(_ pair: (CaseModel, ApplicationModel)) -> API.CaseSummary {
        let (record, app) = pair
        return summary(CaseListRow(id: record.id!, applicationId: app.id!, number: app.number, applicantName: app.applicantName, state: record.state,
                                   origin: record.origin, lawyerAccountId: record.lawyerAccountID, assignmentDue: record.assignmentDue, version: record.version))
    }

    private func summary(_ row: CaseListRow) -> API.CaseSummary {
        API.CaseSummary(id: row.id, applicationID: row.applicationId, number: row.number, state: row.state, stateLabel: row.caseState.chinese,
                        origin: row.caseOrigin.rawValue, applicantName: row.applicantName, lawyerID: row.lawyerAccountId,
                        assignmentDue: row.assignmentDue, version: row.version)
    }

    private func reloaded(_ id: UUID, account: AccountModel, req: Request) async throws -> API.CaseDetail {
        let (record, app) = try await CaseService(req).find(id, for: account, reference: try await req.referenceData())
        return try await detail(record, app: app, account: account, req: req)
    }

    private func detail(_ record: CaseModel, app: ApplicationModel, account: AccountModel, req: Request) async throws -> API.CaseDetail {
        let id = record.id!
        let staff = !account.isCitizen
        let events = try await PlainRows.all(CaseEventModel.self, where: "case_id", equals: id, orderBy: "seq", on: req.db)
        let progress = try await PlainRows.all(CaseProgressModel.self, where: "case_id", equals: id, and: staff ? nil : "notify_applicant = \(bind: true)",
                                               orderBy: "at", on: req.db)
        struct Counts: Decodable {
            var members: Int
            var pending: Int
        }
        let counts = try await PlainRows.sql(req.db).raw("""
            SELECT (SELECT count(*) FROM case_members WHERE case_id = \(bind: id)) AS members,
                   (SELECT count(*) FROM lawyer_change_requests WHERE case_id = \(bind: id) AND state = \(bind: LawyerChangeRequest.State.pending.rawValue)) AS pending
            """).first(decoding: Counts.self)
        let members = counts?.members ?? 0
        let pending = (counts?.pending ?? 0) > 0
        return API.CaseDetail(
            summary: summary((record, app)), firmID: record.firmID, possibleLifeOrDeath: record.possibleLifeOrDeath == true,
            notifyingAuthority: record.notifyingAuthority, paperworkDue: record.paperworkDue, paperworkDone: record.paperworkDoneAt != nil,
            mediationConsent: record.mediationConsent, qualityReviewDue: record.qualityReviewDue, returnVisitDue: record.returnVisitDue,
            headcount: GroupMatter.headcount(coApplicants: members), pendingChangeRequest: pending,
            events: events.map { API.CaseEventEntry(seq: $0.seq, at: $0.at, type: $0.event, from: $0.fromState, to: $0.toState, actorName: $0.actorName,
                                                    payload: staff ? $0.payload : nil) },
            progress: progress.map { API.ProgressEntry(at: $0.at, kind: $0.kind, note: $0.note, notifiedApplicant: $0.notifyApplicant) })
    }

    private func dto(_ objection: ObjectionModel, app: ApplicationModel) -> API.Objection {
        API.Objection(id: objection.id!, applicationID: app.id!, number: app.number, subject: objection.subject, state: objection.state,
                      stateLabel: objection.objectionState.chinese, receivedOn: objection.receivedOn, dueOn: objection.dueOn, explanation: objection.explanation)
    }
}
