import Fluent
import LegalAidCore
import Vapor

/// 法律援助法 第49条: an objection to a denial or a termination, decided by the bureau.
final class ObjectionModel: Model, @unchecked Sendable {
    static let schema = "objections"

    @ID(key: .id) var id: UUID?
    @Field(key: "application_id") var applicationID: UUID
    @OptionalField(key: "case_id") var caseID: UUID?
    @Field(key: "subject") var subject: String
    @Field(key: "state") var state: String
    @Field(key: "received_on") var receivedOn: String
    @Field(key: "due_on") var dueOn: String
    /// The objector's account of the facts: encrypted.
    @Field(key: "reason") var sealedReason: Sealed<String>
    @Field(key: "filed_by_account_id") var filedByAccountID: UUID
    @Field(key: "filed_at") var filedAt: Date
    @OptionalField(key: "explanation") var sealedExplanation: Sealed<String>?
    @OptionalField(key: "decided_by_account_id") var decidedByAccountID: UUID?
    @OptionalField(key: "decided_at") var decidedAt: Date?

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $applicationID, $caseID, $subject, $state, $receivedOn, $dueOn, $sealedReason, $filedByAccountID, $filedAt, $sealedExplanation, $decidedByAccountID, $decidedAt] }

    init() {}

    var reason: String {
        get { sealedReason.value }
        set { sealedReason = Sealed(newValue) }
    }

    var explanation: String? {
        get { sealedExplanation?.value }
        set { sealedExplanation = newValue.map(Sealed.init) }
    }

    var objectionState: Objection.State { Objection.State(rawValue: state) ?? .pending }
    var objectionSubject: Objection.Subject { Objection.Subject(rawValue: subject) ?? .denial }
}

/// 法律援助法 第46条: the recipient asks the centre to change the lawyer.
final class LawyerChangeRequestModel: Model, @unchecked Sendable {
    static let schema = "lawyer_change_requests"

    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "state") var state: String
    @Field(key: "reason") var sealedReason: Sealed<String>
    @Field(key: "filed_by_account_id") var filedByAccountID: UUID
    @Field(key: "filed_at") var filedAt: Date
    @OptionalField(key: "response") var sealedResponse: Sealed<String>?
    @OptionalField(key: "decided_by_account_id") var decidedByAccountID: UUID?
    @OptionalField(key: "decided_at") var decidedAt: Date?

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $caseID, $state, $sealedReason, $filedByAccountID, $filedAt, $sealedResponse, $decidedByAccountID, $decidedAt] }

    init() {}

    var reason: String {
        get { sealedReason.value }
        set { sealedReason = Sealed(newValue) }
    }

    var response: String? {
        get { sealedResponse?.value }
        set { sealedResponse = newValue.map(Sealed.init) }
    }

    var requestState: LawyerChangeRequest.State { LawyerChangeRequest.State(rawValue: state) ?? .pending }
}

/// One more recipient of a group matter; name and phone encrypted.
final class CaseMemberModel: Model, @unchecked Sendable {
    static let schema = "case_members"

    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "member") var sealedMember: Sealed<GroupMatter.Member>
    @Field(key: "added_at") var addedAt: Date

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $caseID, $sealedMember, $addedAt] }

    init() {}

    var member: GroupMatter.Member {
        get { sealedMember.value }
        set { sealedMember = Sealed(newValue) }
    }
}

/// 法律援助法 第39条: a detained person's request, forwarded to the centre within 24 hours.
final class DetainedRequestModel: Model, @unchecked Sendable {
    static let schema = "detained_requests"

    @ID(key: .id) var id: UUID?
    @Field(key: "centre_id") var centreID: UUID
    @Field(key: "place_name") var placeName: String
    @Field(key: "person") var sealedPerson: Sealed<DetainedPerson>
    @Field(key: "received_at") var receivedAt: Date
    @Field(key: "forward_due") var forwardDue: Date
    @Field(key: "recorded_by_account_id") var recordedByAccountID: UUID
    @OptionalField(key: "forwarded_at") var forwardedAt: Date?
    @OptionalField(key: "application_id") var applicationID: UUID?

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $centreID, $placeName, $sealedPerson, $receivedAt, $forwardDue, $recordedByAccountID, $forwardedAt, $applicationID] }

    init() {}

    var person: DetainedPerson {
        get { sealedPerson.value }
        set { sealedPerson = Sealed(newValue) }
    }
}

struct DetainedPerson: Codable, Sendable, Hashable {
    var name: String
    var charge: String
    var note: String
}

/// A deadline alert to one person (see `DeadlineSweep`).
final class AlertModel: Model, @unchecked Sendable {
    static let schema = "alerts"

    @ID(key: .id) var id: UUID?
    @Field(key: "key") var key: String
    @Field(key: "recipient_account_id") var recipientAccountID: UUID
    @Field(key: "level") var level: String
    @Field(key: "kind") var kind: String
    @Field(key: "message") var message: String
    @Field(key: "link") var link: String
    @Field(key: "due") var due: Date
    @Field(key: "raised_at") var raisedAt: Date
    @OptionalField(key: "read_at") var readAt: Date?

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $key, $recipientAccountID, $level, $kind, $message, $link, $due, $raisedAt, $readAt] }

    init() {}

    var alertLevel: AlertLevel { AlertLevel(rawValue: level) ?? .dueSoon }
}
