import Fluent
import SQLKit
import LegalAidCore
import Vapor

/// 法律援助法 第49条: objections to a denial or a termination, filed by the applicant (or staff
/// on their behalf) and decided by the justice bureau within 5 days.
struct ObjectionService {
    var request: Request

    init(_ request: Request) { self.request = request }

    private var db: Database { request.db }
    private var services: FayuanServices { request.fayuan }

    /// Who may file: the applicant themself, or staff who can see the application (at a window,
    /// writing down what the applicant says).
    func file(on applicationID: UUID, reason: String, by account: AccountModel) async throws -> ObjectionModel {
        let reference = try await services.referenceData(on: db)
        let app = try await ApplicationService(request).find(applicationID, for: account, reference: reference)
        guard account.isCitizen || account.roles?.containsAny([.communityStaff, .workstationStaff, .liaisonStaff, .centreReviewer]) == true else {
            throw AppError.forbidden
        }
        let record = try await CaseModel.query(on: db).filter(\.$applicationID == applicationID).first()
        let pending = try await ObjectionModel.query(on: db).filter(\.$applicationID == applicationID).filter(\.$state == Objection.State.pending.rawValue).count() > 0
        let now = services.clock.now()
        let today = LocalDate(now)
        let (subject, due) = try Objection.file(application: app.applicationState, caseState: record?.caseState, pendingObjection: pending, reason: reason,
                                                receivedOn: today, calendar: reference.calendar)
            .mapError { $0.appError }.get()
        let objection = ObjectionModel()
        objection.applicationID = applicationID
        objection.caseID = record?.id
        objection.subject = subject.rawValue
        objection.state = Objection.State.pending.rawValue
        objection.receivedOn = today.iso
        objection.dueOn = due.iso
        objection.reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        objection.filedByAccountID = account.id!
        objection.filedAt = now
        try await services.transaction(on: db) { tx in
            try await objection.create(on: tx)
            try await ApplicationPaperwork.tellApplicant(app, Notice(ObjectionFiled(number: app.number, subject: subject.chinese, due: due.chinese)), on: tx)
            try await AuditLog.append(AuditRecord(account: account, event: "objection.file", target: "application:\(app.number)",
                                                  clientAddress: request.clientAddress, detail: subject.rawValue), at: now, on: tx)
        }
        return objection
    }

    /// Objections the account may see: the bureau sees those about its centres; centre staff
    /// those about their centre; an applicant their own.
    /// One page of the objections about applications this person may see, soonest due first.
    func visible(to account: AccountModel, reference: ReferenceData, page: ListPage) async throws -> Paged<(ObjectionModel, ApplicationModel)> {
        guard let actor = account.actor else { return Paged(items: [], page: page, total: 0) }
        let reach = AccessPolicy.applicationReach(of: actor, tree: reference.tree)
        guard !reach.isEmpty else { return Paged(items: [], page: page, total: 0) }
        let query = ObjectionModel.query(on: db).join(ApplicationModel.self, on: \ObjectionModel.$applicationID == \ApplicationModel.$id)
        let rows = try await ApplicationService.restrict(query, to: reach).sort(\.$dueOn).sort(\.$filedAt).paged(page)
        return Paged(items: try rows.items.map { ($0, try $0.joined(ApplicationModel.self)) }, page: rows.page, total: rows.total)
    }

    func find(_ id: UUID, for account: AccountModel, reference: ReferenceData) async throws -> (ObjectionModel, ApplicationModel) {
        guard let objection = try await ObjectionModel.find(id, on: db), let actor = account.actor,
              let app = try await ApplicationModel.find(objection.applicationID, on: db),
              AccessPolicy.canView(app.scope, actor: actor, tree: reference.tree)
        else { throw AppError.notFound("异议") }
        return (objection, app)
    }

    /// Refuses anyone but the bureau's supervisors before any input is read.
    func requireBureau(for id: UUID, account: AccountModel) async throws {
        let reference = try await services.referenceData(on: db)
        let (_, app) = try await find(id, for: account, reference: reference)
        guard let actor = account.actor, AccessPolicy.canDecideObjection(centreID: app.centreID, actor: actor, tree: reference.tree) else { throw AppError.forbidden }
    }

    /// The bureau's decision. Ordering correction reopens the denial or reinstates the case in
    /// the same transaction, so the order and its effect cannot part.
    func decide(_ id: UUID, outcome: Objection.Outcome, explanation: String, by account: AccountModel) async throws -> Objection.State {
        let reference = try await services.referenceData(on: db)
        let (objection, app) = try await find(id, for: account, reference: reference)
        guard let actor = account.actor else { throw AppError.forbidden }
        let byBureau = AccessPolicy.canDecideObjection(centreID: app.centreID, actor: actor, tree: reference.tree)
        let state = try Objection.decide(objection.objectionState, outcome: outcome, explanation: explanation, byBureau: byBureau)
            .mapError { $0 == .notBureau ? AppError(status: .forbidden, code: "forbidden", message: $0.message) : $0.appError }.get()
        let now = services.clock.now()
        let text = explanation.trimmingCharacters(in: .whitespacesAndNewlines)
        let clientAddress = request.clientAddress
        let applications = ApplicationService(request)
        let cases = CaseService(request)
        try await services.transaction(on: db) { tx in
            // Claim the objection: of two decisions at once, one wins and the other is told.
            guard let sql = tx as? SQLDatabase else { throw AppError.forbidden }
            let rows = try await sql.raw("UPDATE objections SET state = \(bind: state.rawValue) WHERE id = \(bind: id) AND state = \(bind: Objection.State.pending.rawValue) RETURNING id").all()
            guard rows.count == 1 else { throw Objection.Refusal.alreadyDecided.appError }
            objection.state = state.rawValue
            objection.decidedAt = now
            objection.decidedByAccountID = account.id
            objection.explanation = text
            try await objection.save(on: tx)
            if state == .correctionOrdered {
                switch objection.objectionSubject {
                case .denial:
                    _ = try await applications.perform(.reopenAfterObjection(order: text), on: app.id!, expectedVersion: nil, by: account,
                                                       reference: reference, inside: tx)
                case .termination:
                    guard let record = try await CaseModel.query(on: tx).filter(\.$applicationID == app.id!).first() else { throw AppError.notFound("案件") }
                    let transition = try CaseWorkflow.apply(.reinstate(order: text, hasLawyer: record.lawyerAccountID != nil), in: record.caseState, by: actor, at: now)
                        .mapError { AppError(status: .conflict, code: "illegalTransition", message: $0.message) }.get()
                    try await cases.commit(transition, record: record, app: app, by: account, reference: reference, on: tx)
                }
            }
            let payload = ["outcome": outcome.rawValue, "subject": objection.objectionSubject.chinese, "receivedOn": objection.receivedOn, "explanation": text]
            try await ApplicationPaperwork.issue(.objectionDecision, for: app, issuer: reference.name(reference.tree.nearest(.bureau, from: app.centreID)?.id),
                                                 payload: payload, at: now, reference: reference, on: tx)
            try await ApplicationPaperwork.tellApplicant(app, Notice(ObjectionDecided(number: app.number, outcome: state.chinese)), on: tx)
            try await AuditLog.append(AuditRecord(account: account, event: "objection.decide", target: "application:\(app.number)",
                                                  clientAddress: clientAddress, detail: state.rawValue), at: now, on: tx)
        }
        return state
    }
}

extension Objection.Refusal {
    var appError: AppError {
        switch self {
        case .nothingToObjectTo, .alreadyPending, .alreadyDecided: AppError(status: .conflict, code: "conflict", message: message, field: field,
                                                                            fieldErrors: [FieldError(field: field, code: "conflict", message: message)])
        case .notBureau: .forbidden
        case .missingReason, .missingExplanation: AppError.invalid(field: field, code: "required", message)
        }
    }
}
