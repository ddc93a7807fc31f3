import Fluent
import LegalAidCore
import MediationCore
import SQLKit
import Vapor

/// People's mediation's writes and reads (issue #26). Every step goes through
/// `MediationWorkflow` (the rules), moves the mediation's version on in the same transaction
/// (two people acting at once: the second is told), and writes a step and an audit entry.
struct MediationService: ScopedService {
    let scope: ServiceScope

    /// Who is acting: a signed-in account, or a party through their own link.
    enum Actor {
        case account(AccountModel)
        case party(MediationPartyModel)
        /// The platform's own rounds (a deadline passing, a reminder).
        case system

        var accountID: UUID? { if case .account(let a) = self { a.id } else { nil } }
        var name: String {
            switch self {
            case .account(let a): a.displayName
            case .party(let p): p.name
            case .system: "系统"
            }
        }
        var auditAccount: AccountModel? { if case .account(let a) = self { a } else { nil } }
    }

    static let periods = MediationPeriods.standard

    var today: LocalDate { LocalDate(now) }

    // MARK: Reading

    func find(_ id: UUID) async throws -> MediationModel {
        guard let mediation = try await MediationModel.find(id, on: db) else { throw AppError.notFound("调解") }
        return mediation
    }

    func parties(of id: UUID) async throws -> [MediationPartyModel] {
        try await MediationPartyModel.query(on: db).filter(\.$mediationID == id).sort(\.$seq).all()
    }

    func steps(of id: UUID) async throws -> [MediationStepModel] {
        try await MediationStepModel.query(on: db).filter(\.$mediationID == id).sort(\.$at).sort(\.$id).all()
    }

    func sessions(of id: UUID) async throws -> [MediationSessionModel] {
        try await MediationSessionModel.query(on: db).filter(\.$mediationID == id).sort(\.$startsAt).all()
    }

    /// The current version of the agreement, if one was drafted.
    func agreement(of id: UUID) async throws -> MediationAgreementModel? {
        try await MediationAgreementModel.query(on: db).filter(\.$mediationID == id).filter(\.$superseded == false)
            .sort(\.$version, .descending).first()
    }

    func signatures(of agreement: UUID) async throws -> [MediationSignatureModel] {
        try await MediationSignatureModel.query(on: db).filter(\.$agreementID == agreement).sort(\.$at).all()
    }

    /// A staff member's list: a mediator sees their committee's, a supervisor all; newest first.
    /// Which open mediations a list keeps by their one-month period.
    enum Due: String, Sendable { case overdue, soon }

    /// Mediations still being worked whose period has run out, or ends within a week (from today).
    static let soonDays = 7

    private func visible(to account: AccountModel) -> QueryBuilder<MediationModel>? {
        let query = MediationModel.query(on: db)
        if MediationAccess.seesAll(account) { return query }
        guard let committee = account.organisationID else { return nil }
        return query.filter(\.$committeeID == committee)
    }

    private func open(_ query: QueryBuilder<MediationModel>, due: Due) -> QueryBuilder<MediationModel> {
        let working = query.filter(\.$state ~~ [MediationState.accepted.rawValue, MediationState.mediating.rawValue])
        switch due {
        case .overdue: return working.filter(\.$dueOn < today.iso)
        case .soon: return working.filter(\.$dueOn >= today.iso).filter(\.$dueOn <= today.adding(days: Self.soonDays).iso)
        }
    }

    /// How many of the viewer's open mediations are overdue, and due within the week.
    func dueCounts(for account: AccountModel) async throws -> (overdue: Int, soon: Int) {
        guard let query = visible(to: account), let again = visible(to: account) else { return (0, 0) }
        return (try await open(query, due: .overdue).count(), try await open(again, due: .soon).count())
    }

    func list(for account: AccountModel, state: MediationState?, flagged: Bool = false, due: Due? = nil, page: ListPage) async throws -> Paged<MediationModel> {
        guard var query = visible(to: account) else { return Paged(items: [], page: page, total: 0) }
        if let due { query = open(query, due: due) }
        if let state { query = query.filter(\.$state == state.rawValue) }
        if flagged { query = query.filter(\.$escalation != nil).filter(\.$escalationClosedAt == nil) }
        if due != nil { return try await query.sort(\.$dueOn).sort(\.$number).paged(page) }
        return try await query.sort(\.$createdAt, .descending).sort(\.$number, .descending).paged(page)
    }

    /// A citizen's own applications, newest first.
    func mine(_ account: AccountModel, page: ListPage) async throws -> Paged<MediationModel> {
        try await MediationModel.query(on: db).filter(\.$applicantAccountID == account.id!).sort(\.$createdAt, .descending).sort(\.$number, .descending).paged(page)
    }

    // MARK: Steps

    /// Moves `mediation` by `event` when the rules allow it, at the version the actor read.
    /// `change` runs inside the transaction, after the rules and before the step is written.
    @discardableResult
    func step(_ mediation: MediationModel, _ event: MediationEvent?, code: String, expectedVersion: Int?, by actor: Actor, note: String?,
              facts: MediationWorkflow.Facts = .init(), on tx: Database,
              change: (MediationModel) async throws -> Void = { _ in }) async throws -> MediationModel {
        let from = mediation.mediationState
        var to = from
        if let event {
            switch MediationWorkflow.apply(event, to: from, facts: facts) {
            case .success(let next): to = next
            case .failure(let error): throw Self.refusal(error)
            }
        }
        do {
            try await OptimisticLock.advance(MediationModel.schema, id: mediation.id!, from: expectedVersion ?? mediation.version, on: tx)
        } catch WorkflowError.changedConcurrently {
            throw AppError(status: .conflict, code: "staleVersion", message: "这件调解刚刚被他人处理过，请刷新页面看看最新情况后再操作", field: "version")
        }
        mediation.version = (expectedVersion ?? mediation.version) + 1
        mediation.state = to.rawValue
        mediation.updatedAt = now
        if to.isFinal && mediation.closedAt == nil { mediation.closedAt = now }
        try await change(mediation)
        try await mediation.update(on: tx)
        try await MediationStepModel(mediation: mediation.id!, at: now, account: actor.accountID, actor: actor.name, event: code,
                                     from: from == to ? nil : from, to: from == to ? nil : to, note: note).create(on: tx)
        try await AuditLog.append(AuditRecord(account: actor.auditAccount, event: "mediation.\(code)", target: "mediation:\(mediation.id!)",
                                              clientAddress: clientAddress, detail: mediation.number), at: now, on: tx)
        return mediation
    }

    static func refusal(_ error: MediationError) -> AppError {
        let field: String? = switch error {
        case .reasonRequired, .noExtensionReason: "reason"
        case .alreadySigned, .notASignatory: "signatory"
        default: nil
        }
        return AppError(status: .conflict, code: Self.code(error), message: error.chinese, field: field)
    }

    private static func code(_ error: MediationError) -> String {
        switch error {
        case .notAllowed: "notAllowed"
        case .reasonRequired: "reasonRequired"
        case .agreementNotEffective: "agreementNotEffective"
        case .returnVisitMissing: "returnVisitMissing"
        case .rightsNotAcknowledged: "rightsNotAcknowledged"
        case .alreadySigned: "alreadySigned"
        case .notASignatory: "notASignatory"
        case .sealBeforeSignatures: "sealBeforeSignatures"
        case .changedAfterSigning: "changedAfterSigning"
        case .extendedAlready: "extendedAlready"
        case .noExtensionReason: "noExtensionReason"
        }
    }

    /// Tells a party by in-app message (when they have an account) and SMS (when they gave a number).
    func tell(_ party: MediationPartyModel, _ notice: Notice, on tx: Database) async throws {
        try await TellPerson.tell(notice, account: party.accountID, phone: party.phone.flatMap(MobileNumber.parse), on: tx)
    }
}
