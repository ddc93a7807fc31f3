import Fluent
import LegalAidCore
import SQLKit
import Vapor

/// The use cases of a legal aid case after the decision: open it, find it (access checked),
/// suggest and assign a lawyer, and apply every later step in one transaction each.
struct CaseService {
    var db: Database
    var services: FayuanServices
    var clientAddress: String

    init(_ request: Request) {
        db = request.db
        services = request.fayuan
        clientAddress = request.clientAddress
    }

    /// Called inside the decision's transaction: the case exists the moment aid is granted,
    /// with its assignment clock (法律援助法 第43条: 3 days) running.
    static func open(for app: ApplicationModel, decidedAt: Date, calendar: HolidayCalendar, on tx: Database) async throws {
        let record = CaseModel()
        record.applicationID = app.id!
        record.centreID = app.centreID
        record.state = CaseState.awaitingAssignment.rawValue
        record.version = 0
        let day = LocalDate(decidedAt)
        record.decidedOn = day.iso
        record.assignmentDue = Period.lastDay(ofCalendarDays: CaseWorkflow.assignmentPeriodDays, after: day, calendar: calendar).iso
        record.possibleLifeOrDeath = false
        try await record.create(on: tx)
    }

    func scope(_ record: CaseModel, app: ApplicationModel) -> CaseScope {
        CaseScope(centreID: record.centreID, lawyerAccountID: record.lawyerAccountID, firmID: record.firmID, applicantAccountID: app.ownerAccountID)
    }

    func find(_ id: UUID, for account: AccountModel, reference: ReferenceData) async throws -> (CaseModel, ApplicationModel) {
        guard let record = try await CaseModel.find(id, on: db), let app = try await ApplicationModel.find(record.applicationID, on: db),
              let actor = account.actor, AccessPolicy.canViewCase(scope(record, app: app), actor: actor, tree: reference.tree)
        else { throw AppError.notFound("案件") }
        return (record, app)
    }

    func visible(to account: AccountModel, reference: ReferenceData) async throws -> [(CaseModel, ApplicationModel)] {
        guard let actor = account.actor else { return [] }
        let records = try await CaseModel.query(on: db).sort(\.$assignmentDue).all()
        var result: [(CaseModel, ApplicationModel)] = []
        for record in records {
            guard let app = try await ApplicationModel.find(record.applicationID, on: db) else { continue }
            if AccessPolicy.canViewCase(scope(record, app: app), actor: actor, tree: reference.tree) { result.append((record, app)) }
        }
        return result
    }

    /// Lawyers of the district's firms with their current load, for the picker.
    func candidates(reference: ReferenceData) async throws -> [LawyerCandidate] {
        let lawyers = try await AccountModel.query(on: db).filter(\.$rolesText == Role.lawyer.rawValue).all()
        let profiles = Dictionary(try await LawyerProfileModel.query(on: db).all().map { ($0.accountID, $0) }, uniquingKeysWith: { a, _ in a })
        let open = try await CaseModel.query(on: db).filter(\.$state ~~ [CaseState.inProgress.rawValue, CaseState.closingReported.rawValue]).all()
        return lawyers.compactMap { lawyer in
            guard let id = lawyer.id, let firm = lawyer.organisationID, reference.tree[firm]?.kind == .lawFirm else { return nil }
            let profile = profiles[id]
            return LawyerCandidate(id: id, name: lawyer.displayName, firmID: firm, openCases: open.filter { $0.lawyerAccountID == id }.count,
                                   practiceYears: profile?.practiceYears ?? 0, criminalPracticeYears: profile?.criminalYears ?? 0,
                                   specialities: profile?.specialities ?? [], available: profile?.available ?? true)
        }
    }

    /// The lawyer assigned most recently, for the rotation.
    func lastAssignedLawyer() async throws -> UUID? {
        try await CaseEventModel.query(on: db).filter(\.$event ~~ ["assignLawyer", "nominateLawyer"]).sort(\.$at, .descending).first()
            .flatMap { $0.payload["lawyerID"] }.flatMap(UUID.init(uuidString:))
    }

    @discardableResult
    func perform(_ event: CaseEvent, on id: UUID, expectedVersion: Int?, by account: AccountModel) async throws -> CaseTransition {
        let reference = try await ReferenceData.load(on: db)
        let now = services.clock.now()
        let (record, app) = try await find(id, for: account, reference: reference)
        guard let actor = account.actor else { throw AppError.forbidden }
        if account.isCitizen || (account.roles?.contains(.supervisor) == true && account.roles?.roles.count == 1) { throw AppError.forbidden }
        if let expectedVersion, expectedVersion != record.version { throw WorkflowError.changedConcurrently }
        let transition: CaseTransition
        switch CaseWorkflow.apply(event, in: record.caseState, by: actor, at: now) {
        case .success(let value): transition = value
        case .failure(let error):
            throw AppError(status: error.httpStatus, code: error.code, message: error.message, field: error.field,
                           fieldErrors: error.field.map { [FieldError(field: $0, code: error.code, message: error.message)] } ?? [])
        }
        return try await services.transaction(on: db) { tx in
            guard let sql = tx as? SQLDatabase else { throw AppError.forbidden }
            let rows = try await sql.raw("UPDATE legal_aid_cases SET version = version + 1 WHERE id = \(bind: id) AND version = \(bind: record.version) RETURNING version").all()
            guard rows.count == 1 else { throw WorkflowError.changedConcurrently }
            record.version += 1
            record.state = transition.to.rawValue
            if let lawyer = transition.payload["lawyerID"].flatMap(UUID.init(uuidString:)) { record.lawyerAccountID = lawyer }
            if let firm = transition.payload["firmID"].flatMap(UUID.init(uuidString:)) { record.firmID = firm }
            try await record.save(on: tx)

            let entry = CaseEventModel()
            entry.caseID = id
            entry.seq = record.version
            entry.at = now
            entry.actorAccountID = account.id!
            entry.actorName = account.displayName
            entry.fromState = transition.from.rawValue
            entry.toState = transition.to.rawValue
            entry.event = transition.event
            entry.payload = transition.payload
            try await entry.create(on: tx)

            if transition.event == "assignLawyer" || transition.event == "nominateLawyer" || transition.event == "changeLawyer" {
                try await ApplicationPaperwork.issue(.assignmentNotice, for: app, issuer: reference.name(app.centreID), payload: transition.payload,
                                                     at: now, reference: reference, on: tx)
                let body = "您的法律援助申请（\(app.number)）已指派\(transition.payload["lawyer"] ?? "")律师承办，律师将与您联系。"
                try await ApplicationPaperwork.tellApplicant(app, title: "已指派承办律师", body: body, sms: "【法援在线】" + body, on: tx)
            }
            if transition.to == .closed {
                let body = "您的法律援助案件（\(app.number)）已结案。中心将进行回访，请对承办律师的服务作出评价。"
                try await ApplicationPaperwork.tellApplicant(app, title: "案件已结案", body: body, sms: "【法援在线】" + body, on: tx)
            }
            try await AuditLog.append(AuditRecord(account: account, event: "case.\(transition.event)", target: "application:\(app.number)",
                                                  clientAddress: clientAddress, detail: "\(transition.from.rawValue) → \(transition.to.rawValue)"),
                                      at: now, on: tx)
            return transition
        }
    }

}

extension CaseError {
    var code: String {
        switch self {
        case .illegal: "illegalTransition"
        case .roleNotPermitted: "forbidden"
        case .assignment: "assignmentRefused"
        case .missingField: "invalidField"
        }
    }

    var field: String? {
        switch self {
        case .missingField(let field, _): field
        case .assignment: "lawyerID"
        default: nil
        }
    }

    var httpStatus: HTTPResponseStatus {
        switch self {
        case .illegal: .conflict
        case .roleNotPermitted: .forbidden
        case .assignment, .missingField: .unprocessableEntity
        }
    }
}
