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
        var rows = 0
        for app in try await ApplicationModel.query(on: db).all() {
            app.form = app.form
            app.eligibility = app.eligibility
            try await app.update(on: db)
            rows += 1
        }
        for event in try await ApplicationEventModel.query(on: db).all() {
            event.payload = event.payload
            try await event.update(on: db)
            rows += 1
        }
        for document in try await DocumentModel.query(on: db).all() {
            document.content = document.content
            try await document.update(on: db)
            rows += 1
        }
        for sms in try await SMSOutboxModel.query(on: db).all() {
            sms.phone = sms.phone
            try await sms.update(on: db)
            rows += 1
        }
        for event in try await CaseEventModel.query(on: db).all() {
            event.payload = event.payload
            try await event.update(on: db)
            rows += 1
        }
        for entry in try await CaseProgressModel.query(on: db).all() {
            entry.note = entry.note
            try await entry.update(on: db)
            rows += 1
        }
        for objection in try await ObjectionModel.query(on: db).all() {
            objection.reason = objection.reason
            objection.explanation = objection.explanation
            try await objection.update(on: db)
            rows += 1
        }
        for request in try await LawyerChangeRequestModel.query(on: db).all() {
            request.reason = request.reason
            request.response = request.response
            try await request.update(on: db)
            rows += 1
        }
        for member in try await CaseMemberModel.query(on: db).all() {
            member.member = member.member
            try await member.update(on: db)
            rows += 1
        }
        for detained in try await DetainedRequestModel.query(on: db).all() {
            detained.person = detained.person
            try await detained.update(on: db)
            rows += 1
        }
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
