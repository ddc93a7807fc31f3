import Fluent
import SQLKit

/// Sessions (joint, or with one party at a time) with their attendance and written record, and
/// the agreements in versions with their signatures.
struct CreateMediationSessions: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(MediationSessionModel.schema)
            .id()
            .field("mediation_id", .uuid, .required)
            .field("starts_at", .datetime, .required)
            .field("place", .string, .required)
            .field("video", .bool, .required)
            .field("with_party", .uuid)
            .field("attended", .string, .required)
            .field("record", .string)
            .field("recorded_at", .datetime)
            .field("mediator_account_id", .uuid)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX mediation_sessions_mediation ON mediation_sessions (mediation_id, starts_at)").run()

        try await database.schema(MediationAgreementModel.schema)
            .id()
            .field("mediation_id", .uuid, .required)
            .field("version", .int, .required)
            .field("facts", .string, .required)
            .field("terms", .string, .required)
            .field("oral", .bool, .required)
            .field("sealed_at", .datetime)
            .field("superseded", .bool, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "mediation_id", "version")
            .create()
        try await database.schema(MediationSignatureModel.schema)
            .id()
            .field("agreement_id", .uuid, .required)
            .field("signatory_id", .uuid, .required)
            .field("role", .string, .required)
            .field("name", .string, .required)
            .field("method", .string, .required)
            .field("scan", .string)
            .field("at", .datetime, .required)
            .unique(on: "agreement_id", "signatory_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(MediationSignatureModel.schema).delete()
        try await database.schema(MediationAgreementModel.schema).delete()
        try await database.schema(MediationSessionModel.schema).delete()
    }
}
