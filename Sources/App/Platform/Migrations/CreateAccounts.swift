import Fluent

struct CreateAccounts: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("accounts")
            .id()
            .field("username", .string, .required)
            .field("password_hash", .string, .required)
            .field("display_name", .string, .required)
            .field("phone", .string)
            .field("roles", .string, .required)
            .field("organisation_id", .uuid, .references("organisations", "id"))
            .field("must_change_password", .bool, .required)
            .field("failed_logins", .int, .required, .sql(.default(0)))
            .field("first_failed_at", .datetime)
            .field("locked_until", .datetime)
            .field("session_epoch", .int, .required, .sql(.default(0)))
            .field("totp_secret", .string)
            .field("totp_last_counter", .int64)
            .field("recovery_codes", .string)
            .field("sms_second_factor", .bool, .required, .sql(.default(false)))
            .field("created_at", .datetime)
            .unique(on: "username")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("accounts").delete()
    }
}
