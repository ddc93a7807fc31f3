import Foundation

/// The desk's numbers, as data so a deployment (and a test) can set them.
public struct DeskRules: Hashable, Sendable {
    /// Seed 004: an online request nobody answers within 3 minutes goes to the 12348 hotline.
    public var escalateAfter: TimeInterval
    /// Local service rule: a message-board question is answered within 24 hours.
    public var replyWithin: TimeInterval
    /// How long before the reply clock runs out the workbench starts warning.
    public var replyWarning: TimeInterval
    /// Live chats one person holds at once.
    public var maxParallelChats: Int
    /// Tries at calling a person back before the task is closed as unreachable.
    public var maxCallbackAttempts: Int
    /// Assumed length of one chat when the desk has no history yet (for the wait estimate).
    public var defaultChatLength: TimeInterval

    public init(escalateAfter: TimeInterval = 180, replyWithin: TimeInterval = 24 * 3600, replyWarning: TimeInterval = 4 * 3600,
                maxParallelChats: Int = 3, maxCallbackAttempts: Int = 3, defaultChatLength: TimeInterval = 8 * 60) {
        self.escalateAfter = escalateAfter
        self.replyWithin = replyWithin
        self.replyWarning = replyWarning
        self.maxParallelChats = maxParallelChats
        self.maxCallbackAttempts = maxCallbackAttempts
        self.defaultChatLength = defaultChatLength
    }

    public static let standard = DeskRules()

    /// When a live request still waiting is handed to the hotline.
    public func escalationDue(queuedAt: Date) -> Date { queuedAt.addingTimeInterval(escalateAfter) }

    /// When a message-board question must have its answer.
    public func replyDue(askedAt: Date) -> Date { askedAt.addingTimeInterval(replyWithin) }

    public func replyClock(askedAt: Date, now: Date) -> ReplyClock {
        let due = replyDue(askedAt: askedAt)
        if now >= due { return .overdue(since: due) }
        if now >= due.addingTimeInterval(-replyWarning) { return .dueSoon(due) }
        return .running(due)
    }
}

/// Where a message-board question's 24-hour clock stands, for the workbench's alerts.
public enum ReplyClock: Hashable, Sendable {
    case running(Date)
    case dueSoon(Date)
    case overdue(since: Date)

    public var due: Date {
        switch self {
        case .running(let due), .dueSoon(let due), .overdue(let due): due
        }
    }
}
