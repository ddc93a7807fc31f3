import Fluent

struct CreateDocuments: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("documents")
            .id()
            .field("application_id", .uuid, .required, .references("applications", "id"))
            .field("kind", .string, .required)
            .field("number", .string, .required)
            .field("centre_id", .uuid, .required, .references("organisations", "id"))
            .field("year", .int, .required)
            .field("sequence", .int, .required)
            .field("content", .string, .required)
            .field("issued_at", .datetime, .required)
            .unique(on: "centre_id", "kind", "year", "sequence")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("documents").delete()
    }
}
