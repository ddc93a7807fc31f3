import Fluent

/// A written question's answer-by time, fixed when it is asked on the holiday calendar of that
/// day (issue #23 item 24): a question on a holiday is due after the desk reopens.
struct AddConsultationReplyDue: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("consultations").field("reply_due", .datetime).update()
    }

    func revert(on database: Database) async throws {
        try await database.schema("consultations").deleteField("reply_due").update()
    }
}
