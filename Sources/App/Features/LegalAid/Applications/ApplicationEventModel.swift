import Fluent
import Vapor

/// The record of every change: who, when, from, to, why (CONVENTIONS: events as the record).
final class ApplicationEventModel: Model, @unchecked Sendable {
    static let schema = "application_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "application_id") var applicationID: UUID
    /// The application's version after this event: increasing, and unique per application, a
    /// second guard against lost updates.
    @Field(key: "seq") var seq: Int
    @Field(key: "at") var at: Date
    @Field(key: "actor_account_id") var actorAccountID: UUID
    @Field(key: "actor_name") var actorName: String
    @OptionalField(key: "actor_org_id") var actorOrganisationID: UUID?
    @Field(key: "from_state") var fromState: String
    @Field(key: "to_state") var toState: String
    @Field(key: "event") var event: String
    @OptionalField(key: "reason_code") var reasonCode: String?
    /// Reasons and opinions can carry case facts: encrypted.
    @Field(key: "payload") var sealedPayload: Sealed<[String: String]>

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $applicationID, $seq, $at, $actorAccountID, $actorName, $actorOrganisationID, $fromState, $toState, $event, $reasonCode, $sealedPayload] }

    var payload: [String: String] {
        get { sealedPayload.value }
        set { sealedPayload = Sealed(newValue) }
    }

    init() {}
}
