import Foundation
import LegalAidCore

/// One SMS as a gateway sees it: the number, the template and its parameters (what a provider
/// in China sends), and the text as the phone shows it (what a log or a test reads).
struct OutgoingSMS: Sendable {
    var phone: String
    /// The template's name (`MessageTemplate.template`), which the provider's configuration maps to its code.
    var template: String?
    var parameters: [String: String]
    var text: String
}

/// What the provider said about one message.
struct SMSGatewayAnswer: Sendable, Equatable {
    enum Outcome: Sendable, Equatable {
        /// Accepted for delivery, under the provider's message id.
        case accepted(reference: String)
        /// Not now (throttled, provider or network down): try again later.
        case retryLater
        /// Never (an invalid number, a blocked recipient): do not try again.
        case refused
    }

    var outcome: Outcome
    /// The provider's code and message, kept on the outbox row for staff looking into a failure.
    var code: String
    var message: String
}

/// Where SMS leave the platform. Never throws: every failure is an answer the dispatcher can
/// act on. Callback reminders, rating links and conference invitations go the same way.
protocol SMSGateway: Sendable {
    func send(_ sms: OutgoingSMS) async -> SMSGatewayAnswer
    /// The longest one `send` can take before it gives up (the dispatcher's lease covers a
    /// whole batch of these).
    var longestSend: TimeInterval { get }
}

extension SMSGateway {
    var longestSend: TimeInterval { 1 }
}

/// Development and demo: writes one line per SMS to the log, never the number or the text.
struct LoggingSMSGateway: SMSGateway {
    var log: @Sendable (String) -> Void

    func send(_ sms: OutgoingSMS) async -> SMSGatewayAnswer {
        let reference = "log-" + UUID().uuidString.prefix(8).lowercased()
        log("sms \(reference): template \(sms.template ?? "-") to ******\(sms.phone.suffix(4)), \(sms.text.count) characters")
        return SMSGatewayAnswer(outcome: .accepted(reference: reference), code: "LOGGED", message: "written to the log only (FAYUAN_SMS_GATEWAY=log)")
    }
}
