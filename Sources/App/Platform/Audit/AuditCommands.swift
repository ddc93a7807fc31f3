import Fluent
import LegalAidCore
import Vapor

/// `swift run Run verify-audit`: exits non-zero if any audit entry was edited or deleted.
struct VerifyAuditCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Check the audit trail's hash chain." }

    struct Broken: Error, CustomStringConvertible {
        var description: String
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        // Records still waiting are sealed first, so the check covers everything recorded so far.
        try await AuditLog.seal(services: app.fayuan, on: app.db)
        switch try await AuditLog.verify(on: app.db) {
        case .intact(let entries):
            context.console.print("Audit chain intact: \(entries) entries.")
        case let .broken(seq, reason):
            throw Broken(description: "Audit chain broken at entry \(seq): \(reason)")
        }
    }
}

/// `swift run Run prune-audit --before 2026-05-01`: removes entries older than the date
/// (at least six months back), leaving an anchor so the rest still verifies.
struct PruneAuditCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "before", help: "YYYY-MM-DD; entries before this day are removed")
        var before: String?
    }

    var help: String { "Remove audit entries older than a date at least 6 months ago, keeping the chain verifiable." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let text = signature.before, let day = LocalDate(iso: text) else {
            throw VerifyAuditCommand.Broken(description: "Give --before YYYY-MM-DD")
        }
        let app = context.application
        let removed = try await AuditLog.prune(before: day.startOfDay, now: app.fayuan.clock.now(), services: app.fayuan, on: app.db)
        context.console.print("Removed \(removed) audit entries before \(day.iso).")
    }
}
