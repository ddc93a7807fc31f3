import Fluent

struct CreateAuditEntries: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("audit_entries")
            .id()
            .field("seq", .int, .required)
            .field("at_ms", .int64, .required)
            .field("account_id", .uuid)
            .field("account_name", .string, .required)
            .field("organisation_id", .uuid)
            .field("event", .string, .required)
            .field("target", .string, .required)
            .field("outcome", .string, .required)
            .field("client_address", .string, .required)
            .field("detail", .string, .required)
            .field("prev_hash", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "seq")
            .create()
        try await database.schema("audit_anchors")
            .id()
            .field("up_to_seq", .int, .required)
            .field("last_hash", .string, .required)
            .field("pruned_at", .datetime, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("audit_anchors").delete()
        try await database.schema("audit_entries").delete()
    }
}
