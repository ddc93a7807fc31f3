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

    /// When a message-board question must have its answer: `replyWithin` counted as the desk
    /// works, on working days of the holiday calendar only. A question asked on a rest day (a
    /// weekend, the National Day holiday) starts its clock when the next working day begins;
    /// one whose 24 hours would run into a rest day continues on the next working day. So the
    /// promise made on the page is one the desk can keep.
    public func replyDue(askedAt: Date, calendar: HolidayCalendar) -> Date {
        var remaining = replyWithin
        var instant = askedAt
        // A year has fewer than 40 consecutive rest days; the bound only guards bad data.
        for _ in 0..<800 {
            let day = LocalDate(instant)
            let nextDay = day.adding(days: 1).startOfDay
            if calendar.isWorkingDay(day) {
                let left = nextDay.timeIntervalSince(instant)
                if remaining <= left { return instant.addingTimeInterval(remaining) }
                remaining -= left
            }
            instant = nextDay
        }
        return instant.addingTimeInterval(remaining)
    }

    /// Where a question whose answer is due at `due` stands.
    public func replyClock(due: Date, now: Date) -> ReplyClock {
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
