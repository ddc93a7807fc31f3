import Fluent
import LegalAidCore
import Vapor

/// A legal aid case: created when the centre decides to give aid, it carries the application
/// through assignment, handling, closure, quality review and the return visit.
final class CaseModel: Model, @unchecked Sendable {
    static let schema = "legal_aid_cases"

    @ID(key: .id) var id: UUID?
    @Field(key: "application_id") var applicationID: UUID
    @Field(key: "centre_id") var centreID: UUID
    @Field(key: "state") var state: String
    @Field(key: "version") var version: Int
    @Field(key: "decided_on") var decidedOn: String
    /// 法律援助法 第43条: assign within 3 days of the decision.
    @Field(key: "assignment_due") var assignmentDue: String
    @OptionalField(key: "lawyer_account_id") var lawyerAccountID: UUID?
    @OptionalField(key: "firm_id") var firmID: UUID?
    @OptionalField(key: "possible_life_or_death") var possibleLifeOrDeath: Bool?
    /// `CaseOrigin`; nil on rows from before it was recorded (= decision).
    @OptionalField(key: "origin") var origin: String?
    /// For a criminal notification: the court, procuratorate or police who notified (addressee of the 公函).
    @OptionalField(key: "notifying_authority") var notifyingAuthority: String?
    /// 第44条: urgent aid's paperwork to be completed by this day; done when the application is decided.
    @OptionalField(key: "paperwork_due") var paperworkDue: String?
    @OptionalField(key: "paperwork_done_at") var paperworkDoneAt: Date?
    @OptionalField(key: "mediation_consent") var mediationConsent: String?
    @OptionalField(key: "mediation_how") var mediationHow: String?
    @OptionalField(key: "quality_review_due") var qualityReviewDue: String?
    @OptionalField(key: "return_visit_due") var returnVisitDue: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $applicationID, $centreID, $state, $version, $decidedOn, $assignmentDue, $lawyerAccountID, $firmID, $possibleLifeOrDeath, $origin, $notifyingAuthority, $paperworkDue, $paperworkDoneAt, $mediationConsent, $mediationHow, $qualityReviewDue, $returnVisitDue, $createdAt, $updatedAt] }

    init() {}

    var caseState: CaseState { CaseState(rawValue: state) ?? .awaitingAssignment }
    var caseOrigin: CaseOrigin { origin.flatMap(CaseOrigin.init(rawValue:)) ?? .decision }
    var consent: CaseMediationFirst.Consent? { mediationConsent.flatMap(CaseMediationFirst.Consent.init(rawValue:)) }
}

/// Every change of a case: who, when, from, to, what.
final class CaseEventModel: Model, @unchecked Sendable {
    static let schema = "case_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "seq") var seq: Int
    @Field(key: "at") var at: Date
    @Field(key: "actor_account_id") var actorAccountID: UUID
    @Field(key: "actor_name") var actorName: String
    @Field(key: "from_state") var fromState: String
    @Field(key: "to_state") var toState: String
    @Field(key: "event") var event: String
    @Field(key: "payload") var sealedPayload: Sealed<[String: String]>

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $caseID, $seq, $at, $actorAccountID, $actorName, $fromState, $toState, $event, $sealedPayload] }

    init() {}

    var payload: [String: String] {
        get { sealedPayload.value }
        set { sealedPayload = Sealed(newValue) }
    }
}

/// A lawyer's practice record, for the assignment picker (法律援助法 第26条).
final class LawyerProfileModel: Model, @unchecked Sendable {
    static let schema = "lawyer_profiles"

    @ID(key: .id) var id: UUID?
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "practice_years") var practiceYears: Int
    @Field(key: "criminal_years") var criminalYears: Int
    /// Comma-separated `MatterType` raw values.
    @Field(key: "specialities") var specialitiesText: String
    @Field(key: "available") var available: Bool

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $accountID, $practiceYears, $criminalYears, $specialitiesText, $available] }

    init() {}

    var specialities: Set<MatterType> { Set(specialitiesText.split(separator: ",").compactMap { MatterType(rawValue: String($0)) }) }
}

/// One entry of the lawyer's progress log. The note may hold case facts: encrypted.
final class CaseProgressModel: Model, @unchecked Sendable {
    static let schema = "case_progress"

    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "at") var at: Date
    @Field(key: "author_account_id") var authorAccountID: UUID
    @Field(key: "author_name") var authorName: String
    @Field(key: "kind") var kind: String
    @Field(key: "note") var sealedNote: Sealed<String>
    @Field(key: "notify_applicant") var notifyApplicant: Bool

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $caseID, $at, $authorAccountID, $authorName, $kind, $sealedNote, $notifyApplicant] }

    init() {}

    var note: String {
        get { sealedNote.value }
        set { sealedNote = Sealed(newValue) }
    }

    var progressKind: CaseProgressKind { CaseProgressKind(rawValue: kind) ?? .other }
}

extension CaseModel {
    /// Where the case sits, for `AccessPolicy.canViewCase`.
    func scope(applicant app: ApplicationModel) -> CaseScope {
        CaseScope(centreID: centreID, lawyerAccountID: lawyerAccountID, firmID: firmID, applicantAccountID: app.ownerAccountID)
    }
}

/// A case as a list shows it: the row read straight from the database, no model around it.
struct CaseListRow: Decodable, Sendable {
    var id: UUID
    var applicationId: UUID
    var number: String
    var applicantName: String
    var state: String
    var origin: String?
    var lawyerAccountId: UUID?
    var assignmentDue: String
    var version: Int

    var caseState: CaseState { CaseState(rawValue: state) ?? .awaitingAssignment }
    var caseOrigin: CaseOrigin { origin.flatMap(CaseOrigin.init(rawValue:)) ?? .decision }
}
