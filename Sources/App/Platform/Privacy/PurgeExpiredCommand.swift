import Fluent
import LegalAidCore
import Vapor

/// `swift run Run purge-expired`: deletes personal data past its retention period
/// (`RetentionCategory`). Safe to run daily from cron.
struct PurgeExpiredCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Delete personal data past its retention period." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let counts = try await Self.purge(now: app.fayuan.clock.now(), services: app.fayuan, on: app.db)
        for (category, count) in counts.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            context.console.print("\(category.rawValue): \(count) deleted")
        }
    }

    static func purge(now: Date, services: FayuanServices, on db: Database) async throws -> [RetentionCategory: Int] {
        func cutoff(_ category: RetentionCategory) -> Date { now.addingTimeInterval(-Double(category.days ?? 0) * 86_400) }
        var counts: [RetentionCategory: Int] = [:]

        let drafts = try await ApplicationModel.query(on: db).filter(\.$state == ApplicationState.draft.rawValue)
            .filter(\.$updatedAt < cutoff(.unsubmittedDraft)).all()
        for draft in drafts {
            let files = try await AttachmentModel.query(on: db).filter(\.$applicationID == draft.id!).all()
            for file in files { try? FileManager.default.removeItem(atPath: services.uploadsDirectory + "/" + file.storedName) }
            try await AttachmentModel.query(on: db).filter(\.$applicationID == draft.id!).delete()
            try await MessageModel.query(on: db).filter(\.$applicationID == draft.id!).delete()
            try await SMSOutboxModel.query(on: db).filter(\.$applicationID == draft.id!).delete()
            try await draft.delete(on: db)
        }
        counts[.unsubmittedDraft] = drafts.count

        let sms = try await SMSOutboxModel.query(on: db).filter(\.$createdAt < cutoff(.smsOutbox)).count()
        try await SMSOutboxModel.query(on: db).filter(\.$createdAt < cutoff(.smsOutbox)).delete()
        counts[.smsOutbox] = sms

        let messages = try await MessageModel.query(on: db).filter(\.$createdAt < cutoff(.inAppMessage)).count()
        try await MessageModel.query(on: db).filter(\.$createdAt < cutoff(.inAppMessage)).delete()
        counts[.inAppMessage] = messages

        let tokens = try await APITokenModel.query(on: db).filter(\.$expiresAt < now).count()
        try await APITokenModel.query(on: db).filter(\.$expiresAt < now).delete()
        counts[.apiToken] = tokens

        let guards = try await IdempotencyRecordModel.query(on: db).filter(\.$createdAt < cutoff(.repeatGuard)).count()
            + FormSubmissionModel.query(on: db).filter(\.$createdAt < cutoff(.repeatGuard)).count()
        try await IdempotencyRecordModel.query(on: db).filter(\.$createdAt < cutoff(.repeatGuard)).delete()
        try await FormSubmissionModel.query(on: db).filter(\.$createdAt < cutoff(.repeatGuard)).delete()
        counts[.repeatGuard] = guards

        let lastKeptDay = LocalDate(cutoff(.lookupFailure)).iso
        let lookups = try await LookupFailureModel.query(on: db).filter(\.$day < lastKeptDay).count()
        try await LookupFailureModel.query(on: db).filter(\.$day < lastKeptDay).delete()
        counts[.lookupFailure] = lookups

        try await AuditLog.record(AuditRecord(account: nil, event: "retention.purge", target: "personalData", clientAddress: "local",
                                              detail: counts.map { "\($0.key.label)\($0.value)条" }.sorted().joined(separator: "，")),
                                  services: services, on: db)
        return counts
    }
}
