import Fluent
import XCTVapor
import XCTest
@testable import App
@testable import LegalAidCore

/// What people are told next, and about the decision clock, is true and addressed to them.
final class NextStepAndClockTests: XCTestCase {
    /// Received 03-02 (due 03-09); materials asked 03-04 (supply by 03-20). While they are
    /// awaited no decision day is shown anywhere — only that the clock stopped, and since when.
    func test_whileMaterialsAreAwaitedTheDecisionClockIsShownStoppedNotWithAnOldDate_art43() async throws {
        try await withTestApp(now: chinaNoon("2026-03-02")) { test in
            let app = try await test.applicationAwaitingDecision(name: "沈测试", sequence: 81)
            let reviewer = try await test.account("shencha")
            try await test.applications.perform(.returnForReview(reason: "补查"), on: app.id!, expectedVersion: nil, by: try await test.account("shenpi"))
            test.clock.set(chinaNoon("2026-03-04"))
            try await test.applications.perform(.requestMaterials(MaterialsRequest(items: ["工资欠条原件"], supplyBy: LocalDate(iso: "2026-03-20")!)),
                                                on: app.id!, expectedVersion: nil, by: reviewer)
            test.clock.set(chinaNoon("2026-03-12"))

            let api = APIClient(test: test, token: nil)
            let status = try api.object(try await api.send(.GET, "/api/v1/status?number=\(app.number)&phoneLast4=\(app.phoneLast4)"))
            XCTAssertTrue(status["decisionDue"] is NSNull || status["decisionDue"] == nil, "no decision day while stopped")
            let clock = try XCTUnwrap(status["decisionClock"] as? [String: Any])
            XCTAssertEqual(clock["running"] as? Bool, false)
            XCTAssertEqual(clock["pausedSince"] as? String, "2026-03-04")
            XCTAssertEqual(clock["daysLeftWhenResumed"] as? Int, 5)

            let staffAPI = try await APIClient.signIn(test, "shencha", DemoSeed.staffPassword)
            let detail = try staffAPI.object(try await staffAPI.send(.GET, "/api/v1/applications/\(app.id!)"))
            XCTAssertTrue(detail["decisionDue"] is NSNull || detail["decisionDue"] == nil)

            let lookup = try await Browser(test).post("/lookup", [("number", app.number), ("phoneLast4", app.phoneLast4)])
            XCTAssertTrue(lookup.contains("自2026年3月4日起暂停计算"))
            XCTAssertFalse(lookup.contains("2026年3月9日前"))
            let page = try await test.staffBrowser("shencha").get(SiteURL.application(app.id!).path)
            XCTAssertTrue(page.contains("自2026年3月4日起暂停计算"))

            // Materials arrive on 03-13: five days remain, so the decision is due 03-18.
            test.clock.set(chinaNoon("2026-03-13"))
            try await test.applications.perform(.supplyMaterials(note: "已补"), on: app.id!, expectedVersion: nil, by: reviewer)
            let resumed = try api.object(try await api.send(.GET, "/api/v1/status?number=\(app.number)&phoneLast4=\(app.phoneLast4)"))
            XCTAssertEqual(resumed["decisionDue"] as? String, "2026-03-18")
        }
    }

    func test_staffReadWhoseMoveItIsNotTheApplicantsWording() async throws {
        try await withTestApp(now: chinaNoon("2026-03-02")) { test in
            let app = try await test.applicationAwaitingDecision(name: "韩测试", sequence: 82)
            let director = try await test.staffBrowser("shenpi")
            let page = try await director.get(SiteURL.application(app.id!).path)
            XCTAssertTrue(page.contains(ApplicationState.awaitingDecision.staffNextStep))
            XCTAssertFalse(page.contains(ApplicationState.awaitingDecision.nextStep))
        }
    }

    func test_afterUrgentAidTheApplicantIsToldTheLawyerIsAssignedTheSameDay_art44() async throws {
        try await withTestApp(now: chinaNoon("2026-03-02")) { test in
            let app = try await test.applicationAwaitingDecision(name: "杨测试", sequence: 83)
            let director = try await test.staffBrowser("shenpi")
            _ = try await director.post("/applications/\(app.id!.uuidString)/urgent-aid", [("daysToDeadline", "3"), ("reason", "仲裁时效将满")])
            let api = APIClient(test: test, token: nil)
            let status = try api.object(try await api.send(.GET, "/api/v1/status?number=\(app.number)&phoneLast4=\(app.phoneLast4)"))
            let next = try XCTUnwrap(status["nextStep"] as? String)
            XCTAssertTrue(next.contains("当日指派"), next)
            XCTAssertFalse(next.contains("3日内"), next)
        }
    }

    func test_theCitizensMessagesSayEachThingOnce() async throws {
        try await withTestApp(now: chinaNoon("2026-03-02")) { test in
            let app = try await test.applicationAwaitingDecision(name: "朱测试", sequence: 84, byCitizen: true)
            try await test.decide(app, approve: true)
            let citizen = Browser(test)
            try await citizen.login(DemoSeed.citizenPhone, DemoSeed.citizenPassword)
            let my = try await citizen.get("/my")
            XCTAssertEqual(my.body.components(separatedBy: "3日内指派律师").count - 1, 1, "the approval message says it once")
        }
    }
}
