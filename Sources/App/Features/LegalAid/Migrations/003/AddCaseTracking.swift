import Fluent

/// How the case came (decision, urgent aid, notification), its follow-up clocks and the
/// recipient's recorded consent to mediation. One column per statement: SQLite adds one at a time.
struct AddCaseTracking: AsyncMigration {
    static let columns = ["origin", "notifying_authority", "paperwork_due", "mediation_consent", "mediation_how", "quality_review_due", "return_visit_due"]

    func prepare(on database: Database) async throws {
        for column in Self.columns {
            try await database.schema("legal_aid_cases").field(FieldKey(stringLiteral: column), .string).update()
        }
        try await database.schema("legal_aid_cases").field("paperwork_done_at", .datetime).update()
    }

    func revert(on database: Database) async throws {
        for column in Self.columns + ["paperwork_done_at"] {
            try await database.schema("legal_aid_cases").deleteField(.init(stringLiteral: column)).update()
        }
    }
}
