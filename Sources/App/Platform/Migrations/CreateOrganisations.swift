import Fluent

struct CreateOrganisations: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("organisations")
            .id()
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("parent_id", .uuid, .references("organisations", "id"))
            .field("code", .string, .required)
            .field("region_code", .string, .required)
            .field("address", .string, .required)
            .field("phone", .string, .required)
            .field("hours", .json, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("organisations").delete()
    }
}
