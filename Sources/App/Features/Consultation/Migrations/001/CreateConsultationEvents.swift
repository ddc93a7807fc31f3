import Fluent

struct CreateConsultationEvents: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("consultation_events")
            .id()
            .field("consultation_id", .uuid, .required, .references("consultations", "id"))
            .field("event", .string, .required)
            .field("from_state", .string, .required)
            .field("to_state", .string, .required)
            .field("actor_account_id", .uuid)
            .field("actor_name", .string, .required)
            .field("detail", .string, .required)
            .field("at", .datetime, .required)
            .create()
        try await CreateIndexes(name: "consultation_events", indexes: [
            .init("consultation_events_by_consultation", on: "consultation_events", "consultation_id", "at"),
        ]).prepare(on: database)
    }

    func revert(on database: Database) async throws {
        try await database.schema("consultation_events").delete()
    }
}
