import Fluent

/// What the dispatcher needs: the template and its (sealed) parameters for the provider, the
/// tries so far and when to try next, a lease so two instances never send the same row at
/// once, and the provider's answer. One column per statement: SQLite adds one at a time.
struct ExtendSMSOutbox: AsyncMigration {
    static let textColumns = ["template", "params", "provider_reference", "provider_answer"]
    static let dateColumns = ["next_attempt_at", "claimed_until", "last_attempt_at"]

    func prepare(on database: Database) async throws {
        for column in Self.textColumns {
            try await database.schema("sms_outbox").field(FieldKey(stringLiteral: column), .string).update()
        }
        for column in Self.dateColumns {
            try await database.schema("sms_outbox").field(FieldKey(stringLiteral: column), .datetime).update()
        }
        try await database.schema("sms_outbox").field("attempts", .int).update()
    }

    func revert(on database: Database) async throws {
        for column in Self.textColumns + Self.dateColumns + ["attempts"] {
            try await database.schema("sms_outbox").deleteField(.init(stringLiteral: column)).update()
        }
    }
}
