import Fluent

struct CreateLawyerChangeRequests: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("lawyer_change_requests")
            .id()
            .field("case_id", .uuid, .required, .references("legal_aid_cases", "id"))
            .field("state", .string, .required)
            .field("reason", .string, .required)
            .field("filed_by_account_id", .uuid, .required, .references("accounts", "id"))
            .field("filed_at", .datetime, .required)
            .field("response", .string)
            .field("decided_by_account_id", .uuid, .references("accounts", "id"))
            .field("decided_at", .datetime)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("lawyer_change_requests").delete()
    }
}
