import Fluent

struct CreateCases: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("legal_aid_cases")
            .id()
            .field("application_id", .uuid, .required, .references("applications", "id"))
            .field("centre_id", .uuid, .required, .references("organisations", "id"))
            .field("state", .string, .required)
            .field("version", .int, .required)
            .field("decided_on", .string, .required)
            .field("assignment_due", .string, .required)
            .field("lawyer_account_id", .uuid, .references("accounts", "id"))
            .field("firm_id", .uuid, .references("organisations", "id"))
            .field("possible_life_or_death", .bool)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "application_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("legal_aid_cases").delete()
    }
}
