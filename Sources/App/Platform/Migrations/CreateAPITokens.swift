import Fluent

struct CreateAPITokens: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("api_tokens")
            .id()
            .field("account_id", .uuid, .required, .references("accounts", "id"))
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("api_tokens").delete()
    }
}
