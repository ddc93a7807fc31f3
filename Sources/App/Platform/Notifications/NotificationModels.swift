import Fluent
import LegalAidCore
import Vapor

/// An in-app message to an account (the applicant's inbox).
final class MessageModel: Model, @unchecked Sendable {
    static let schema = "messages"

    @ID(key: .id) var id: UUID?
    @Field(key: "account_id") var accountID: UUID
    @OptionalField(key: "application_id") var applicationID: UUID?
    @Field(key: "title") var title: String
    @Field(key: "body") var body: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "read_at") var readAt: Date?

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $accountID, $applicationID, $title, $body, $createdAt, $readAt] }

    init() {}
}

/// An SMS for the dispatcher to send. The body never carries case facts or ID numbers; the
/// phone and the template's parameters are sealed.
final class SMSOutboxModel: Model, @unchecked Sendable {
    static let schema = "sms_outbox"

    enum Status: String, Sendable {
        /// Waiting for its first or next try.
        case pending
        /// The provider accepted it.
        case sent
        /// Refused for good, or out of tries.
        case failed
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "phone") var sealedPhone: Sealed<String>

    var phone: String {
        get { sealedPhone.value }
        set { sealedPhone = Sealed(newValue) }
    }
    /// The text as the phone shows it, signature first.
    @Field(key: "body") var body: String
    /// The template's name (`MessageTemplate.template`; nil on rows written before templates).
    @OptionalField(key: "template") var template: String?
    @OptionalField(key: "params") var sealedParameters: Sealed<[String: String]>?
    @OptionalField(key: "application_id") var applicationID: UUID?
    @Field(key: "status") var status: String
    @OptionalField(key: "attempts") var attempts: Int?
    @OptionalField(key: "next_attempt_at") var nextAttemptAt: Date?
    /// Set while an instance is sending it; another instance leaves it alone until then.
    @OptionalField(key: "claimed_until") var claimedUntil: Date?
    @OptionalField(key: "last_attempt_at") var lastAttemptAt: Date?
    /// The provider's message id (BizId) once accepted.
    @OptionalField(key: "provider_reference") var providerReference: String?
    /// The provider's last answer: its code and message, for staff looking into a failure.
    @OptionalField(key: "provider_answer") var providerAnswer: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "sent_at") var sentAt: Date?

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $sealedPhone, $body, $template, $sealedParameters, $applicationID, $status, $attempts, $nextAttemptAt, $claimedUntil, $lastAttemptAt, $providerReference, $providerAnswer, $createdAt, $sentAt] }

    init() {}

    /// A new pending SMS carrying `notice` to `phone`.
    init(_ notice: Notice, to phone: MobileNumber, applicationID: UUID?) {
        self.phone = phone.value
        body = notice.sms
        template = notice.template
        sealedParameters = Sealed(notice.smsParameters)
        self.applicationID = applicationID
        status = Status.pending.rawValue
        attempts = 0
    }
}
