import MediationCore
import SpecSupport
import XCTest

/// The periods a mediation runs against, counted by 民法典 第201–203条 on the 2026 holiday schedule.
final class MediationPeriodTests: XCTestCase {
    let periods = MediationPeriods.standard

    // 第202条: 没有对应日的，月末日为期间的最后一日.
    func test_aMonthFromTheLastDayOfJanuary_endsOnTheLastDayOfFebruary() {
        // 2026-02-28 is a Saturday made a working day for the Spring Festival: the period ends on it.
        XCTAssertEqual(Period.lastDay(ofMonths: 1, after: day("2026-01-31"), calendar: calendar2026), day("2026-02-28"))
        XCTAssertEqual(Period.lastDay(ofMonths: 1, after: day("2026-03-10"), calendar: calendar2026), day("2026-04-10"))
        XCTAssertEqual(Period.lastDay(ofMonths: 1, after: day("2026-12-15"), calendar: calendar2026), day("2027-01-15"))
    }

    // 人民调解工作若干规定: generally within one month of acceptance; extended once, with a reason.
    func test_theOneMonthClock_extendsOnce_withAReason() throws {
        var clock = MediationClock(acceptedOn: day("2026-03-10"))
        XCTAssertEqual(clock.due(periods, calendar: calendar2026), day("2026-04-10"))
        XCTAssertThrowsError(try clock.extend(reason: " ")) { XCTAssertEqual($0 as? MediationError, .noExtensionReason) }
        try clock.extend(reason: "需等待伤残鉴定结论")
        // 2026-05-10 is a Sunday: the period ends on Monday the 11th (第203条).
        XCTAssertEqual(clock.due(periods, calendar: calendar2026), day("2026-05-11"))
        XCTAssertThrowsError(try clock.extend(reason: "再延一次")) { XCTAssertEqual($0 as? MediationError, .extendedAlready) }
        XCTAssertEqual(clock.daysLeft(asOf: day("2026-05-11"), periods, calendar: calendar2026), 0)
        XCTAssertEqual(clock.daysLeft(asOf: day("2026-05-12"), periods, calendar: calendar2026), -1)
    }

    // 人民调解法 第33条: judicial confirmation applied for jointly within 30 days of the agreement taking effect.
    func test_theConfirmationWindow_isThirtyDays_withRemindersOnDays20And27() {
        XCTAssertEqual(periods.confirmationDue(effectiveOn: day("2026-09-10"), calendar: calendar2026), day("2026-10-10"),
                       "10-10 is a Saturday made a working day for National Day")
        XCTAssertEqual(periods.confirmationDue(effectiveOn: day("2026-09-05"), calendar: calendar2026), day("2026-10-08"),
                       "10-05 falls in the National Day holiday: the next working day is 10-08")
        XCTAssertEqual(periods.confirmationReminders(effectiveOn: day("2026-09-10"), calendar: calendar2026), [day("2026-09-30"), day("2026-10-07")])
    }

    func test_theOtherSideHasSevenDaysToAnswer_movedPastAHoliday() {
        XCTAssertEqual(periods.replyDue(sentOn: day("2026-03-02"), calendar: calendar2026), day("2026-03-09"))
        // Sent 2026-09-28: seven days end on 10-05, inside National Day; answered in time until 10-08.
        XCTAssertEqual(periods.replyDue(sentOn: day("2026-09-28"), calendar: calendar2026), day("2026-10-08"))
    }
}
