import Fluent

struct CreateApplications: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("applications")
            .id()
            .field("number", .string, .required)
            .field("state", .string, .required)
            .field("version", .int, .required)
            .field("channel", .string, .required)
            .field("owner_account_id", .uuid, .references("accounts", "id"))
            .field("created_by_account_id", .uuid, .required, .references("accounts", "id"))
            .field("community_point_id", .uuid, .references("organisations", "id"))
            .field("pre_review_org_id", .uuid, .required, .references("organisations", "id"))
            .field("centre_id", .uuid, .required, .references("organisations", "id"))
            .field("form", .string, .required)
            .field("eligibility", .string)
            .field("id_number_index", .string)
            .field("applicant_name", .string, .required)
            .field("phone_last4", .string, .required)
            .field("received_on", .string)
            .field("pauses", .array(of: .json), .required)
            .field("supply_by", .string)
            .field("decision_due", .string)
            .field("submitted_at", .datetime)
            .field("decided_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "number")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("applications").delete()
    }
}
