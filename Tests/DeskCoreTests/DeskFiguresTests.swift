import Foundation
import XCTest
@testable import DeskCore
import SpecSupport

/// The supervisor's figures (issue #12 item 7), as the rules define them.
final class DeskFiguresTests: XCTestCase {
    let rules = DeskRules.standard
    let morning = LocalDate(year: 2026, month: 11, day: 23)!.startOfDay
    var now: Date { morning.addingTimeInterval(10 * 3600) }

    func at(_ minutes: Double) -> Date { now.addingTimeInterval(minutes * 60) }

    func figures(_ records: [DeskRecord], attempts: Int = 0, ratings: (Int, Int) = (0, 0)) -> DeskFigures {
        DeskFigures.compute(records, callbackAttemptsToday: attempts, ratings: ratings, startOfDay: morning, now: now, rules: rules)
    }

    func test_theAnswerRateCountsLiveRequestsTakenWithinThreeMinutes() {
        let f = figures([
            DeskRecord(channel: .live, state: .closed, queuedAt: at(-60), takenAt: at(-59), closedAt: at(-40)),   // in time
            DeskRecord(channel: .live, state: .active, queuedAt: at(-10), takenAt: at(-6)),                      // four minutes: late
            DeskRecord(channel: .live, state: .callback, queuedAt: at(-30)),                                     // nobody took it
            DeskRecord(channel: .live, state: .waiting, queuedAt: at(-1)),                                       // still inside its three minutes
            DeskRecord(channel: .live, state: .abandoned, queuedAt: at(-20), closedAt: at(-19)),                 // withdrawn after a minute
            DeskRecord(channel: .live, state: .closed, queuedAt: morning.addingTimeInterval(-3600), takenAt: morning), // yesterday
            DeskRecord(channel: .messageBoard, state: .closed, queuedAt: at(-50), takenAt: at(-5)),              // not a live request
        ])
        XCTAssertEqual(f.liveDecided, 3)
        XCTAssertEqual(f.answeredInTime, 1)
        XCTAssertEqual(f.answerRate!, 1.0 / 3.0, accuracy: 0.0001)
        XCTAssertEqual(f.waiting, 1)
        XCTAssertEqual(f.longestWait, 60)
        XCTAssertEqual(f.callbacksOwed, 1)
    }

    func test_beforeTheFirstDecidedRequestThereIsNoRate() {
        XCTAssertNil(figures([DeskRecord(channel: .live, state: .waiting, queuedAt: at(-1))]).answerRate)
    }

    func test_aWrittenQuestionPast24HoursIsOverdue() {
        let f = figures([
            DeskRecord(channel: .messageBoard, state: .awaitingReply, queuedAt: at(-25 * 60), replyDue: at(-60)),
            DeskRecord(channel: .messageBoard, state: .awaitingReply, queuedAt: at(-23 * 60), replyDue: at(60)),
        ])
        XCTAssertEqual(f.questionsOpen, 2)
        XCTAssertEqual(f.repliesOverdue, 1)
    }

    func test_theAverageRatingIsTheMeanOfTheStarsGiven() {
        let f = figures([], attempts: 4, ratings: (2, 7))
        XCTAssertEqual(f.ratings, 2)
        XCTAssertEqual(f.averageRating!, 3.5, accuracy: 0.0001)
        XCTAssertEqual(f.callbackAttemptsToday, 4)
        XCTAssertNil(figures([]).averageRating, "no rating yet is no average, not zero")
    }
}
