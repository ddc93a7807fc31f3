import Fluent

struct CreateSMSOutbox: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("sms_outbox")
            .id()
            .field("phone", .string, .required)
            .field("body", .string, .required)
            .field("application_id", .uuid, .references("applications", "id"))
            .field("status", .string, .required)
            .field("created_at", .datetime)
            .field("sent_at", .datetime)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("sms_outbox").delete()
    }
}
