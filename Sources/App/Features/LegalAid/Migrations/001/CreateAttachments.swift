import Fluent

struct CreateAttachments: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("attachments")
            .id()
            .field("application_id", .uuid, .required, .references("applications", "id"))
            .field("original_name", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("sha256", .string, .required)
            .field("stored_name", .string, .required)
            .field("uploaded_by", .uuid, .required, .references("accounts", "id"))
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("attachments").delete()
    }
}
