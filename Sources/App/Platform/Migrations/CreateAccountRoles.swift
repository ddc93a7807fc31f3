import Foundation
import Fluent
import SQLKit

/// The account-role set as rows, filled from each account's stored roles.
struct CreateAccountRoles: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(AccountRoleModel.schema)
            .id()
            .field("account_id", .uuid, .required, .references(AccountModel.schema, "id", onDelete: .cascade))
            .field("role", .string, .required)
            .unique(on: "account_id", "role")
            .create()
        guard let sql = database as? SQLDatabase else { return }
        try await sql.create(index: "account_roles_by_role").on(AccountRoleModel.schema).column("role").column("account_id").run()
        for row in try await sql.raw("SELECT id, roles FROM accounts").all() {
            let id = try row.decode(column: "id", as: UUID.self)
            for role in try row.decode(column: "roles", as: String.self).split(separator: ",") {
                try await sql.raw("INSERT INTO account_roles (id, account_id, role) VALUES (\(bind: UUID()), \(bind: id), \(bind: String(role)))").run()
            }
        }
    }

    func revert(on database: Database) async throws {
        try await database.schema(AccountRoleModel.schema).delete()
    }
}
