import Fluent
import Foundation

/// A creating API request sent with an `Idempotency-Key`, and the answer it got.
final class IdempotencyRecordModel: Model, @unchecked Sendable {
    static let schema = "idempotency_records"

    @ID(key: .id) var id: UUID?
    /// Who sent it: the account, so two people's keys never meet.
    @Field(key: "caller") var caller: String
    @Field(key: "key") var key: String
    /// SHA-256 of method, path and body: the same key with another body is refused.
    @Field(key: "request_hash") var requestHash: String
    /// Nil while the first request is still being handled.
    @OptionalField(key: "status") var status: Int?
    @OptionalField(key: "content_type") var contentType: String?
    /// The answer's body, sealed: it may carry personal data.
    @OptionalField(key: "body") var sealedBody: String?
    @Field(key: "created_at") var createdAt: Date

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $caller, $key, $requestHash, $status, $contentType, $sealedBody, $createdAt] }

    init() {}
}

/// A posted page form, by the hash of its one-time token, and where its first post led.
final class FormSubmissionModel: Model, @unchecked Sendable {
    static let schema = "form_submissions"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    /// Nil while the first post is still being handled.
    @OptionalField(key: "location") var location: String?
    @Field(key: "created_at") var createdAt: Date

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $tokenHash, $location, $createdAt] }

    init() {}
}

/// Wrong status-lookup tries for one application number on one day.
final class LookupFailureModel: Model, @unchecked Sendable {
    static let schema = "lookup_failures"

    @ID(key: .id) var id: UUID?
    @Field(key: "number") var number: String
    @Field(key: "day") var day: String
    @Field(key: "count") var count: Int
    @Field(key: "notified") var notified: Bool

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $number, $day, $count, $notified] }

    init() {}
}
