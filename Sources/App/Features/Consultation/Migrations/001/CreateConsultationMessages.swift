import Fluent

struct CreateConsultationMessages: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("consultation_messages")
            .id()
            .field("consultation_id", .uuid, .required, .references("consultations", "id"))
            .field("seq", .int, .required)
            .field("author", .string, .required)
            .field("author_account_id", .uuid)
            .field("author_name", .string, .required)
            .field("body", .string, .required)
            .field("attachment_id", .uuid)
            .field("at", .datetime, .required)
            .unique(on: "consultation_id", "seq")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("consultation_messages").delete()
    }
}
