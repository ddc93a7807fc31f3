import XCTest
@testable import LegalAidCore

/// 民法典 第201条、第203条 and the 2026 holiday schedule (DOMAIN §3a).
final class PeriodCountingTests: XCTestCase {
    func test_dayOfReceiptIsNotCounted() {
        // Received Monday 2026-03-02: day 1 is Tuesday, day 7 is Monday 03-09.
        XCTAssertEqual(Period.lastDay(ofCalendarDays: 7, after: day("2026-03-02"), calendar: calendar2026), day("2026-03-09"))
    }

    func test_periodEndingOnWeekendMovesToNextWorkingDay() {
        // Received Tuesday 2026-03-03: day 7 is Tuesday 03-10; received Thursday 03-05 → Thursday 03-12.
        // Received Sunday 2026-03-01: day 7 is Sunday 03-08 → Monday 03-09.
        XCTAssertEqual(Period.lastDay(ofCalendarDays: 7, after: day("2026-03-01"), calendar: calendar2026), day("2026-03-09"))
    }

    func test_periodEndingInNationalDayHolidayMovesPastIt() {
        // Received 2026-09-28: day 7 is 10-05, inside 国庆节 (10-01…10-07) → 10-08.
        XCTAssertEqual(Period.lastDay(ofCalendarDays: 7, after: day("2026-09-28"), calendar: calendar2026), day("2026-10-08"))
    }

    func test_periodEndingInSpringFestivalMovesPastIt() {
        // Received 2026-02-12: day 7 is 02-19, inside 春节 (02-15…02-23) → Tuesday 02-24.
        XCTAssertEqual(Period.lastDay(ofCalendarDays: 7, after: day("2026-02-12"), calendar: calendar2026), day("2026-02-24"))
    }

    func test_makeUpWorkdayOnWeekendIsAWorkingDay() {
        // Saturday 2026-10-10 is 调休上班: a period ending that day ends that day.
        XCTAssertTrue(calendar2026.isWorkingDay(day("2026-10-10")))
        XCTAssertEqual(Period.lastDay(ofCalendarDays: 7, after: day("2026-10-03"), calendar: calendar2026), day("2026-10-10"))
    }

    func test_ordinaryWeekendAndHolidayAreRestDays() {
        XCTAssertFalse(calendar2026.isWorkingDay(day("2026-03-07")))
        XCTAssertFalse(calendar2026.isWorkingDay(day("2026-05-04")))
        XCTAssertTrue(calendar2026.isWorkingDay(day("2026-01-04")))
        XCTAssertEqual(calendar2026.holidayName(day("2026-06-19")), "端午节")
    }

    func test_workingDayPeriodSkipsRestDays() {
        // 3 working days after Wednesday 2026-09-30: 10-08, 10-09, 10-10 (make-up Saturday).
        XCTAssertEqual(Period.lastDay(ofWorkingDays: 3, after: day("2026-09-30"), calendar: calendar2026), day("2026-10-10"))
    }

    func test_decisionClockStopsWhileMaterialsAreAwaited() {
        // Received 03-02 (due 03-09); paused 03-04 → 03-07 (3 days) → due 03-12.
        let deadline = Deadline(started: day("2026-03-02"), calendarDays: 7,
                                pauses: [ClockPause(from: day("2026-03-04"), until: day("2026-03-07"))])
        XCTAssertEqual(deadline.lastDay(asOf: day("2026-03-10"), calendar: calendar2026), day("2026-03-12"))
    }

    func test_openPauseMovesTheDeadlineDayByDayAndIsNeverOverdue() {
        let deadline = Deadline(started: day("2026-03-02"), calendarDays: 7, pauses: [ClockPause(from: day("2026-03-04"), until: nil)])
        XCTAssertEqual(deadline.lastDay(asOf: day("2026-03-06"), calendar: calendar2026), day("2026-03-11"))
        XCTAssertFalse(deadline.isOverdue(at: noon("2026-04-30"), calendar: calendar2026))
    }

    // While the applicant is asked for materials there is no decision date to give: it
    // depends on the day they arrive. What is known: since when, and the days still unused.
    func test_stoppedClockShowsSinceWhenAndTheDaysLeftNotADate_art43() {
        let deadline = Deadline(started: day("2026-03-02"), calendarDays: 7, pauses: [ClockPause(from: day("2026-03-04"), until: nil)])
        let reading = deadline.reading(at: noon("2026-03-20"), calendar: calendar2026)
        XCTAssertEqual(reading, .paused(since: day("2026-03-04"), daysUnused: 5))
        XCTAssertNil(reading.lastDay)
        XCTAssertTrue(reading.chinese(rule: "第43条").contains("2026年3月4日起暂停计算"))
        // Materials arrive on 03-07: five days from then is 03-12, the same day the pause arithmetic gives.
        var resumed = deadline
        resumed.pauses[0].until = day("2026-03-07")
        XCTAssertEqual(resumed.reading(at: noon("2026-03-07"), calendar: calendar2026),
                       .running(lastDay: day("2026-03-12"), daysLeft: 5, overdue: false))
    }

    func test_secondStopCountsOnlyTheDaysUsedBetweenStops() {
        let deadline = Deadline(started: day("2026-03-02"), calendarDays: 7,
                                pauses: [ClockPause(from: day("2026-03-03"), until: day("2026-03-05")), ClockPause(from: day("2026-03-06"), until: nil)])
        // Used: 03-03 (1), then 03-06 after two stopped days (1 more) → 2 used, 5 left.
        XCTAssertEqual(deadline.reading(at: noon("2026-03-09"), calendar: calendar2026), .paused(since: day("2026-03-06"), daysUnused: 5))
    }

    func test_lastDayEndsAtMidnight() {
        let deadline = Deadline(started: day("2026-03-02"), calendarDays: 7)
        XCTAssertFalse(deadline.isOverdue(at: day("2026-03-09").endOfDay, calendar: calendar2026))
        XCTAssertTrue(deadline.isOverdue(at: day("2026-03-10").startOfDay.addingTimeInterval(1), calendar: calendar2026))
        XCTAssertEqual(deadline.daysLeft(asOf: day("2026-03-08"), calendar: calendar2026), 1)
    }

    func test_onlineDeskKeepsSeedHoursAndClosesOnHolidays() {
        let hours = ServiceHours.onlineDesk
        let tuesday = day("2026-03-03").startOfDay
        XCTAssertTrue(hours.isOpen(at: tuesday.addingTimeInterval(10 * 3600), calendar: calendar2026))
        XCTAssertFalse(hours.isOpen(at: tuesday.addingTimeInterval(12 * 3600), calendar: calendar2026))
        XCTAssertTrue(hours.isOpen(at: tuesday.addingTimeInterval(15 * 3600), calendar: calendar2026))
        XCTAssertFalse(hours.isOpen(at: day("2026-10-02").startOfDay.addingTimeInterval(10 * 3600), calendar: calendar2026))
        XCTAssertTrue(hours.isOpen(at: day("2026-10-10").startOfDay.addingTimeInterval(10 * 3600), calendar: calendar2026))
    }
}
