import Fluent

struct CreateLawyerProfiles: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("lawyer_profiles")
            .id()
            .field("account_id", .uuid, .required, .references("accounts", "id"))
            .field("practice_years", .int, .required)
            .field("criminal_years", .int, .required)
            .field("specialities", .string, .required)
            .field("available", .bool, .required)
            .unique(on: "account_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("lawyer_profiles").delete()
    }
}
