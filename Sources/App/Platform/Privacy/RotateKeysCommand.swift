import Fluent
import LegalAidCore
import Vapor

/// `swift run Run rotate-keys`: re-encrypts every sealed value under the active key and
/// recomputes the blind indexes. Add the new key to the key file, make it active, run this,
/// then the old key may be retired.
struct RotateKeysCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Re-encrypt personal data under the active key (after adding a new key to the key file)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let count = try await Self.rotate(on: context.application.db)
        context.console.print("Re-encrypted \(count) rows under key \(Vault.ring.activeID).")
    }

    /// Rewrites each row in its own small transaction-free save: a crash midway leaves every
    /// row readable (old rows under the old key, new under the new), so it can simply be rerun.
    static func rotate(on db: Database) async throws -> Int {
        /// Sets each sealed value again (sealing it under the active key) and saves the row.
        func reseal<M: Model>(_ type: M.Type, _ touch: (M) -> Void) async throws -> Int {
            var count = 0
            for row in try await M.query(on: db).all() {
                touch(row)
                try await row.update(on: db)
                count += 1
            }
            return count
        }
        var rows = 0
        rows += try await reseal(ApplicationModel.self) { $0.form = $0.form; $0.eligibility = $0.eligibility }
        rows += try await reseal(ApplicationEventModel.self) { $0.payload = $0.payload }
        rows += try await reseal(DocumentModel.self) { $0.content = $0.content }
        rows += try await reseal(SMSOutboxModel.self) { $0.phone = $0.phone }
        rows += try await reseal(CaseEventModel.self) { $0.payload = $0.payload }
        rows += try await reseal(CaseProgressModel.self) { $0.note = $0.note }
        rows += try await reseal(ObjectionModel.self) { $0.reason = $0.reason; $0.explanation = $0.explanation }
        rows += try await reseal(LawyerChangeRequestModel.self) { $0.reason = $0.reason; $0.response = $0.response }
        rows += try await reseal(CaseMemberModel.self) { $0.member = $0.member }
        rows += try await reseal(DetainedRequestModel.self) { $0.person = $0.person }
        for account in try await AccountModel.query(on: db).filter(\.$sealedPhone != nil).all() {
            guard let phone = account.phone.flatMap(MobileNumber.parse) else { continue }
            account.phone = phone.value
            account.username = AccountModel.citizenUsername(phone: phone)
            try await account.update(on: db)
            rows += 1
        }
        return rows
    }
}
