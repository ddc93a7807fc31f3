import Fluent

struct CreateConsultations: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("consultations")
            .id()
            .field("channel", .string, .required)
            .field("topic", .string, .required)
            .field("state", .string, .required)
            .field("version", .int, .required)
            .field("desk_id", .uuid, .required)
            .field("asker_account_id", .uuid)
            .field("asker_name", .string, .required)
            .field("phone", .string)
            .field("asker_key_hash", .string)
            .field("responsible_account_id", .uuid)
            .field("handled_by", .string, .required)
            .field("queued_at", .datetime, .required)
            .field("taken_at", .datetime)
            .field("closed_at", .datetime)
            .field("callback_attempts", .int, .required)
            .field("outcome", .string)
            .field("outcome_note", .string)
            .field("application_id", .uuid)
            .field("rating", .int)
            .field("rating_comment", .string)
            .field("message_count", .int, .required)
            .field("call_id", .string)
            .create()
        try await CreateIndexes(name: "consultations", indexes: [
            .init("consultations_by_state", on: "consultations", "desk_id", "state", "queued_at"),
            .init("consultations_by_responsible", on: "consultations", "responsible_account_id", "state"),
            .init("consultations_by_asker", on: "consultations", "asker_account_id"),
            .init("consultations_by_call", on: "consultations", "call_id"),
        ]).prepare(on: database)
    }

    func revert(on database: Database) async throws {
        try await database.schema("consultations").delete()
    }
}
