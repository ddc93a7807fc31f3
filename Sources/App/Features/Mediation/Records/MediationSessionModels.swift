import Fluent
import MediationCore
import Vapor

/// A session: where (a room, or a video link — the voice and video feature fills the link), when,
/// joint or with one party (背对背), who attended, and the written record (笔录, sealed).
final class MediationSessionModel: Model, @unchecked Sendable {
    static let schema = "mediation_sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "mediation_id") var mediationID: UUID
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "place") var place: String
    @Field(key: "video") var video: Bool
    /// Nil for a joint session; the one party present in a separate one.
    @OptionalField(key: "with_party") var withParty: UUID?
    /// Party ids who attended, comma-separated.
    @Field(key: "attended") var attendedText: String
    @OptionalField(key: "record") var sealedRecord: Sealed<String>?
    @OptionalField(key: "recorded_at") var recordedAt: Date?
    @OptionalField(key: "mediator_account_id") var mediatorAccountID: UUID?

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $mediationID, $startsAt, $place, $video, $withParty, $attendedText, $sealedRecord, $recordedAt, $mediatorAccountID] }

    init() {}

    var record: String? {
        get { sealedRecord?.value }
        set { sealedRecord = newValue.map(Sealed.init) }
    }
    var attended: [UUID] { attendedText.split(separator: ",").compactMap { UUID(uuidString: String($0)) } }
}

/// One version of the agreement (调解协议书). Its facts and terms are sealed; a version once
/// signed is never edited — a change is the next version, and the one before is superseded.
final class MediationAgreementModel: Model, @unchecked Sendable {
    static let schema = "mediation_agreements"

    @ID(key: .id) var id: UUID?
    @Field(key: "mediation_id") var mediationID: UUID
    @Field(key: "version") var version: Int
    @Field(key: "facts") var sealedFacts: Sealed<String>
    @Field(key: "terms") var sealedTerms: Sealed<String>
    @Field(key: "oral") var oral: Bool
    @OptionalField(key: "sealed_at") var sealedAt: Date?
    @Field(key: "superseded") var superseded: Bool
    @Field(key: "created_at") var createdAt: Date

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $mediationID, $version, $sealedFacts, $sealedTerms, $oral, $sealedAt, $superseded, $createdAt] }

    init() {}

    var facts: String {
        get { sealedFacts.value }
        set { sealedFacts = Sealed(newValue) }
    }
    var terms: String {
        get { sealedTerms.value }
        set { sealedTerms = Sealed(newValue) }
    }
}

/// A signature on one version: a party's (on screen after an SMS code, or on paper with the
/// scan) or the mediator's. One per signatory and version (the rule is the domain's; the unique
/// index is a backstop against two requests at once).
final class MediationSignatureModel: Model, @unchecked Sendable {
    static let schema = "mediation_signatures"

    @ID(key: .id) var id: UUID?
    @Field(key: "agreement_id") var agreementID: UUID
    @Field(key: "signatory_id") var signatoryID: UUID
    @Field(key: "role") var role: String
    @Field(key: "name") var name: String
    /// `screen` or `paper`.
    @Field(key: "method") var method: String
    /// The stored scan's name, for a signature on paper.
    @OptionalField(key: "scan") var scan: String?
    @Field(key: "at") var at: Date

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $agreementID, $signatoryID, $role, $name, $method, $scan, $at] }

    init() {}
}

/// A committee as mediation sees it: the organisation, its level, the village or community
/// committee it serves, its street, and for an industry committee the disputes it takes.
final class MediationCommitteeModel: Model, @unchecked Sendable {
    static let schema = "mediation_committees"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "level") var level: String
    @OptionalField(key: "place_id") var placeID: UUID?
    @Field(key: "street") var street: String
    @Field(key: "dispute_types") var disputeTypes: String

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $organisationID, $level, $placeID, $street, $disputeTypes] }

    init() {}

    var committee: Committee {
        Committee(id: organisationID, name: "", level: Committee.Level(rawValue: level) ?? .village, place: placeID,
                  disputeTypes: Set(disputeTypes.split(separator: ",").compactMap { DisputeType(rawValue: String($0)) }))
    }
}

/// What recommendation weighs of a mediator besides their load: their committee, the disputes
/// they know, and the languages or dialects they speak.
final class MediatorProfileModel: Model, @unchecked Sendable {
    static let schema = "mediator_profiles"

    @ID(key: .id) var id: UUID?
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "committee_id") var committeeID: UUID
    @Field(key: "specialities") var specialities: String
    @Field(key: "languages") var languages: String

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $accountID, $committeeID, $specialities, $languages] }

    init() {}
}
