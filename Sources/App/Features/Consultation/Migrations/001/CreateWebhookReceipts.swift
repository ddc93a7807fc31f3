import Fluent

struct CreateWebhookReceipts: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("webhook_receipts")
            .id()
            .field("event_id", .string, .required)
            .field("received_at", .datetime, .required)
            .unique(on: "event_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("webhook_receipts").delete()
    }
}
