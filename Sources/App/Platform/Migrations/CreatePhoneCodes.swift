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

/// A phone code is marked used instead of deleted, so typing it again is told "already used"
/// rather than "expired". (Codes stored before this were unkeyed digests; they expire within
/// five minutes and are simply not found.)
struct AddPhoneCodeUse: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("phone_codes").field("used_at", .datetime).update()
    }

    func revert(on database: Database) async throws {
        try await database.schema("phone_codes").deleteField("used_at").update()
    }
}
