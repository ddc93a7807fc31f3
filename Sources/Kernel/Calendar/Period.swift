import Foundation

/// How the law counts a period (民法典 第201条、第203条; DOMAIN §3a).
public enum Period {
    /// The last day of a period of `days` calendar days ("N 日") starting from `event`.
    ///
    /// The day of the event is not counted (第201条); if the last day is a rest day or a
    /// public holiday, the period ends on the next working day (第203条).
    public static func lastDay(ofCalendarDays days: Int, after event: LocalDate, calendar: HolidayCalendar) -> LocalDate {
        calendar.nextWorkingDay(onOrAfter: event.adding(days: days))
    }

    /// The last day of a period of `months` months ("一个月") starting from `event`: the day of
    /// the event is not counted (第201条); the period ends on the corresponding day of the last
    /// month, or on that month's last day when it has no such day (第202条), moved to the next
    /// working day when it is a rest day (第203条).
    public static func lastDay(ofMonths months: Int, after event: LocalDate, calendar: HolidayCalendar) -> LocalDate {
        let total = event.month - 1 + months
        let year = event.year + total / 12, month = total % 12 + 1
        let day = LocalDate(year: year, month: month, day: event.day)
            ?? (1...3).lazy.compactMap { LocalDate(year: year, month: month, day: event.day - $0) }.first!
        return calendar.nextWorkingDay(onOrAfter: day)
    }

    /// The last day of a period of `days` working days (工作日) starting from `event`.
    public static func lastDay(ofWorkingDays days: Int, after event: LocalDate, calendar: HolidayCalendar) -> LocalDate {
        var day = event
        var counted = 0
        while counted < days {
            day = day.adding(days: 1)
            if calendar.isWorkingDay(day) { counted += 1 }
        }
        return day
    }
}

/// A stretch of days during which a clock was stopped (the applicant was asked for
/// missing materials and had not yet supplied them).
public struct ClockPause: Hashable, Codable, Sendable {
    public var from: LocalDate
    /// `nil` while the clock is still stopped.
    public var until: LocalDate?

    public init(from: LocalDate, until: LocalDate?) {
        self.from = from
        self.until = until
    }

    /// Days the clock stood still. The day materials arrive counts again, as the day
    /// they were asked for did.
    public func pausedDays(asOf today: LocalDate) -> Int {
        max(0, from.days(until: until ?? today))
    }
}

/// A legal time limit on one stage of an application, e.g. the centre's decision
/// within 7 days of receipt (法律援助法 第43条).
public struct Deadline: Hashable, Codable, Sendable {
    public var started: LocalDate
    public var calendarDays: Int
    public var pauses: [ClockPause]

    public init(started: LocalDate, calendarDays: Int, pauses: [ClockPause] = []) {
        self.started = started
        self.calendarDays = calendarDays
        self.pauses = pauses
    }

    public var isPaused: Bool { pauses.contains { $0.until == nil } }

    /// The last day on which the act is still in time, counting stopped days out.
    /// While the clock is stopped the answer moves forward a day for each day that passes.
    public func lastDay(asOf today: LocalDate, calendar: HolidayCalendar) -> LocalDate {
        let paused = pauses.reduce(0) { $0 + $1.pausedDays(asOf: today) }
        return Period.lastDay(ofCalendarDays: calendarDays + paused, after: started, calendar: calendar)
    }

    /// Overdue once the last day has ended (24:00, 民法典 第203条) and the clock is running.
    public func isOverdue(at now: Date, calendar: HolidayCalendar) -> Bool {
        guard !isPaused else { return false }
        return now > lastDay(asOf: LocalDate(now), calendar: calendar).endOfDay
    }

    /// Calendar days left, 0 on the last day, negative once overdue.
    public func daysLeft(asOf today: LocalDate, calendar: HolidayCalendar) -> Int {
        today.days(until: lastDay(asOf: today, calendar: calendar))
    }

    /// The day the clock stopped, while it is stopped.
    public var pausedSince: LocalDate? { pauses.last { $0.until == nil }?.from }

    /// What a person is told about the clock today. While it is stopped there is no due date
    /// to show: it depends on the day the materials arrive, so only the days still unused are
    /// known (the day asked counts as used, 民法典 第201条 counting as elsewhere).
    public func reading(at now: Date, calendar: HolidayCalendar) -> ClockReading {
        let today = LocalDate(now)
        if let since = pausedSince {
            let stoppedBefore = pauses.filter { $0.until != nil }.reduce(0) { $0 + $1.pausedDays(asOf: today) }
            let used = started.days(until: since) - stoppedBefore
            return .paused(since: since, daysUnused: max(0, calendarDays - used))
        }
        let last = lastDay(asOf: today, calendar: calendar)
        return .running(lastDay: last, daysLeft: today.days(until: last), overdue: isOverdue(at: now, calendar: calendar))
    }
}

/// A legal clock as shown to people: running towards a last day, or stopped.
public enum ClockReading: Hashable, Sendable {
    case running(lastDay: LocalDate, daysLeft: Int, overdue: Bool)
    /// Stopped since a day; once it restarts, `daysUnused` calendar days remain.
    case paused(since: LocalDate, daysUnused: Int)

    public var lastDay: LocalDate? {
        if case .running(let last, _, _) = self { return last }
        return nil
    }

    public var isPaused: Bool {
        if case .paused = self { return true }
        return false
    }

    /// One line in Chinese, naming the rule (法律援助法 第43条 for the decision clock).
    public func chinese(rule: String) -> String {
        switch self {
        case let .running(last, _, overdue):
            return overdue ? "已超过期限（\(last.chinese)，\(rule)）" : "\(last.chinese)前（\(rule)）"
        case let .paused(since, unused):
            return "自\(since.chinese)起暂停计算（等待补充材料）；材料补齐之日起重新计算，届时剩余\(unused)日（\(rule)）"
        }
    }
}
