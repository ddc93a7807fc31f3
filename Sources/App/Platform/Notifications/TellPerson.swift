import Foundation
import Fluent
import LegalAidCore

/// Tells a person something: an in-app message when they have an account (and the template has
/// an in-app text) and an SMS when there is a number to send it to, both written in the caller's
/// transaction so they exist exactly when the step they report does.
enum TellPerson {
    static func tell(_ notice: Notice, account: UUID?, phone: MobileNumber?, applicationID: UUID? = nil, on tx: Database) async throws {
        if let account, let title = notice.title, let body = notice.body {
            let message = MessageModel()
            message.accountID = account
            message.applicationID = applicationID
            message.title = title
            message.body = body
            try await message.create(on: tx)
        }
        if let phone {
            try await SMSOutboxModel(notice, to: phone, applicationID: applicationID).create(on: tx)
        }
    }
}
