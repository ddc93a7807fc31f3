import Foundation

/// A calendar day in China Standard Time, with no time of day.
///
/// Periods in the Legal Aid Law are counted in whole days (民法典 第200–204条),
/// so the core reasons about days, not instants. The clock is always passed in.
public struct LocalDate: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// China has one time zone and no daylight saving: a fixed offset avoids tzdata.
    public static let chinaTimeZone = TimeZone(secondsFromGMT: 8 * 3600)!

    /// UTC+8 in seconds: China Standard Time all year.
    private static let offset: Double = 8 * 3600

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1, day <= Self.length(ofMonth: month, in: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day an instant falls on in China.
    public init(_ instant: Date) {
        let days = Int(((instant.timeIntervalSince1970 + Self.offset) / 86_400).rounded(.down))
        self.init(dayNumber: days)
    }

    // Days are counted as whole numbers since 1970-01-01 (the proleptic Gregorian calendar, as
    // H. Hinnant's `days_from_civil`): no Foundation calendar, whose date arithmetic was most of
    // the cost of a page listing opening hours.

    /// The day `dayNumber` days after 1970-01-01.
    private init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days from 1970-01-01 to this day.
    private var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func length(ofMonth month: Int, in year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso: String) {
        let parts = iso.split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = LocalDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "Expected YYYY-MM-DD, got \(text)"))
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    public var iso: String {
        let y = String(year), m = String(month), d = String(day)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + (month < 10 ? "-0" : "-") + m + (day < 10 ? "-0" : "-") + d
    }
    public var description: String { iso }
    /// `2026年11月22日`, as printed on documents.
    public var chinese: String { "\(year)年\(month)月\(day)日" }

    /// Midnight at the start of this day in China.
    public var startOfDay: Date { Date(timeIntervalSince1970: Double(dayNumber) * 86_400 - Self.offset) }

    /// The last instant of this day: a period's last day ends at 24:00 (民法典 第203条).
    public var endOfDay: Date { adding(days: 1).startOfDay.addingTimeInterval(-1) }

    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    /// Whole days from `self` to `other` (negative when `other` is earlier).
    public func days(until other: LocalDate) -> Int { other.dayNumber - dayNumber }

    /// 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
    public var isoWeekday: Int { ((dayNumber % 7 + 7) + 3) % 7 + 1 }

    public var isWeekend: Bool { isoWeekday >= 6 }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
