import Fluent

/// Creating API requests sent with an `Idempotency-Key`, with the answer they got, for 24 hours.
/// The key is unique per caller; the stored answer is sealed (it may hold personal data).
struct CreateIdempotencyRecords: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("idempotency_records")
            .id()
            .field("caller", .string, .required)
            .field("key", .string, .required)
            .field("request_hash", .string, .required)
            .field("status", .int)
            .field("content_type", .string)
            .field("body", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "caller", "key")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("idempotency_records").delete()
    }
}
