import Fluent

struct CreateCaseEvents: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("case_events")
            .id()
            .field("case_id", .uuid, .required, .references("legal_aid_cases", "id"))
            .field("seq", .int, .required)
            .field("at", .datetime, .required)
            .field("actor_account_id", .uuid, .required, .references("accounts", "id"))
            .field("actor_name", .string, .required)
            .field("from_state", .string, .required)
            .field("to_state", .string, .required)
            .field("event", .string, .required)
            .field("payload", .string, .required)
            .unique(on: "case_id", "seq")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("case_events").delete()
    }
}
