import Foundation

/// Every clock of DOMAIN §3 the platform watches, with the rule it comes from.
public enum DeadlineKind: String, Codable, Sendable, CaseIterable {
    /// 第43条: decide within 7 days of receipt (paused while materials are awaited).
    case decision
    /// 第43条: the day by which asked-for materials must arrive; after it the application may be deemed withdrawn.
    case materials
    /// 第43条 / 第36条: assign within 3 days of the decision or of the notice.
    case assignment
    /// 第44条: urgent aid given first; the paperwork is chased until the application is decided.
    case paperwork
    /// 第49条: the bureau decides an objection within 5 days.
    case objection
    /// 第39条: a detained applicant's request is forwarded within 24 hours.
    case forwarding
    /// Local service rule: quality review within 30 days of closing.
    case qualityReview
    /// Local service rule: return visit within 30 days of the quality review.
    case returnVisit
    /// Local service rule (DOMAIN §4): a message-board question is answered within 24 hours.
    case consultationReply

    public var chinese: String {
        switch self {
        case .decision: "作出是否给予法律援助的决定（第43条，7日）"
        case .materials: "补充材料期限届满，未补充的可按视为撤回处理（第43条）"
        case .assignment: "指派承办人员（第36、43条，3日）"
        case .paperwork: "先行提供法律援助后补办手续（第44条）"
        case .objection: "审查异议并作出决定（第49条，5日）"
        case .forwarding: "转交羁押人员的法律援助申请（第39条，24小时）"
        case .qualityReview: "结案后质量评定（30日）"
        case .returnVisit: "质量评定后回访受援人（30日）"
        case .consultationReply: "书面答复留言咨询（24小时）"
        }
    }

    /// How long before the deadline the first alert goes out.
    public var lead: TimeInterval {
        switch self {
        case .forwarding, .consultationReply: 6 * 3600
        default: 24 * 3600
        }
    }
}

/// One running clock: what, about which record, when it ends, who must act and who supervises.
public struct WatchedDeadline: Hashable, Sendable {
    public var kind: DeadlineKind
    public var subjectID: UUID
    /// What staff recognise it by (the application number; never personal data).
    public var label: String
    /// The last moment: 24:00 of the last day (民法典 第203条), or an exact instant for hour limits.
    public var due: Date
    public var responsible: Set<UUID>
    public var supervisors: Set<UUID>
    public var link: String

    public init(kind: DeadlineKind, subjectID: UUID, label: String, due: Date, responsible: Set<UUID>, supervisors: Set<UUID>, link: String) {
        self.kind = kind
        self.subjectID = subjectID
        self.label = label
        self.due = due
        self.responsible = responsible
        self.supervisors = supervisors
        self.link = link
    }

    /// A deadline counted in days ends at the end of its last day.
    public init(kind: DeadlineKind, subjectID: UUID, label: String, lastDay: LocalDate, responsible: Set<UUID>, supervisors: Set<UUID>, link: String) {
        self.init(kind: kind, subjectID: subjectID, label: label, due: lastDay.endOfDay, responsible: responsible, supervisors: supervisors, link: link)
    }

    public func isOverdue(at now: Date) -> Bool { now > due }
    public func isDueToday(at now: Date) -> Bool { !isOverdue(at: now) && LocalDate(due) == LocalDate(now) }
    public func concerns(_ account: UUID) -> Bool { responsible.contains(account) || supervisors.contains(account) }
}

public enum AlertLevel: String, Codable, Sendable, CaseIterable {
    case dueSoon, overdue

    public var chinese: String { self == .dueSoon ? "即将到期" : "已超期" }
}

/// One alert to one person. `key` makes it idempotent: raising it twice (or from two app
/// instances sweeping at once) leaves one alert.
public struct DeadlineAlert: Hashable, Sendable {
    public var key: String
    public var recipient: UUID
    public var level: AlertLevel
    public var deadline: WatchedDeadline

    public var message: String {
        let when = LocalDate(deadline.due).chinese
        switch level {
        case .dueSoon: return "\(deadline.label)：\(deadline.kind.chinese)将于\(when)到期"
        case .overdue: return "\(deadline.label)：\(deadline.kind.chinese)已于\(when)超期"
        }
    }
}

public enum DeadlineWatch {
    /// Where a clock stands at `now`: nothing yet, due soon, or overdue.
    public static func level(of deadline: WatchedDeadline, at now: Date) -> AlertLevel? {
        if now > deadline.due { return .overdue }
        if now >= deadline.due.addingTimeInterval(-deadline.kind.lead) { return .dueSoon }
        return nil
    }

    /// The alerts a sweep at `now` should have raised: to the responsible people and their
    /// supervisors, once before the deadline and once when it has passed.
    public static func alerts(for deadlines: [WatchedDeadline], at now: Date) -> [DeadlineAlert] {
        deadlines.flatMap { deadline -> [DeadlineAlert] in
            guard let level = level(of: deadline, at: now) else { return [] }
            let key = "\(deadline.kind.rawValue):\(deadline.subjectID.uuidString):\(Int(deadline.due.timeIntervalSince1970)):\(level.rawValue)"
            return deadline.responsible.union(deadline.supervisors).sorted { $0.uuidString < $1.uuidString }.map {
                DeadlineAlert(key: key, recipient: $0, level: level, deadline: deadline)
            }
        }
    }
}

/// Follow-up after closing, as local service rules schedule it.
public enum CaseFollowUp {
    public static let qualityReviewDays = 30
    public static let returnVisitDays = 30

    public static func qualityReviewDue(closedOn: LocalDate, calendar: HolidayCalendar) -> LocalDate {
        Period.lastDay(ofCalendarDays: qualityReviewDays, after: closedOn, calendar: calendar)
    }

    public static func returnVisitDue(reviewedOn: LocalDate, calendar: HolidayCalendar) -> LocalDate {
        Period.lastDay(ofCalendarDays: returnVisitDays, after: reviewedOn, calendar: calendar)
    }
}
