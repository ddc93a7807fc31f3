import Fluent
import LegalAidCore
import Vapor

/// One role held by one account: the set of an account's roles as rows, so "who holds the
/// lawyer role" is a membership question, never a comparison with a joined string.
///
/// `AccountRoleMembership` rewrites an account's rows whenever its roles are written, in the
/// same database session, so the rows and the account's own copy never disagree.
final class AccountRoleModel: Model, @unchecked Sendable {
    static let schema = "account_roles"

    @ID(key: .id) var id: UUID?
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "role") var role: String

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $accountID, $role] }

    init() {}

    init(accountID: UUID, role: Role) {
        self.id = UUID()
        self.accountID = accountID
        self.role = role.rawValue
    }
}

struct AccountRoleMembership: AsyncModelMiddleware {
    func create(model: AccountModel, on db: Database, next: AnyAsyncModelResponder) async throws {
        try await next.create(model, on: db)
        try await Self.write(model, on: db)
    }

    func update(model: AccountModel, on db: Database, next: AnyAsyncModelResponder) async throws {
        try await next.update(model, on: db)
        try await Self.write(model, on: db)
    }

    /// Makes the rows match the account's roles (nothing is written when they already do).
    private static func write(_ account: AccountModel, on db: Database) async throws {
        guard let id = account.id else { return }
        let rows = try await AccountRoleModel.query(on: db).filter(\.$accountID == id).all()
        let held = Set(rows.map(\.role))
        let wanted = Set(account.storedRoleSet.map(\.rawValue))
        guard held != wanted else { return }
        for row in rows where !wanted.contains(row.role) { try await row.delete(on: db) }
        for role in account.storedRoleSet where !held.contains(role.rawValue) {
            try await AccountRoleModel(accountID: id, role: role).create(on: db)
        }
    }
}

extension QueryBuilder where Model == AccountModel {
    /// Accounts holding `role`, whatever else they hold.
    func holding(_ role: Role) -> Self {
        filter(.sql(embed: "\(ident: AccountModel.schema).\(ident: "id") IN (SELECT \(ident: "account_id") FROM \(ident: AccountRoleModel.schema) WHERE \(ident: "role") = \(bind: role.rawValue))"))
    }

    /// Staff accounts: those holding any role but the citizen's.
    func staff() -> Self {
        filter(.sql(embed: "\(ident: AccountModel.schema).\(ident: "id") IN (SELECT \(ident: "account_id") FROM \(ident: AccountRoleModel.schema) WHERE \(ident: "role") <> \(bind: Role.citizen.rawValue))"))
    }
}
