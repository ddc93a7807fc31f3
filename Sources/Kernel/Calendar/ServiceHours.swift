import Foundation

/// Opening hours of an organisation, as data (DOMAIN §1). Holidays close every office
/// unless it runs round the clock.
public struct ServiceHours: Hashable, Codable, Sendable {
    public struct Span: Hashable, Codable, Sendable {
        /// Minutes after midnight.
        public var opens: Int
        public var closes: Int
        public init(opens: Int, closes: Int) {
            self.opens = opens
            self.closes = closes
        }
        public var text: String {
            ClockText.time(opens) + "–" + ClockText.time(closes)
        }
    }

    /// Spans that apply on every working day.
    public var workingDays: [Span]
    /// A 24×7 service (e.g. the 12348 hotline) ignores the calendar.
    public var roundTheClock: Bool

    public init(workingDays: [Span], roundTheClock: Bool = false) {
        self.workingDays = workingDays
        self.roundTheClock = roundTheClock
    }

    /// The seed's online desk: weekdays 09:30–11:30 and 14:00–16:00, holidays excepted.
    public static let onlineDesk = ServiceHours(workingDays: [
        Span(opens: 9 * 60 + 30, closes: 11 * 60 + 30),
        Span(opens: 14 * 60, closes: 16 * 60),
    ])

    public static let officeHours = ServiceHours(workingDays: [
        Span(opens: 9 * 60, closes: 12 * 60),
        Span(opens: 13 * 60 + 30, closes: 17 * 60 + 30),
    ])

    public func isOpen(at instant: Date, calendar: HolidayCalendar) -> Bool {
        if roundTheClock { return true }
        let day = LocalDate(instant)
        guard calendar.isWorkingDay(day) else { return false }
        let minute = Int(instant.timeIntervalSince(day.startOfDay) / 60)
        return workingDays.contains { minute >= $0.opens && minute < $0.closes }
    }

    /// The next instant at or after `instant` when the service is open: now if it is open, else
    /// the start of the next span on a working day (looking up to 60 days ahead; nil beyond,
    /// e.g. for hours with no span at all).
    public func nextOpening(atOrAfter instant: Date, calendar: HolidayCalendar) -> Date? {
        if isOpen(at: instant, calendar: calendar) { return instant }
        var day = LocalDate(instant)
        for _ in 0..<60 {
            if calendar.isWorkingDay(day) {
                let start = day.startOfDay
                for span in workingDays.sorted(by: { $0.opens < $1.opens }) {
                    let opens = start.addingTimeInterval(Double(span.opens) * 60)
                    if opens >= instant { return opens }
                }
            }
            day = day.adding(days: 1)
        }
        return nil
    }

    /// `工作日 09:30–11:30、14:00–16:00（节假日除外）`
    public var chineseDescription: String {
        if roundTheClock { return "全天24小时" }
        return "工作日 " + workingDays.map(\.text).joined(separator: "、") + "（节假日除外）"
    }
}
