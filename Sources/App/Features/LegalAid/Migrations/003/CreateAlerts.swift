import Fluent

/// Deadline alerts. The unique key per recipient makes raising an alert idempotent, so
/// several app instances may sweep at once.
struct CreateAlerts: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("alerts")
            .id()
            .field("key", .string, .required)
            .field("recipient_account_id", .uuid, .required, .references("accounts", "id"))
            .field("level", .string, .required)
            .field("kind", .string, .required)
            .field("message", .string, .required)
            .field("link", .string, .required)
            .field("due", .datetime, .required)
            .field("raised_at", .datetime, .required)
            .field("read_at", .datetime)
            .unique(on: "key", "recipient_account_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("alerts").delete()
    }
}
