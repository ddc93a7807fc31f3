import Fluent

/// The district's people's mediation committees as mediation sees them (issue #26): each an
/// organisation of the directory, with its level, the village or street it serves and, for an
/// industry committee, the disputes it takes; and each mediator's profile for recommendation.
struct CreateMediationCommittees: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(MediationCommitteeModel.schema)
            .id()
            .field("organisation_id", .uuid, .required)
            .field("level", .string, .required)
            .field("place_id", .uuid)
            .field("street", .string, .required)
            .field("dispute_types", .string, .required)
            .unique(on: "organisation_id")
            .create()
        try await database.schema(MediatorProfileModel.schema)
            .id()
            .field("account_id", .uuid, .required)
            .field("committee_id", .uuid, .required)
            .field("specialities", .string, .required)
            .field("languages", .string, .required)
            .unique(on: "account_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(MediatorProfileModel.schema).delete()
        try await database.schema(MediationCommitteeModel.schema).delete()
    }
}
