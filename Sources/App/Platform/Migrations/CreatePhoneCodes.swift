import Fluent

/// One-time codes that confirm a mobile number someone typed (an anonymous asker's), by SMS.
struct CreatePhoneCodes: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("phone_codes")
            .id()
            .field("purpose", .string, .required)
            .field("phone_digest", .string, .required)
            .field("code_digest", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("attempts", .int, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("phone_codes").delete()
    }
}
