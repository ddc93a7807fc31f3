import Fluent

struct CreateObjections: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("objections")
            .id()
            .field("application_id", .uuid, .required, .references("applications", "id"))
            .field("case_id", .uuid, .references("legal_aid_cases", "id"))
            .field("subject", .string, .required)
            .field("state", .string, .required)
            .field("received_on", .string, .required)
            .field("due_on", .string, .required)
            .field("reason", .string, .required)
            .field("filed_by_account_id", .uuid, .required, .references("accounts", "id"))
            .field("filed_at", .datetime, .required)
            .field("explanation", .string)
            .field("decided_by_account_id", .uuid, .references("accounts", "id"))
            .field("decided_at", .datetime)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("objections").delete()
    }
}
