import Fluent

/// 法律援助法 第39条: a detained person's request, received by the detention place or the
/// duty lawyer there, to be forwarded to the centre within 24 hours.
struct CreateDetainedRequests: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("detained_requests")
            .id()
            .field("centre_id", .uuid, .required, .references("organisations", "id"))
            .field("place_name", .string, .required)
            .field("person", .string, .required)
            .field("received_at", .datetime, .required)
            .field("forward_due", .datetime, .required)
            .field("recorded_by_account_id", .uuid, .required, .references("accounts", "id"))
            .field("forwarded_at", .datetime)
            .field("application_id", .uuid, .references("applications", "id"))
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("detained_requests").delete()
    }
}
