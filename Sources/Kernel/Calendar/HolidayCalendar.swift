import Foundation

/// One entry of the State Council's yearly holiday schedule.
public struct HolidayEntry: Hashable, Codable, Sendable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// 放假: a public holiday or a weekend day given as rest.
        case rest
        /// 调休上班: a weekend day that is worked instead.
        case makeUpWorkday
    }

    public var date: LocalDate
    public var kind: Kind
    /// The holiday it belongs to, e.g. 春节.
    public var name: String

    public init(date: LocalDate, kind: Kind, name: String) {
        self.date = date
        self.kind = kind
        self.name = name
    }
}

/// Which days are working days: weekdays, less public holidays, plus make-up working days.
///
/// The schedule is data published each November (国务院办公厅 notice); the code never
/// hard-codes a year.
public struct HolidayCalendar: Sendable {
    private let restDays: [LocalDate: String]
    private let makeUpWorkdays: [LocalDate: String]
    /// The years for which a schedule has been entered.
    public let coveredYears: Set<Int>

    public init(entries: [HolidayEntry]) {
        var rest: [LocalDate: String] = [:]
        var work: [LocalDate: String] = [:]
        for entry in entries {
            switch entry.kind {
            case .rest: rest[entry.date] = entry.name
            case .makeUpWorkday: work[entry.date] = entry.name
            }
        }
        restDays = rest
        makeUpWorkdays = work
        coveredYears = Set(entries.map(\.date.year))
    }

    public static let empty = HolidayCalendar(entries: [])

    /// 调休上班 days are working days; the weekend days they replace are not (DOMAIN §3a).
    public func isWorkingDay(_ day: LocalDate) -> Bool {
        if makeUpWorkdays[day] != nil { return true }
        if restDays[day] != nil { return false }
        return !day.isWeekend
    }

    public func holidayName(_ day: LocalDate) -> String? { restDays[day] ?? makeUpWorkdays[day] }

    /// A rest day of a public holiday's schedule (not a plain weekend day).
    public func isPublicHoliday(_ day: LocalDate) -> Bool { restDays[day] != nil }

    /// The same day if it is a working day, otherwise the next working day.
    public func nextWorkingDay(onOrAfter day: LocalDate) -> LocalDate {
        var candidate = day
        // A year has fewer than 40 consecutive rest days; the bound only guards bad data.
        for _ in 0..<60 where !isWorkingDay(candidate) {
            candidate = candidate.adding(days: 1)
        }
        return candidate
    }
}
