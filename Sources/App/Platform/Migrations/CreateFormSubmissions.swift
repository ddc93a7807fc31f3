import Fluent

/// One row per posted page form, keyed by the form's one-time token: a second post of the
/// same form (a double click, a reload) is sent to the first one's result.
struct CreateFormSubmissions: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("form_submissions")
            .id()
            .field("token_hash", .string, .required)
            .field("location", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("form_submissions").delete()
    }
}
