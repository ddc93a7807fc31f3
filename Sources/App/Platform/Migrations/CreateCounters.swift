import Fluent

struct CreateCounters: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("counters")
            .id()
            .field("scope", .string, .required)
            .field("year", .int, .required)
            .field("value", .int, .required)
            .unique(on: "scope", "year")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("counters").delete()
    }
}
