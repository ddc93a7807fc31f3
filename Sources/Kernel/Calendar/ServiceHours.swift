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

    /// Spans that apply on every working day (make-up Saturdays included).
    public var workingDays: [Span]
    /// Spans on a Saturday or a Sunday that is a plain weekend day: not a working day and not
    /// a public holiday (a window open 周六 09:00–12:00). Public holidays close them too.
    public var saturdays: [Span]
    public var sundays: [Span]
    /// A 24×7 service (e.g. the 12348 hotline) ignores the calendar.
    public var roundTheClock: Bool

    public init(workingDays: [Span], saturdays: [Span] = [], sundays: [Span] = [], roundTheClock: Bool = false) {
        self.workingDays = workingDays
        self.saturdays = saturdays
        self.sundays = sundays
        self.roundTheClock = roundTheClock
    }

    private enum CodingKeys: String, CodingKey { case workingDays, saturdays, sundays, roundTheClock }

    /// Hours stored before weekend spans existed read as weekdays only.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        workingDays = try container.decode([Span].self, forKey: .workingDays)
        saturdays = try container.decodeIfPresent([Span].self, forKey: .saturdays) ?? []
        sundays = try container.decodeIfPresent([Span].self, forKey: .sundays) ?? []
        roundTheClock = try container.decode(Bool.self, forKey: .roundTheClock)
    }

    /// The spans that apply on a day: a working day's, a plain weekend day's, none on a holiday.
    public func spans(on day: LocalDate, calendar: HolidayCalendar) -> [Span] {
        if calendar.isWorkingDay(day) { return workingDays }
        if calendar.isPublicHoliday(day) { return [] }
        switch day.isoWeekday {
        case 6: return saturdays
        case 7: return sundays
        default: return []
        }
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
        let minute = Int(instant.timeIntervalSince(day.startOfDay) / 60)
        return spans(on: day, calendar: calendar).contains { minute >= $0.opens && minute < $0.closes }
    }

    /// The next instant at or after `instant` when the service is open: now if it is open, else
    /// the start of the next span on a working day (looking up to 60 days ahead; nil beyond,
    /// e.g. for hours with no span at all).
    public func nextOpening(atOrAfter instant: Date, calendar: HolidayCalendar) -> Date? {
        if isOpen(at: instant, calendar: calendar) { return instant }
        var day = LocalDate(instant)
        for _ in 0..<60 {
            let start = day.startOfDay
            for span in spans(on: day, calendar: calendar).sorted(by: { $0.opens < $1.opens }) {
                let opens = start.addingTimeInterval(Double(span.opens) * 60)
                if opens >= instant { return opens }
            }
            day = day.adding(days: 1)
        }
        return nil
    }

    /// `工作日 09:30–11:30、14:00–16:00；周六 09:00–12:00（节假日除外）`
    public var chineseDescription: String {
        if roundTheClock { return "全天24小时" }
        var parts: [String] = []
        if !workingDays.isEmpty { parts.append("工作日 " + workingDays.map(\.text).joined(separator: "、")) }
        if !saturdays.isEmpty, saturdays == sundays {
            parts.append("周末 " + saturdays.map(\.text).joined(separator: "、"))
        } else {
            if !saturdays.isEmpty { parts.append("周六 " + saturdays.map(\.text).joined(separator: "、")) }
            if !sundays.isEmpty { parts.append("周日 " + sundays.map(\.text).joined(separator: "、")) }
        }
        return parts.joined(separator: "；") + "（节假日除外）"
    }
}
