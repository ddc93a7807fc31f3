import Fluent

struct CreateCaseProgress: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("case_progress")
            .id()
            .field("case_id", .uuid, .required, .references("legal_aid_cases", "id"))
            .field("at", .datetime, .required)
            .field("author_account_id", .uuid, .required, .references("accounts", "id"))
            .field("author_name", .string, .required)
            .field("kind", .string, .required)
            .field("note", .string, .required)
            .field("notify_applicant", .bool, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("case_progress").delete()
    }
}
