import Foundation
import Kernel
import XCTest

/// Days are counted by arithmetic, not by Foundation's calendar: it must agree with the
/// Gregorian calendar in China Standard Time on every day the platform can meet.
final class LocalDateTests: XCTestCase {
    private let china: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
        return calendar
    }()

    func test_everyDayFrom1990To2080_agreesWithTheGregorianCalendarInChina() throws {
        var instant = try XCTUnwrap(china.date(from: DateComponents(year: 1990, month: 1, day: 1)))
        var previous: LocalDate?
        while china.component(.year, from: instant) <= 2080 {
            let parts = china.dateComponents([.year, .month, .day, .weekday], from: instant)
            let day = LocalDate(instant)
            XCTAssertEqual([day.year, day.month, day.day], [parts.year!, parts.month!, parts.day!])
            XCTAssertEqual(day.startOfDay, instant, "midnight in China")
            XCTAssertEqual(day.isoWeekday, parts.weekday! == 1 ? 7 : parts.weekday! - 1)
            // The last second of the day is still that day; the next second is the next day.
            XCTAssertEqual(LocalDate(instant.addingTimeInterval(86_399)), day)
            XCTAssertEqual(LocalDate(instant.addingTimeInterval(-1)), previous ?? day.adding(days: -1))
            if let previous {
                XCTAssertEqual(previous.adding(days: 1), day)
                XCTAssertEqual(previous.days(until: day), 1)
            }
            XCTAssertEqual(LocalDate(iso: day.iso), day)
            previous = day
            instant = instant.addingTimeInterval(86_400)
        }
    }

    func test_daysThatDoNotExistAreRefused() {
        XCTAssertNil(LocalDate(year: 2026, month: 2, day: 29))
        XCTAssertNotNil(LocalDate(year: 2024, month: 2, day: 29))
        XCTAssertNotNil(LocalDate(year: 2000, month: 2, day: 29))
        XCTAssertNil(LocalDate(year: 2100, month: 2, day: 29))
        XCTAssertNil(LocalDate(year: 2026, month: 4, day: 31))
        XCTAssertNil(LocalDate(year: 2026, month: 13, day: 1))
        XCTAssertNil(LocalDate(year: 2026, month: 1, day: 0))
        XCTAssertNil(LocalDate(iso: "2026-02-30"))
    }

    func test_writtenAsISO_withLeadingZeros() {
        XCTAssertEqual(LocalDate(year: 2026, month: 3, day: 7)?.iso, "2026-03-07")
        XCTAssertEqual(LocalDate(year: 2026, month: 12, day: 25)?.iso, "2026-12-25")
        XCTAssertEqual(LocalDate(year: 2026, month: 1, day: 1)!.days(until: LocalDate(year: 2027, month: 1, day: 1)!), 365)
    }
}
