import Foundation

/// What a PBX tells the platform about a 12348 call (issue #12 item 5).
public enum CallEventKind: String, Codable, Sendable, CaseIterable {
    case ringing, answered, ended, missed, voicemail

    /// Calls nobody answered become call backs.
    public var owesCallback: Bool { self == .missed || self == .voicemail }
}

/// A signed webhook is accepted only when fresh and not seen before: the signature covers the
/// timestamp, so an old capture cannot be replayed after the window, and the event id is kept
/// for the window, so it cannot be replayed inside it either.
public struct WebhookFreshness: Hashable, Sendable {
    /// How far the sender's clock may be from ours, either way.
    public var window: TimeInterval

    public init(window: TimeInterval = 300) { self.window = window }

    public enum Verdict: Hashable, Sendable {
        case fresh
        case stale
        case replayed

        public var code: String {
            switch self {
            case .fresh: "fresh"
            case .stale: "staleTimestamp"
            case .replayed: "replayed"
            }
        }
    }

    public func check(timestamp: Date, now: Date, alreadySeen: Bool) -> Verdict {
        guard abs(now.timeIntervalSince(timestamp)) <= window else { return .stale }
        return alreadySeen ? .replayed : .fresh
    }
}

/// What a PBX call event does to the call's consultation record (issue #12 item 5): a ringing
/// call is waiting; an answered call is held by the agent who answered (首问负责); a missed call,
/// a voicemail, or a call that ended before anyone answered is a call back owed. An event out of
/// order (a late `ringing` after `answered`) changes nothing.
public enum HotlineCallRule {
    /// A call still ringing after this long was lost by the PBX (its last event never came):
    /// it is treated as missed, so the caller is called back rather than forgotten.
    public static let ringingGivesUpAfter: TimeInterval = 10 * 60

    public static func next(_ kind: CallEventKind, current: ConsultationState?) -> ConsultationState? {
        switch (kind, current) {
        case (.ringing, nil): .waiting
        case (.answered, nil), (.answered, .waiting?): .active
        case (.missed, nil), (.missed, .waiting?), (.voicemail, nil), (.voicemail, .waiting?): .callback
        case (.ended, .waiting?): .callback // the caller hung up while it rang
        default: nil
        }
    }

    /// Whether a ringing call has waited so long that no further event will come.
    public static func ringingIsLost(since rangAt: Date, now: Date) -> Bool {
        now.timeIntervalSince(rangAt) >= ringingGivesUpAfter
    }
}
