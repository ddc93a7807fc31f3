import Fluent
import LegalAidCore
import Vapor

/// `swift run Run purge-expired`: deletes personal data past its retention period
/// (`RetentionCategory`), each feature its own (`Feature.personalData`). Safe to run daily from cron.
struct PurgeExpiredCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Delete personal data past its retention period." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let counts = try await Self.purge(now: app.fayuan.clock.now(), services: app.fayuan, on: app.db, features: app.features)
        for (category, count) in counts.sorted(by: { $0.key.key < $1.key.key }) {
            context.console.print("\(category.key): \(count) deleted")
        }
    }

    static func purge(now: Date, services: FayuanServices, on db: Database, features: [any Feature]) async throws -> [RetentionCategory: Int] {
        let round = PurgeRound(now: now, services: services, db: db)
        var counts: [RetentionCategory: Int] = [:]
        for feature in features {
            for purge in feature.personalData.purge {
                counts.merge(try await purge(round), uniquingKeysWith: +)
            }
        }
        try await AuditLog.record(AuditRecord(account: nil, event: "retention.purge", target: "personalData", clientAddress: "local",
                                              detail: counts.map { "\($0.key.label)\($0.value)条" }.sorted().joined(separator: "，")),
                                  services: services, on: db)
        return counts
    }
}
