import Fluent
import XCTVapor
import XCTest
@testable import App
@testable import LegalAidCore

/// The figures a supervisor reads, computed by the database (SQLite and PostgreSQL alike), agree
/// with the same counts worked out row by row, month by month in China time.
final class FiguresTests: XCTestCase {
    struct Key: Hashable { var organisation: UUID; var month: String }

    func month(_ date: Date) -> String { String(LocalDate(date).iso.prefix(7)) }

    func test_legalAidFigures_countSubmissionsAndDecisionsByCentreAndChinaMonth() async throws {
        try await withTestApp(now: chinaNoon("2026-03-02")) { test in
            let decided = try await test.applicationAwaitingDecision(name: "周测试", sequence: 71)
            try await test.decide(decided, approve: true)
            // A submission at 00:30 on 1 April, China time, is April's even though it is still March in UTC.
            let late = ApplicationEventModel()
            late.applicationID = decided.id!
            late.seq = 999
            late.at = ISO8601DateFormatter().date(from: "2026-03-31T16:30:00Z")!
            late.actorAccountID = try await test.account("shequ1").id!
            late.actorName = "测试"
            late.fromState = "draft"
            late.toState = "submitted"
            late.event = "submit"
            late.payload = [:]
            try await late.create(on: test.db)

            let from = ISO8601DateFormatter().date(from: "2025-01-01T00:00:00Z")!, to = ISO8601DateFormatter().date(from: "2027-01-01T00:00:00Z")!
            let figures = try await test.app.figures(from: from, to: to, on: test.db)

            let apps = Dictionary(uniqueKeysWithValues: try await ApplicationModel.query(on: test.db).all().map { ($0.id!, $0) })
            let events = try await ApplicationEventModel.query(on: test.db).all()
            var submitted: [Key: Int] = [:]
            var firstSubmit: [UUID: Date] = [:]
            for e in events where e.event == "submit" {
                submitted[Key(organisation: apps[e.applicationID]!.centreID, month: month(e.at)), default: 0] += 1
                firstSubmit[e.applicationID] = min(firstSubmit[e.applicationID] ?? e.at, e.at)
            }
            var decisions: [Key: [Double]] = [:]
            for e in events where ["approve", "deny"].contains(e.event) {
                guard let start = firstSubmit[e.applicationID] else { continue }
                decisions[Key(organisation: apps[e.applicationID]!.centreID, month: month(e.at)), default: []].append(e.at.timeIntervalSince(start))
            }
            let sqlSubmitted = Dictionary(uniqueKeysWithValues: figures.filter { $0.name == "legalAid.submitted" }.map { (Key(organisation: $0.organisationID, month: $0.month), $0.count) })
            XCTAssertEqual(sqlSubmitted, submitted)
            XCTAssertEqual(sqlSubmitted[Key(organisation: decided.centreID, month: "2026-04")], 1, "the China month, not the UTC one")
            let sqlDecided = figures.filter { $0.name == "legalAid.decided" }
            XCTAssertEqual(Set(sqlDecided.map { Key(organisation: $0.organisationID, month: $0.month) }), Set(decisions.keys))
            XCTAssertFalse(sqlDecided.isEmpty)
            for figure in sqlDecided {
                let durations = decisions[Key(organisation: figure.organisationID, month: figure.month)]!
                XCTAssertEqual(figure.count, durations.count)
                XCTAssertEqual(figure.averageSeconds ?? -1, durations.reduce(0, +) / Double(durations.count), accuracy: 1)
            }
        }
    }

    func test_consultationFigures_countAskedAndTakenByDeskAndMonth_withTheAverageWait() async throws {
        try await withTestApp(now: ConsultationAPITests.mondayMorning) { test in
            let desk = try await APIClient.signIn(test, "shencha", DemoSeed.staffPassword)
            let logged = try await desk.send(.POST, "/api/v1/desk/calls", json: CallLogTests.goodCall)
            XCTAssertEqual(logged.status, .created)
            let from = ISO8601DateFormatter().date(from: "2025-01-01T00:00:00Z")!, to = ISO8601DateFormatter().date(from: "2027-01-01T00:00:00Z")!
            let figures = try await test.app.figures(from: from, to: to, on: test.db)
            let rows = try await ConsultationModel.query(on: test.db).all()
            var asked: [Key: Int] = [:], waits: [Key: [Double]] = [:]
            for c in rows {
                let key = Key(organisation: c.deskID, month: month(c.queuedAt))
                asked[key, default: 0] += 1
                if let taken = c.takenAt { waits[key, default: []].append(taken.timeIntervalSince(c.queuedAt)) }
            }
            XCTAssertFalse(asked.isEmpty)
            XCTAssertFalse(waits.isEmpty, "a logged call was taken when it was logged")
            XCTAssertEqual(Dictionary(uniqueKeysWithValues: figures.filter { $0.name == "consultation.asked" }.map { (Key(organisation: $0.organisationID, month: $0.month), $0.count) }), asked)
            let taken = figures.filter { $0.name == "consultation.taken" }
            XCTAssertEqual(Set(taken.map { Key(organisation: $0.organisationID, month: $0.month) }), Set(waits.keys))
            for figure in taken {
                let list = waits[Key(organisation: figure.organisationID, month: figure.month)]!
                XCTAssertEqual(figure.count, list.count)
                XCTAssertEqual(figure.averageSeconds ?? -1, list.reduce(0, +) / Double(list.count), accuracy: 1)
            }
        }
    }
}
