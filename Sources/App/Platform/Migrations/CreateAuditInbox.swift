import Fluent

/// Audit records waiting to be sealed into the hash chain. A request only inserts here (no lock,
/// no read); `AuditSealer` moves them into `audit_entries` in order, one instance at a time.
struct CreateAuditInbox: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("audit_inbox")
            .id()
            .field("at_ms", .int64, .required)
            .field("account_id", .uuid)
            .field("account_name", .string, .required)
            .field("organisation_id", .uuid)
            .field("event", .string, .required)
            .field("target", .string, .required)
            .field("outcome", .string, .required)
            .field("client_address", .string, .required)
            .field("detail", .string, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("audit_inbox").delete()
    }
}
