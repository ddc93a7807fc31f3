import Fluent
import XCTVapor
import XCTest
@testable import App
@testable import LegalAidCore

/// Every clock is watched: a sweep raises an alert to the responsible person and their
/// supervisor before a deadline and again when it passes, once each, however many instances sweep.
final class DeadlineSweepTests: XCTestCase {
    func test_assignmentClockAlertsBeforeAndAfter_onceEach_evenWithInstancesSweepingAtOnce_art43() async throws {
        // Aid granted on Monday 03-02: assign by Thursday 03-05.
        try await withTestApp(now: chinaNoon("2026-03-02")) { test in
            let app = try await test.applicationAwaitingDecision(name: "提醒测试", sequence: 51)
            try await test.decide(app, approve: true)
            let record = try await test.legalAidCase(of: app)
            XCTAssertEqual(record.assignmentDue, "2026-03-05")
            let link = "/cases/\(record.id!.uuidString)"
            let services = test.app.fayuan
            try await DeadlineSweep.run(on: test.db, services: services)
            let _v0 = try await AlertModel.query(on: test.db).filter(\.$link == link).count()
            XCTAssertEqual(_v0, 0, "nothing is near yet")

            test.clock.set(LocalDate(iso: "2026-03-05")!.startOfDay.addingTimeInterval(60))
            async let first = DeadlineSweep.run(on: test.db, services: services)
            async let second = DeadlineSweep.run(on: test.db, services: services)
            async let third = DeadlineSweep.run(on: test.db, services: services)
            let raised = try await [first, second, third].reduce(0, +)
            let _v1 = try await AlertModel.query(on: test.db).count()
            XCTAssertEqual(raised, _v1, "three sweeps at once raised each alert once")
            let alerts = try await AlertModel.query(on: test.db).filter(\.$link == link).all()
            let reviewer = try await test.account("shencha").id!
            let director = try await test.account("shenpi").id!
            XCTAssertEqual(alerts.count, 2)
            XCTAssertEqual(Set(alerts.map(\.recipientAccountID)), [reviewer, director], "the responsible reviewer and the supervising director")
            XCTAssertTrue(alerts.allSatisfy { $0.alertLevel == .dueSoon && $0.message.contains("将于2026年3月5日到期") })

            // The reviewer's workbench: due today, and the alert.
            let browser = try await test.staffBrowser("shencha")
            let today = try await browser.get("/workbench")
            XCTAssertTrue(today.contains("今日到期和已超期") && today.contains("指派承办人员（第36、43条，3日）"))
            XCTAssertTrue(today.contains("即将到期"))
            let _v9 = try await browser.get("/cases").contains("条期限提醒")
            XCTAssertTrue(_v9, "every page's navigation shows unread alerts")

            test.clock.set(LocalDate(iso: "2026-03-06")!.startOfDay.addingTimeInterval(60))
            try await DeadlineSweep.run(on: test.db, services: services)
            let overdueAlerts = try await AlertModel.query(on: test.db).filter(\.$link == link).filter(\.$level == "overdue").count()
            XCTAssertEqual(overdueAlerts, 2, "again when it has passed")
            let _v2 = try await DeadlineSweep.run(on: test.db, services: services)
            XCTAssertEqual(_v2, 0)
            let late = try await test.staffBrowser("shenpi")
            let overdue = try await late.get("/workbench")
            XCTAssertTrue(overdue.contains("已超期（2026年3月5日）") && overdue.contains("督办"), "the director supervises it")

            let mine = try await AlertModel.query(on: test.db).filter(\.$link == link).filter(\.$recipientAccountID == director).filter(\.$level == "overdue").firstOrFail()
            let _v3 = try await late.post("/alerts/\(mine.id!.uuidString)/read", []).status
            XCTAssertEqual(_v3, .seeOther)
            let _v4 = try await AlertModel.find(mine.id, on: test.db)!.readAt
            XCTAssertNotNil(_v4)
            let lawyer = try await test.staffBrowser("lvshi1")
            let _v5 = try await lawyer.post("/alerts/\(mine.id!.uuidString)/read", []).status
            XCTAssertEqual(_v5, .notFound, "nobody reads another person's alerts")
        }
    }

    func test_followUpClocksStartAtClosing() async throws {
        try await withTestApp(now: chinaNoon("2026-03-02")) { test in
            let record = try await CaseModel.query(on: test.db).firstOrFail()
            let reviewer = try await test.staffBrowser("shencha")
            let lawyer = try await test.account("lvshi1")
            let path = "/cases/\(record.id!.uuidString)"
            try await reviewer.post(path + "/actions/assignLawyer", [("version", "0"), ("lawyerID", lawyer.id!.uuidString)])
            let qin = try await test.staffBrowser("lvshi1")
            try await qin.post(path + "/actions/fileClosingReport", [("version", "1"), ("outcome", "调解结案")])
            let _v1 = try await reviewer.post(path + "/actions/close", [("version", "2")]).status
            XCTAssertEqual(_v1, .seeOther)
            let closed = try await CaseModel.find(record.id, on: test.db)!
            XCTAssertEqual(closed.qualityReviewDue, "2026-04-01")
            let reference = try await ReferenceData.load(on: test.db)
            let board = try await DeadlineBoard.collect(on: test.db, reference: reference, now: test.clock.now())
            XCTAssertEqual(board.filter { $0.subjectID == record.id }.map(\.kind), [.qualityReview])
            try await reviewer.post(path + "/actions/reviewQuality", [("version", "3"), ("grade", "excellent")])
            let reviewed = try await CaseModel.find(record.id, on: test.db)!
            XCTAssertNotNil(reviewed.returnVisitDue)
            let after = try await DeadlineBoard.collect(on: test.db, reference: reference, now: test.clock.now())
            XCTAssertEqual(after.filter { $0.subjectID == record.id }.map(\.kind), [.returnVisit])
        }
    }

    func test_materialsPeriodEndingAlertsThePreReviewStaff_art43() async throws {
        try await withTestApp(now: chinaNoon("2026-03-02")) { test in
            let submitted = try await ApplicationModel.query(on: test.db).filter(\.$state == "submitted").firstOrFail()
            let station = try await test.account("gongzuozhan1")
            try await test.applications.perform(.requestMaterials(MaterialsRequest(items: ["工资欠条"], supplyBy: LocalDate(iso: "2026-03-10")!)),
                                                on: submitted.id!, expectedVersion: nil, by: station)
            test.clock.set(chinaNoon("2026-03-10"))
            let reference = try await ReferenceData.load(on: test.db)
            let board = try await DeadlineBoard.collect(on: test.db, reference: reference, now: test.clock.now())
            let materials = try XCTUnwrap(board.first { $0.kind == .materials && $0.subjectID == submitted.id })
            XCTAssertTrue(materials.responsible.contains(station.id!))
            XCTAssertTrue(materials.isDueToday(at: test.clock.now()))
        }
    }
}
