import Fluent
import MediationCore
import Vapor

/// One mediation (人民调解): where it came from, where it stands, who is acting, and its clocks.
/// Facts, claims and every free-text reason or note are sealed; dates the law counts in days are stored as `yyyy-MM-dd`.
final class MediationModel: Model, @unchecked Sendable {
    static let schema = "mediations"

    @ID(key: .id) var id: UUID?
    /// （2026）幸调字第0001号: the committee's code, the year and a running number.
    @Field(key: "number") var number: String
    @Field(key: "type") var type: String
    @Field(key: "source") var source: String
    /// The consultation, application or case it came from.
    @OptionalField(key: "source_ref") var sourceRef: UUID?
    @Field(key: "state") var state: String
    /// Bumped on every change, so two people acting at once cannot both win.
    @Field(key: "version") var version: Int
    /// The committee (an organisation) that mediates it.
    @Field(key: "committee_id") var committeeID: UUID
    @OptionalField(key: "mediator_account_id") var mediatorAccountID: UUID?
    /// Mediators a party objected to (回避), comma-separated account ids.
    @Field(key: "recused") var recusedText: String
    /// The applicant's own account, when they applied online.
    @OptionalField(key: "applicant_account_id") var applicantAccountID: UUID?
    @Field(key: "facts") var sealedFacts: Sealed<String>
    @Field(key: "claims") var sealedClaims: Sealed<String>
    /// A language or dialect a party needs besides Mandarin.
    @OptionalField(key: "language") var language: String?
    @OptionalField(key: "reply_due") var replyDue: String?
    @OptionalField(key: "accepted_on") var acceptedOn: String?
    @OptionalField(key: "extension_reason") var sealedExtensionReason: Sealed<String>?
    /// The last day of the one-month period (extended or not), fixed when it starts or is
    /// extended on that day's holiday calendar, so lists can find what is due in SQL.
    @OptionalField(key: "due_on") var dueOn: String?
    /// Why it ended without agreement (refusal, failure, withdrawal).
    @OptionalField(key: "ended_reason") var sealedEndedReason: Sealed<String>?
    @OptionalField(key: "agreement_effective_on") var agreementEffectiveOn: String?
    /// The agreement that took effect was oral (第30条): nothing written for a court to confirm.
    @OptionalField(key: "agreement_oral") var agreementOral: Bool?
    /// When the agreement took effect (figures count days to agreement from it).
    @OptionalField(key: "agreed_at") var agreedAt: Date?
    /// The confirmation reminders already sent, as `20,27`.
    @Field(key: "reminders_sent") var remindersSent: String
    /// What the court answered to the joint application for judicial confirmation.
    @OptionalField(key: "court_answer") var sealedCourtAnswer: Sealed<String>?
    @OptionalField(key: "return_visit") var sealedReturnVisit: Sealed<String>?
    @OptionalField(key: "performed") var performed: Bool?
    /// The risks flagged, comma-separated `EscalationRisk` names.
    @OptionalField(key: "escalation") var escalation: String?
    @OptionalField(key: "escalation_raised_at") var escalationRaisedAt: Date?
    @OptionalField(key: "escalation_closed_at") var escalationClosedAt: Date?
    @OptionalField(key: "escalation_follow_up") var sealedEscalationFollowUp: Sealed<String>?
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    @OptionalField(key: "closed_at") var closedAt: Date?

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $number, $type, $source, $sourceRef, $state, $version, $committeeID, $mediatorAccountID, $recusedText, $applicantAccountID, $sealedFacts, $sealedClaims, $language, $replyDue, $acceptedOn, $sealedExtensionReason, $dueOn, $sealedEndedReason, $agreementEffectiveOn, $agreementOral, $agreedAt, $remindersSent, $sealedCourtAnswer, $sealedReturnVisit, $performed, $escalation, $escalationRaisedAt, $escalationClosedAt, $sealedEscalationFollowUp, $createdBy, $createdAt, $updatedAt, $closedAt] }

    init() {}

    var facts: String {
        get { sealedFacts.value }
        set { sealedFacts = Sealed(newValue) }
    }
    var claims: String {
        get { sealedClaims.value }
        set { sealedClaims = Sealed(newValue) }
    }

    var extensionReason: String? {
        get { sealedExtensionReason?.value }
        set { sealedExtensionReason = newValue.map(Sealed.init) }
    }
    var endedReason: String? {
        get { sealedEndedReason?.value }
        set { sealedEndedReason = newValue.map(Sealed.init) }
    }
    var courtAnswer: String? {
        get { sealedCourtAnswer?.value }
        set { sealedCourtAnswer = newValue.map(Sealed.init) }
    }
    var returnVisit: String? {
        get { sealedReturnVisit?.value }
        set { sealedReturnVisit = newValue.map(Sealed.init) }
    }
    var escalationFollowUp: String? {
        get { sealedEscalationFollowUp?.value }
        set { sealedEscalationFollowUp = newValue.map(Sealed.init) }
    }

    var mediationState: MediationState { MediationState(rawValue: state) ?? .closed }
    var disputeType: DisputeType { DisputeType(rawValue: type) ?? .other }
    var mediationSource: MediationSource { MediationSource(rawValue: source) ?? .partyApplication }

    var recused: Set<UUID> {
        get { Set(recusedText.split(separator: ",").compactMap { UUID(uuidString: String($0)) }) }
        set { recusedText = newValue.map(\.uuidString).sorted().joined(separator: ",") }
    }
    var escalationRisks: [EscalationRisk] {
        (escalation ?? "").split(separator: ",").compactMap { EscalationRisk(rawValue: String($0)) }
    }
    var escalationOpen: Bool { escalation != nil && escalationClosedAt == nil }

    var acceptedDay: LocalDate? { acceptedOn.flatMap(LocalDate.init(iso:)) }
    var replyDueDay: LocalDate? { replyDue.flatMap(LocalDate.init(iso:)) }
    var effectiveDay: LocalDate? { agreementEffectiveOn.flatMap(LocalDate.init(iso:)) }
    var reminderDaysSent: Set<Int> { Set(remindersSent.split(separator: ",").compactMap { Int($0) }) }

    var agreementIsOral: Bool { agreementOral == true }

    var clock: MediationClock? { acceptedDay.map { MediationClock(acceptedOn: $0, extensionReason: extensionReason) } }
}

/// A party: a person or an organisation, on the applicant's side or the other, with an agent
/// when one acts for them. The phone and address are sealed. The other side answers through a
/// link whose key only they hold (its hash is kept); delivery is proved by the SMS's own record,
/// a delivery in person, and the link being opened.
final class MediationPartyModel: Model, @unchecked Sendable {
    static let schema = "mediation_parties"

    enum Side: String, Codable, Sendable {
        case applicant, respondent
        var chinese: String { self == .applicant ? "申请人" : "被申请人" }
    }
    enum Reply: String, Sendable { case accepted, refused }

    @ID(key: .id) var id: UUID?
    @Field(key: "mediation_id") var mediationID: UUID
    @Field(key: "side") var side: String
    /// 1, 2, … in the order the parties were entered.
    @Field(key: "seq") var seq: Int
    @Field(key: "organisation") var organisation: Bool
    @Field(key: "name") var name: String
    @OptionalField(key: "phone") var sealedPhone: Sealed<String>?
    @OptionalField(key: "address") var sealedAddress: Sealed<String>?
    /// Who acts for them (委托代理人 or 法定代理人), as written.
    @OptionalField(key: "agent") var agent: String?
    @OptionalField(key: "account_id") var accountID: UUID?
    @OptionalField(key: "key_hash") var keyHash: String?
    @OptionalField(key: "invited_at") var invitedAt: Date?
    @OptionalField(key: "invitation_sms_id") var invitationSMSID: UUID?
    @OptionalField(key: "delivered_in_person_at") var deliveredInPersonAt: Date?
    @OptionalField(key: "opened_at") var openedAt: Date?
    @OptionalField(key: "replied_at") var repliedAt: Date?
    @OptionalField(key: "reply") var reply: String?
    @OptionalField(key: "rights_acknowledged_at") var rightsAcknowledgedAt: Date?
    /// `screen`, or `paper` when signed on paper (the scan kept with the sessions' files).
    @OptionalField(key: "rights_method") var rightsMethod: String?

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $mediationID, $side, $seq, $organisation, $name, $sealedPhone, $sealedAddress, $agent, $accountID, $keyHash, $invitedAt, $invitationSMSID, $deliveredInPersonAt, $openedAt, $repliedAt, $reply, $rightsAcknowledgedAt, $rightsMethod] }

    init() {}

    var phone: String? {
        get { sealedPhone?.value }
        set { sealedPhone = newValue.map(Sealed.init) }
    }
    var address: String? {
        get { sealedAddress?.value }
        set { sealedAddress = newValue.map(Sealed.init) }
    }
    var partySide: Side { Side(rawValue: side) ?? .respondent }
    var signatory: Signatory { Signatory(id: id!, role: .party, name: name) }
}

/// One step in a mediation's record: who did what, when, from which state to which, and why.
final class MediationStepModel: Model, @unchecked Sendable {
    static let schema = "mediation_steps"

    @ID(key: .id) var id: UUID?
    @Field(key: "mediation_id") var mediationID: UUID
    @Field(key: "at") var at: Date
    @OptionalField(key: "account_id") var accountID: UUID?
    /// The name shown in the record: a staff member's, or a party's (no account).
    @Field(key: "actor") var actor: String
    @Field(key: "event") var event: String
    @OptionalField(key: "from_state") var fromState: String?
    @OptionalField(key: "to_state") var toState: String?
    /// Reasons and notes are the dispute's own words: sealed.
    @OptionalField(key: "note") var sealedNote: Sealed<String>?

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $mediationID, $at, $accountID, $actor, $event, $fromState, $toState, $sealedNote] }

    init() {}

    var note: String? {
        get { sealedNote?.value }
        set { sealedNote = newValue.map(Sealed.init) }
    }

    /// Ids that sort in the order this process wrote the steps (`InboxOrder`), so steps of one
    /// moment — a reply and the acceptance it causes — read in the order they happened.
    init(mediation: UUID, at: Date, account: UUID?, actor: String, event: String, from: MediationState?, to: MediationState?, note: String?) {
        id = InboxOrder.next(atMilliseconds: Int64((at.timeIntervalSince1970 * 1000).rounded(.down)))
        mediationID = mediation
        self.at = at
        accountID = account
        self.actor = actor
        self.event = event
        fromState = from?.rawValue
        toState = to?.rawValue
        sealedNote = note.map(Sealed.init)
    }
}
