import Fluent

/// Co-applicants of a group matter (群体性案件): one case, many recipients.
struct CreateCaseMembers: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("case_members")
            .id()
            .field("case_id", .uuid, .required, .references("legal_aid_cases", "id"))
            .field("member", .string, .required)
            .field("added_at", .datetime, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("case_members").delete()
    }
}
