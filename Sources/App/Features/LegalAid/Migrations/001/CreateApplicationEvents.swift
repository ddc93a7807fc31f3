import Fluent

struct CreateApplicationEvents: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("application_events")
            .id()
            .field("application_id", .uuid, .required, .references("applications", "id"))
            .field("seq", .int, .required)
            .field("at", .datetime, .required)
            .field("actor_account_id", .uuid, .required, .references("accounts", "id"))
            .field("actor_name", .string, .required)
            .field("actor_org_id", .uuid)
            .field("from_state", .string, .required)
            .field("to_state", .string, .required)
            .field("event", .string, .required)
            .field("reason_code", .string)
            .field("payload", .string, .required)
            .unique(on: "application_id", "seq")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("application_events").delete()
    }
}
