import Foundation

/// One consultation as the supervisor's figures need it.
public struct DeskRecord: Hashable, Sendable {
    public var channel: ConsultationChannel
    public var state: ConsultationState
    public var queuedAt: Date
    public var takenAt: Date?
    /// When it ended (closed, withdrawn or given up), if it has.
    public var closedAt: Date?
    /// A written question: when its answer is due (`DeskRules.replyDue`).
    public var replyDue: Date?

    public init(channel: ConsultationChannel, state: ConsultationState, queuedAt: Date, takenAt: Date? = nil, closedAt: Date? = nil, replyDue: Date? = nil) {
        self.channel = channel
        self.state = state
        self.queuedAt = queuedAt
        self.takenAt = takenAt
        self.closedAt = closedAt
        self.replyDue = replyDue
    }
}

/// What a supervisor watches at the desk (issue #12 item 7): the queue now, the three-minute
/// answer rate today, call backs owed and made, message-board questions past their 24 hours,
/// and how people rate the service.
public struct DeskFigures: Hashable, Sendable {
    /// Live requests waiting now, and how long the longest has waited.
    public var waiting: Int
    public var longestWait: TimeInterval?
    /// Live requests asked today whose three minutes are decided: taken, or not taken in time.
    /// One withdrawn before anyone could have taken it in time counts for neither.
    public var liveDecided: Int
    public var answeredInTime: Int
    /// Call backs owed now, and attempts made today.
    public var callbacksOwed: Int
    public var callbackAttemptsToday: Int
    /// Written questions not yet answered, and those of them past their 24 hours.
    public var questionsOpen: Int
    public var repliesOverdue: Int
    /// Ratings given for consultations that ended in the rating window (the caller counts them).
    public var ratings: Int
    public var averageRating: Double?

    /// Share of today's decided live requests taken within the time, nil before the first.
    public var answerRate: Double? { liveDecided == 0 ? nil : Double(answeredInTime) / Double(liveDecided) }

    /// `records`: consultations asked since `startOfDay` plus every one still open (the
    /// caller's query); `ratings`: how many ratings the window holds and their sum of stars.
    public static func compute(_ records: [DeskRecord], callbackAttemptsToday: Int, ratings: (count: Int, stars: Int), startOfDay: Date,
                               now: Date, rules: DeskRules) -> DeskFigures {
        var figures = DeskFigures(waiting: 0, longestWait: nil, liveDecided: 0, answeredInTime: 0, callbacksOwed: 0,
                                  callbackAttemptsToday: callbackAttemptsToday, questionsOpen: 0, repliesOverdue: 0, ratings: ratings.count,
                                  averageRating: ratings.count > 0 ? Double(ratings.stars) / Double(ratings.count) : nil)
        for record in records {
            switch record.state {
            case .waiting where record.channel == .live:
                figures.waiting += 1
                figures.longestWait = max(figures.longestWait ?? 0, now.timeIntervalSince(record.queuedAt))
            case .callback:
                figures.callbacksOwed += 1
            case .awaitingReply:
                figures.questionsOpen += 1
                if let due = record.replyDue, case .overdue = rules.replyClock(due: due, now: now) { figures.repliesOverdue += 1 }
            default:
                break
            }
            if record.channel == .live, record.queuedAt >= startOfDay {
                let due = rules.escalationDue(queuedAt: record.queuedAt)
                if let taken = record.takenAt {
                    figures.liveDecided += 1
                    if taken <= due { figures.answeredInTime += 1 }
                } else if (record.closedAt ?? now) >= due {
                    figures.liveDecided += 1
                }
            }
        }
        return figures
    }
}
