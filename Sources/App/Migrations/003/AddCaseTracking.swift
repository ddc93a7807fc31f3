import Fluent

/// How the case came (decision, urgent aid, notification), its follow-up clocks and the
/// recipient's recorded consent to mediation.
struct AddCaseTracking: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("legal_aid_cases")
            .field("origin", .string)
            .field("notifying_authority", .string)
            .field("paperwork_due", .string)
            .field("paperwork_done_at", .datetime)
            .field("mediation_consent", .string)
            .field("mediation_how", .string)
            .field("quality_review_due", .string)
            .field("return_visit_due", .string)
            .update()
    }

    func revert(on database: Database) async throws {
        try await database.schema("legal_aid_cases")
            .deleteField("origin").deleteField("notifying_authority").deleteField("paperwork_due").deleteField("paperwork_done_at")
            .deleteField("mediation_consent").deleteField("mediation_how").deleteField("quality_review_due").deleteField("return_visit_due")
            .update()
    }
}
