import Fluent

struct CreateHolidays: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("holidays")
            .id()
            .field("date", .string, .required)
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .unique(on: "date")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("holidays").delete()
    }
}
