import Fluent
import LegalAidCore
import Vapor
import DeskCore

/// One consultation, whatever its channel: a live chat, a written question, a call owed a call
/// back. The person's contact number is sealed; the question and answers live in messages.
final class ConsultationModel: Model, @unchecked Sendable {
    static let schema = "consultations"

    @ID(key: .id) var id: UUID?
    @Field(key: "channel") var channel: String
    @Field(key: "topic") var topic: String
    @Field(key: "state") var state: String
    /// Bumped on every change, so two staff acting at once cannot both win.
    @Field(key: "version") var version: Int
    /// The desk (a legal aid centre) it was asked of.
    @Field(key: "desk_id") var deskID: UUID
    @OptionalField(key: "asker_account_id") var askerAccountID: UUID?
    /// The asker's name as they gave it (may be a nickname).
    @Field(key: "asker_name") var askerName: String
    @OptionalField(key: "phone") var sealedPhone: Sealed<String>?
    /// SHA-256 of the key an anonymous asker holds to come back to their conversation.
    @OptionalField(key: "asker_key_hash") var askerKeyHash: String?
    @OptionalField(key: "responsible_account_id") var responsibleAccountID: UUID?
    /// Everyone who has been responsible, comma-separated account ids.
    @Field(key: "handled_by") var handledByText: String
    @Field(key: "queued_at") var queuedAt: Date
    /// A written question: when its answer is due, fixed when it was asked (on the holiday
    /// calendar of that day). Nil on rows from before it was stored: `answerDue` reckons it.
    @OptionalField(key: "reply_due") var replyDue: Date?
    @OptionalField(key: "taken_at") var takenAt: Date?
    @OptionalField(key: "closed_at") var closedAt: Date?
    @Field(key: "callback_attempts") var callbackAttempts: Int
    @OptionalField(key: "outcome") var outcome: String?
    @OptionalField(key: "outcome_note") var outcomeNote: String?
    @OptionalField(key: "application_id") var applicationID: UUID?
    @OptionalField(key: "rating") var rating: Int?
    @OptionalField(key: "rating_comment") var ratingComment: String?
    /// Messages stored so far; each message's `seq` is the next one.
    @Field(key: "message_count") var messageCount: Int
    /// The PBX's id of the 12348 call this record is about.
    @OptionalField(key: "call_id") var callID: String?

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $channel, $topic, $state, $version, $deskID, $askerAccountID, $askerName, $sealedPhone, $askerKeyHash, $responsibleAccountID, $handledByText, $queuedAt, $replyDue, $takenAt, $closedAt, $callbackAttempts, $outcome, $outcomeNote, $applicationID, $rating, $ratingComment, $messageCount, $callID] }

    init() {}

    var phone: String? {
        get { sealedPhone?.value }
        set { sealedPhone = newValue.map(Sealed.init) }
    }

    var consultationState: ConsultationState { ConsultationState(rawValue: state) ?? .closed }
    var consultationChannel: ConsultationChannel { ConsultationChannel(rawValue: channel) ?? .live }
    var consultationTopic: ConsultationTopic { ConsultationTopic(rawValue: topic) ?? .other }

    var handledBy: Set<UUID> {
        get { Set(handledByText.split(separator: ",").compactMap { UUID(uuidString: String($0)) }) }
        set { handledByText = newValue.map(\.uuidString).sorted().joined(separator: ",") }
    }

    var snapshot: ConsultationSnapshot {
        ConsultationSnapshot(state: consultationState, channel: consultationChannel, askerAccountID: askerAccountID,
                             responsibleAccountID: responsibleAccountID, handledBy: handledBy, queuedAt: queuedAt, callbackAttempts: callbackAttempts)
    }

    func apply(_ snapshot: ConsultationSnapshot) {
        state = snapshot.state.rawValue
        responsibleAccountID = snapshot.responsibleAccountID
        handledBy = snapshot.handledBy
        callbackAttempts = snapshot.callbackAttempts
    }
}

/// One message in a conversation, numbered from 1 within it: a client resumes from the last
/// number it saw, and drops a message it already has by its id.
final class ConsultationMessageModel: Model, @unchecked Sendable {
    static let schema = "consultation_messages"

    enum Author: String, Codable, Sendable { case asker, staff, system }

    @ID(key: .id) var id: UUID?
    @Field(key: "consultation_id") var consultationID: UUID
    @Field(key: "seq") var seq: Int
    @Field(key: "author") var author: String
    @OptionalField(key: "author_account_id") var authorAccountID: UUID?
    @Field(key: "author_name") var authorName: String
    /// The text, sealed: conversations carry case facts.
    @Field(key: "body") var sealedBody: Sealed<String>
    @OptionalField(key: "attachment_id") var attachmentID: UUID?
    @Field(key: "at") var at: Date

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $consultationID, $seq, $author, $authorAccountID, $authorName, $sealedBody, $attachmentID, $at] }

    init() {}

    var body: String {
        get { sealedBody.value }
        set { sealedBody = Sealed(newValue) }
    }
}

/// The record of every step (who, when, from, to, what), as for applications and cases.
final class ConsultationEventModel: Model, @unchecked Sendable {
    static let schema = "consultation_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "consultation_id") var consultationID: UUID
    @Field(key: "event") var event: String
    @Field(key: "from_state") var fromState: String
    @Field(key: "to_state") var toState: String
    @OptionalField(key: "actor_account_id") var actorAccountID: UUID?
    @Field(key: "actor_name") var actorName: String
    /// What the step carried: a hand-over's recipient and note, a call back's result.
    @Field(key: "detail") var detail: String
    @Field(key: "at") var at: Date

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $consultationID, $event, $fromState, $toState, $actorAccountID, $actorName, $detail, $at] }

    init() {}
}

/// Who is on duty at a desk: a row per shift, open until they go off duty.
final class DeskShiftModel: Model, @unchecked Sendable {
    static let schema = "desk_shifts"

    @ID(key: .id) var id: UUID?
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "desk_id") var deskID: UUID
    @Field(key: "started_at") var startedAt: Date
    @OptionalField(key: "ended_at") var endedAt: Date?

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $accountID, $deskID, $startedAt, $endedAt] }

    init() {}
}

/// PBX events already taken: an event id is accepted once (a replay inside the time window is refused).
final class WebhookReceiptModel: Model, @unchecked Sendable {
    static let schema = "webhook_receipts"

    @ID(key: .id) var id: UUID?
    @Field(key: "event_id") var eventID: String
    @Field(key: "received_at") var receivedAt: Date

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $eventID, $receivedAt] }

    init() {}
}

/// A file sent in a conversation: checked by its content (image or PDF) like an application's
/// evidence, stored under a random name, shown only to those who may read the conversation.
final class ConsultationFileModel: Model, @unchecked Sendable {
    static let schema = "consultation_files"

    @ID(key: .id) var id: UUID?
    @Field(key: "consultation_id") var consultationID: UUID
    @Field(key: "original_name") var originalName: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "stored_name") var storedName: String
    @Field(key: "created_at") var createdAt: Date

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $consultationID, $originalName, $contentType, $size, $sha256, $storedName, $createdAt] }

    init() {}

    var isImage: Bool { contentType.hasPrefix("image/") }
}

extension ConsultationModel {
    /// A written question's answer-by time (nil for any other channel).
    func answerDue(_ rules: DeskRules) -> Date? {
        guard consultationChannel == .messageBoard else { return nil }
        return replyDue ?? queuedAt.addingTimeInterval(rules.replyWithin)
    }
}
