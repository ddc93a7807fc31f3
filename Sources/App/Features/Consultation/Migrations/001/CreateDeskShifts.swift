import Fluent

struct CreateDeskShifts: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("desk_shifts")
            .id()
            .field("account_id", .uuid, .required)
            .field("desk_id", .uuid, .required)
            .field("started_at", .datetime, .required)
            .field("ended_at", .datetime)
            .create()
        try await CreateIndexes(name: "desk_shifts", indexes: [
            .init("desk_shifts_open", on: "desk_shifts", "desk_id", "ended_at"),
        ]).prepare(on: database)
    }

    func revert(on database: Database) async throws {
        try await database.schema("desk_shifts").delete()
    }
}
