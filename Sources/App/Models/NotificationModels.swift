import Fluent
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

    init() {}
}

/// An SMS waiting for the gateway. The body never carries case facts or ID numbers.
final class SMSOutboxModel: Model, @unchecked Sendable {
    static let schema = "sms_outbox"

    @ID(key: .id) var id: UUID?
    @Field(key: "phone") var sealedPhone: Sealed<String>

    var phone: String {
        get { sealedPhone.value }
        set { sealedPhone = Sealed(newValue) }
    }
    @Field(key: "body") var body: String
    @OptionalField(key: "application_id") var applicationID: UUID?
    @Field(key: "status") var status: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "sent_at") var sentAt: Date?

    init() {}
}
