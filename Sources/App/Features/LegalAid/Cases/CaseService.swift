import Fluent
import LegalAidCore
import SQLKit
import Vapor

/// The use cases of a legal aid case after the decision: open it, find it (access checked),
/// suggest and assign a lawyer, and apply every later step in one transaction each.
struct CaseService: ScopedService {
    let scope: ServiceScope

    /// Called inside the decision's transaction: the case exists the moment aid is granted,
    /// with its assignment clock (法律援助法 第43条: 3 days) running.
    @discardableResult
    static func open(for app: ApplicationModel, decidedAt: Date, calendar: HolidayCalendar, origin: CaseOrigin = .decision,
                     assignmentDue: LocalDate? = nil, on tx: Database) async throws -> CaseModel {
        let record = CaseModel()
        record.applicationID = app.id!
        record.centreID = app.centreID
        record.state = CaseState.awaitingAssignment.rawValue
        record.version = 0
        let day = LocalDate(decidedAt)
        record.decidedOn = day.iso
        record.assignmentDue = (assignmentDue ?? Period.lastDay(ofCalendarDays: CaseWorkflow.assignmentPeriodDays, after: day, calendar: calendar)).iso
        record.possibleLifeOrDeath = false
        record.origin = origin.rawValue
        try await record.create(on: tx)
        return record
    }

    func scope(_ record: CaseModel, app: ApplicationModel) -> CaseScope { record.scope(applicant: app) }

    private static let withForm = PlainRows.columns(of: CaseModel.self, as: "c") + ", " + PlainRows.columns(of: ApplicationModel.self, as: "a")
    private static let withoutForm = PlainRows.columns(of: CaseModel.self, as: "c") + ", "
        + PlainRows.columns(of: ApplicationModel.self, as: "a", except: ["form"])

    /// The case and its application, if this person may see it. `withForm: false` leaves the
    /// application's sealed form unread (for views that show only its number and name).
    func find(_ id: UUID, for account: AccountModel, reference: ReferenceData, withForm: Bool = true) async throws -> (CaseModel, ApplicationModel) {
        // The case and its application in one statement written once (`PlainRows`).
        guard let row = try await PlainRows.sql(db).raw("""
            SELECT \(unsafeRaw: withForm ? Self.withForm : Self.withoutForm)
            FROM legal_aid_cases c JOIN applications a ON a.id = c.application_id WHERE c.id = \(bind: id)
            """).first()
        else { throw AppError.notFound("案件") }
        let record = try row.decode(CaseModel.self, prefix: "c")
        let app = try row.decode(ApplicationModel.self, prefix: "a")
        guard let actor = account.actor, AccessPolicy.canViewCase(scope(record, app: app), actor: actor, tree: reference.tree) else {
            throw AppError.refused("案件", target: "application:\(app.number)")
        }
        return (record, app)
    }

    /// One page of the cases this person may see (`AccessPolicy.caseReach`, tested to agree with
    /// `canViewCase`), the assignment deadline first, with what a list row shows of each
    /// application. Read as plain rows (SQLKit, no model reflection, no form decrypted); the
    /// count comes from the database.
    func visible(to account: AccountModel, reference: ReferenceData, page: ListPage) async throws -> Paged<CaseListRow> {
        guard let actor = account.actor, let sql = db as? SQLDatabase else { return Paged(items: [], page: page, total: 0) }
        let reach = AccessPolicy.caseReach(of: actor, tree: reference.tree)
        guard !reach.isEmpty else { return Paged(items: [], page: page, total: 0) }
        var conditions: [SQLQueryString] = []
        if let applicant = reach.applicant {
            conditions.append("a.owner_account_id = \(bind: applicant)")
        } else {
            if let lawyer = reach.lawyer { conditions.append("c.lawyer_account_id = \(bind: lawyer)") }
            if let firm = reach.nominatingFirm { conditions.append("(c.lawyer_account_id IS NULL AND c.firm_id = \(bind: firm))") }
            if !reach.centres.isEmpty { conditions.append("c.centre_id IN (\(binds: Array(reach.centres).map { $0 as any Encodable & Sendable }))") }
        }
        let filter = conditions.map { "(\($0))" as SQLQueryString }.joined(separator: " OR ")
        let from: SQLQueryString = "FROM legal_aid_cases c JOIN applications a ON a.id = c.application_id WHERE \(filter)"
        // Staff reach is decided by the case row alone, so the count needs no join (an index-only count).
        let counted: SQLQueryString = reach.applicant == nil ? "FROM legal_aid_cases c WHERE \(filter)" : from
        let total = try await sql.raw("SELECT count(*) AS n \(counted)").first()?.decode(column: "n", as: Int.self) ?? 0
        // Deadline, then id: the order of `cases_by_centre_in_order`, so the page comes off the index.
        let rows = try await sql.raw("""
            SELECT c.id, c.application_id, a.number, a.applicant_name, c.state, c.origin, c.lawyer_account_id, c.assignment_due, c.version
            \(from) ORDER BY c.assignment_due, c.id LIMIT \(bind: page.size) OFFSET \(bind: page.offset)
            """).all(decoding: CaseListRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        return Paged(items: rows, page: page, total: total)
    }

    /// Lawyers of the district's firms with their current load, for the picker.
    func candidates(reference: ReferenceData) async throws -> [LawyerCandidate] {
        let lawyers = try await AccountModel.query(on: db).holding(.lawyer).all()
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

    /// The centre's own reviewers and directors, who may be arranged to handle a case themselves.
    static func centreStaff(of centreID: UUID, reference: ReferenceData, on db: Database) async throws -> [AccountModel] {
        try await AccountModel.query(on: db).filter(\.$organisationID == centreID).all()
            .filter { $0.roles?.containsAny([.centreReviewer, .centreDirector]) == true }
            .sorted { $0.displayName < $1.displayName }
    }

    /// The lawyer assigned most recently, for the rotation.
    func lastAssignedLawyer() async throws -> UUID? {
        try await CaseEventModel.query(on: db).filter(\.$event ~~ [CaseEventKind.assignLawyer, .nominateLawyer].map(\.rawValue)).sort(\.$at, .descending).first()
            .flatMap { $0.payload["lawyerID"] }.flatMap(UUID.init(uuidString:))
    }

    @discardableResult
    func perform(_ event: CaseEvent, on id: UUID, expectedVersion: Int?, by account: AccountModel) async throws -> CaseTransition {
        let reference = try await services.referenceData(on: db)
        let now = services.clock.now()
        let (record, app) = try await find(id, for: account, reference: reference)
        guard let actor = account.actor else { throw AppError.forbidden }
        if account.isCitizen || (account.roles?.contains(.supervisor) == true && account.roles?.roles.count == 1) { throw AppError.forbidden }
        if let expectedVersion, expectedVersion != record.version { throw WorkflowError.changedConcurrently }
        // 第50条: the closing report comes from whoever handles the case, nobody else.
        if case .fileClosingReport = event, record.lawyerAccountID != account.id { throw AppError.forbidden }
        let transition: CaseTransition
        switch CaseWorkflow.apply(event, in: record.caseState, by: actor, at: now) {
        case .success(let value): transition = value
        case .failure(let error):
            throw AppError(status: error.httpStatus, code: error.code, message: error.message, field: error.field,
                           fieldErrors: error.field.map { [FieldError(field: $0, code: error.code, message: error.message)] } ?? [])
        }
        return try await services.transaction(on: db) { tx in
            try await commit(transition, record: record, app: app, by: account, reference: reference, on: tx)
            return transition
        }
    }

    /// Writes one accepted transition inside the caller's transaction: bumps the version (refusing
    /// if someone else moved first), records the event, schedules follow-up, issues the documents,
    /// tells the applicant and appends to the audit trail.
    func commit(_ transition: CaseTransition, record: CaseModel, app: ApplicationModel, by account: AccountModel,
                reference: ReferenceData, on tx: Database) async throws {
        let now = transition.at
        guard let id = record.id else { throw AppError.forbidden }
        try await OptimisticLock.advance(CaseModel.schema, id: id, from: record.version, on: tx)
        record.version += 1
        record.state = transition.to.rawValue
        if let lawyer = transition.payload["lawyerID"].flatMap(UUID.init(uuidString:)) { record.lawyerAccountID = lawyer }
        if let firm = transition.payload["firmID"].flatMap(UUID.init(uuidString:)) { record.firmID = firm }
        // The handler: a lawyer, or the centre's own staff member.
        if let staff = transition.payload["staffID"].flatMap(UUID.init(uuidString:)) { record.lawyerAccountID = staff }
        let today = LocalDate(now)
        if transition.to == .closed { record.qualityReviewDue = CaseFollowUp.qualityReviewDue(closedOn: today, calendar: reference.calendar).iso }
        if transition.to == .qualityReviewed { record.returnVisitDue = CaseFollowUp.returnVisitDue(reviewedOn: today, calendar: reference.calendar).iso }
        try await record.save(on: tx)

        let entry = CaseEventModel()
        entry.caseID = id
        entry.seq = record.version
        entry.at = now
        entry.actorAccountID = account.id!
        entry.actorName = account.displayName
        entry.fromState = transition.from.rawValue
        entry.toState = transition.to.rawValue
        entry.event = transition.event.rawValue
        entry.payload = transition.payload
        try await entry.create(on: tx)

        try await FollowOnInterpreter(reference: reference).carryOut(transition.followOn(applicationNumber: app.number), for: app,
                                                                     payload: transition.payload, at: transition.at, record: record, on: tx)
        try await AuditLog.append(AuditRecord(account: account, event: "case.\(transition.event.rawValue)", target: "application:\(app.number)",
                                              clientAddress: clientAddress, detail: "\(transition.from.chinese) → \(transition.to.chinese)"),
                                  at: now, on: tx)
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
        case .illegal, .roleNotPermitted: nil
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
