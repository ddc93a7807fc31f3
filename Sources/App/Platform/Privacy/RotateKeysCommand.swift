import Fluent
import LegalAidCore
import Vapor

/// `swift run Run rotate-keys`: re-encrypts every sealed value under the active key and
/// recomputes the blind indexes. Add the new key to the key file, make it active, run this,
/// then the old key may be retired. Each feature says which of its rows hold sealed values
/// (`Feature.personalData`).
struct RotateKeysCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Re-encrypt personal data under the active key (after adding a new key to the key file)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let count = try await Self.rotate(on: context.application.db, features: context.application.features)
        context.console.print("Re-encrypted \(count) rows under key \(Vault.ring.activeID).")
    }

    static func rotate(on db: Database, features: [any Feature]) async throws -> Int {
        var rows = 0
        for feature in features {
            for reseal in feature.personalData.reseal { rows += try await reseal(db) }
        }
        return rows
    }
}
