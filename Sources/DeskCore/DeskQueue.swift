import Foundation

/// A live request waiting for someone on duty.
public struct WaitingRequest: Hashable, Sendable {
    public var id: UUID
    public var queuedAt: Date
    public init(id: UUID, queuedAt: Date) {
        self.id = id
        self.queuedAt = queuedAt
    }
}

/// A staff member or duty lawyer on duty at the desk.
public struct DutyMember: Hashable, Sendable {
    public var accountID: UUID
    public var onDutySince: Date
    /// Live chats this person holds now.
    public var openChats: Int
    /// The last time this person took a request (nil: not yet this shift).
    public var lastTookAt: Date?

    public init(accountID: UUID, onDutySince: Date, openChats: Int, lastTookAt: Date?) {
        self.accountID = accountID
        self.onDutySince = onDutySince
        self.openChats = openChats
        self.lastTookAt = lastTookAt
    }
}

/// Who is offered which waiting request (issue #12 item 2): the longest-waiting request first,
/// each to the on-duty person with a free place who holds the fewest chats, then the one who
/// has gone longest without taking one, so work spreads evenly; nobody is offered more than the
/// per-person limit.
public enum DeskQueue {
    public struct Offer: Hashable, Sendable {
        public var request: UUID
        public var to: UUID
        public init(request: UUID, to: UUID) {
            self.request = request
            self.to = to
        }
    }

    public static func offers(waiting: [WaitingRequest], duty: [DutyMember], rules: DeskRules) -> [Offer] {
        var staff = duty
        var offers: [Offer] = []
        for request in inQueueOrder(waiting) {
            let free = staff.indices.filter { staff[$0].openChats < rules.maxParallelChats }
            guard let pick = free.min(by: { fairer(staff[$0], than: staff[$1]) }) else { break }
            offers.append(Offer(request: request.id, to: staff[pick].accountID))
            staff[pick].openChats += 1
            // Offered just now: after everyone who has not been offered one in this round.
            staff[pick].lastTookAt = Date.distantFuture.addingTimeInterval(Double(offers.count))
        }
        return offers
    }

    /// The request a person gets on "接入下一位": the one offered to them, or, when nothing is
    /// offered to them (everyone else is freer), the longest-waiting request, so a request never
    /// waits on a colleague who is away from the desk.
    public static func next(for accountID: UUID, waiting: [WaitingRequest], duty: [DutyMember], rules: DeskRules) -> UUID? {
        guard let me = duty.first(where: { $0.accountID == accountID }), me.openChats < rules.maxParallelChats else { return nil }
        if let mine = offers(waiting: waiting, duty: duty, rules: rules).first(where: { $0.to == accountID }) { return mine.request }
        return inQueueOrder(waiting).first?.id
    }

    /// Longest-waiting first; ties by id so every instance computes the same order.
    public static func inQueueOrder(_ waiting: [WaitingRequest]) -> [WaitingRequest] {
        waiting.sorted { ($0.queuedAt, $0.id.uuidString) < ($1.queuedAt, $1.id.uuidString) }
    }

    private static func fairer(_ a: DutyMember, than b: DutyMember) -> Bool {
        if a.openChats != b.openChats { return a.openChats < b.openChats }
        switch (a.lastTookAt, b.lastTookAt) {
        case (nil, .some): return true
        case (.some, nil): return false
        case let (.some(x), .some(y)) where x != y: return x < y
        default: break
        }
        if a.onDutySince != b.onDutySince { return a.onDutySince < b.onDutySince }
        return a.accountID.uuidString < b.accountID.uuidString
    }

    /// Where a waiting request stands: its place (1 = next) and an honest estimate of the wait.
    public static func position(of id: UUID, waiting: [WaitingRequest], duty: [DutyMember], rules: DeskRules,
                                averageChat: TimeInterval?) -> QueuePosition? {
        let ordered = inQueueOrder(waiting)
        guard let index = ordered.firstIndex(where: { $0.id == id }) else { return nil }
        let place = index + 1
        let freePlaces = duty.reduce(0) { $0 + max(0, rules.maxParallelChats - $1.openChats) }
        guard !duty.isEmpty else { return QueuePosition(place: place, estimate: .nobodyOnDuty) }
        if place <= freePlaces { return QueuePosition(place: place, estimate: .soon) }
        // Each person frees a place about once per chat length divided by the chats they hold.
        let chat = averageChat ?? rules.defaultChatLength
        let placesFreedPerSecond = Double(duty.count * rules.maxParallelChats) / chat
        let seconds = Double(place - freePlaces) / placesFreedPerSecond
        return QueuePosition(place: place, estimate: .about(minutes: max(1, Int((seconds / 60).rounded(.up)))))
    }
}

public struct QueuePosition: Hashable, Sendable {
    public enum Estimate: Hashable, Sendable {
        /// Someone has a free place: the request is being offered now.
        case soon
        case about(minutes: Int)
        /// Nobody is on duty: the request will go to the hotline for a call back.
        case nobodyOnDuty
    }

    public var place: Int
    public var estimate: Estimate

    /// What the citizen reads, honest about the three-minute rule.
    public func chinese(escalateAfter: TimeInterval) -> String {
        let limit = Int(escalateAfter / 60)
        switch estimate {
        case .soon:
            return "您前面还有\(place - 1)人，工作人员即将接入。"
        case .about(let minutes) where Double(minutes * 60) < escalateAfter:
            return "您前面还有\(place - 1)人，预计等待约\(minutes)分钟。"
        case .about:
            return "您前面还有\(place - 1)人。如\(limit)分钟内无人接入，12348热线将按您留下的手机号回电，无需一直等待。"
        case .nobodyOnDuty:
            return "当前值班人员暂时不在线。如\(limit)分钟内无人接入，12348热线将按您留下的手机号回电。"
        }
    }
}
