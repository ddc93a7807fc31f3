import Fluent

/// Wrong status-lookup tries per application number and day (China time), shared by every
/// instance: ten in a day close the lookup for that number until the next day.
struct CreateLookupFailures: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("lookup_failures")
            .id()
            .field("number", .string, .required)
            .field("day", .string, .required)
            .field("count", .int, .required)
            .field("notified", .bool, .required)
            .unique(on: "number", "day")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("lookup_failures").delete()
    }
}
