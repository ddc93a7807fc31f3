import Fluent

/// Images and PDF files sent in a conversation (issue #12 item 1), named by a message.
struct CreateConsultationFiles: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("consultation_files")
            .id()
            .field("consultation_id", .uuid, .required, .references("consultations", "id"))
            .field("original_name", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("sha256", .string, .required)
            .field("stored_name", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("consultation_files").delete()
    }
}
