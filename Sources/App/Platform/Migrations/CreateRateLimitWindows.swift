import Fluent

/// Rate-limit windows shared by every instance (used on PostgreSQL).
struct CreateRateLimitWindows: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("rate_limit_windows")
            .field("key", .string, .required)
            .field("window_start", .int64, .required)
            .field("hits", .int, .required)
            .compositeIdentifier(over: "key", "window_start")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("rate_limit_windows").delete()
    }
}
