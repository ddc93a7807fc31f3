import Fluent
import LegalAidCore
import Vapor

extension PlatformFeature {
    /// Accounts (a citizen's phone, a staff member's authenticator secret), the SMS outbox, and the
    /// platform's short-lived records: in-app messages, API tokens, repeat guards, lookup failures.
    var personalData: PersonalData {
        PersonalData(
            reseal: [
                PersonalData.reseal(AccountModel.self) { account in
                    if let phone = account.phone.flatMap(MobileNumber.parse) {
                        account.phone = phone.value
                        account.username = AccountModel.citizenUsername(phone: phone)
                    }
                    account.totpSecret = account.totpSecret
                },
                PersonalData.reseal(SMSOutboxModel.self) { $0.phone = $0.phone; $0.sealedParameters = $0.sealedParameters },
            ],
            purge: [{ round in
                let db = round.db
                var counts: [RetentionCategory: Int] = [:]
                counts[.smsOutbox] = try await SMSOutboxModel.query(on: db).filter(\.$createdAt < round.cutoff(.smsOutbox)).count()
                try await SMSOutboxModel.query(on: db).filter(\.$createdAt < round.cutoff(.smsOutbox)).delete()

                counts[.inAppMessage] = try await MessageModel.query(on: db).filter(\.$createdAt < round.cutoff(.inAppMessage)).count()
                try await MessageModel.query(on: db).filter(\.$createdAt < round.cutoff(.inAppMessage)).delete()

                counts[.apiToken] = try await APITokenModel.query(on: db).filter(\.$expiresAt < round.now).count()
                try await APITokenModel.query(on: db).filter(\.$expiresAt < round.now).delete()

                counts[.repeatGuard] = try await IdempotencyRecordModel.query(on: db).filter(\.$createdAt < round.cutoff(.repeatGuard)).count()
                    + FormSubmissionModel.query(on: db).filter(\.$createdAt < round.cutoff(.repeatGuard)).count()
                try await IdempotencyRecordModel.query(on: db).filter(\.$createdAt < round.cutoff(.repeatGuard)).delete()
                try await FormSubmissionModel.query(on: db).filter(\.$createdAt < round.cutoff(.repeatGuard)).delete()
                return counts
            }])
    }
}
