import Fluent
import XCTVapor
import XCTest
@testable import App
@testable import LegalAidCore

final class ConcurrencyTests: XCTestCase {
    /// Two pre-reviewers act on one application at the same moment: one succeeds, the other
    /// is told it changed under them, and exactly one event is recorded.
    func test_twoStaffActingAtOnceOneWinsTheOtherIsToldItChanged() async throws {
        try await withTestApp { test in
            try await test.addStaff("gongzuozhan1b", role: .workstationStaff, organisation: "幸福街道法律援助工作站")
            let app = try await ApplicationModel.query(on: test.db).filter(\.$state == "submitted").firstOrFail()
            let first = try await APIClient.signIn(test, "gongzuozhan1", DemoSeed.staffPassword)
            let second = try await APIClient.signIn(test, "gongzuozhan1b", DemoSeed.staffPassword)
            let version = app.version
            async let approve = first.send(.POST, "/api/v1/applications/\(app.id!)/events",
                                           json: ["type": "preApprove", "version": version, "opinion": "同意报送"])
            async let reject = second.send(.POST, "/api/v1/applications/\(app.id!)/events",
                                           json: ["type": "preReject", "version": version, "reason": "不符合", "referral": "人民调解"])
            let statuses = [try await approve.status, try await reject.status]
            XCTAssertEqual(statuses.filter { $0 == .ok }.count, 1, "\(statuses)")
            XCTAssertEqual(statuses.filter { $0 == .conflict }.count, 1, "\(statuses)")
            let events = try await test.events(of: app.id!)
            XCTAssertEqual(events.count, 2) // the seeded submission and the winner
            let stored = try await ApplicationModel.find(app.id, on: test.db)!
            XCTAssertEqual(stored.version, version + 1)
            XCTAssertTrue([ApplicationState.forwarded, .preRejected].contains(stored.applicationState))
        }
    }

    func test_staleFormIsRefusedWithAPlainMessage() async throws {
        try await withTestApp { test in
            let app = try await ApplicationModel.query(on: test.db).filter(\.$state == "underReview").firstOrFail()
            let reviewer = Browser(test)
            try await reviewer.login("shencha", DemoSeed.staffPassword)
            let page = try await reviewer.post(SiteURL.action(app.id!, .fileReview).path,
                                               [("version", String(app.version - 1)), ("recommendation", "approve"), ("opinion", "同意")])
            XCTAssertEqual(page.status, .conflict)
            XCTAssertTrue(page.contains("该申请刚刚已被他人处理"))
            let _v29 = try await ApplicationModel.find(app.id, on: test.db)?.version
            XCTAssertEqual(_v29, app.version)
        }
    }
}

final class DeadlineTests: XCTestCase {
    func forwarded(_ test: TestApp, name: String, sequence: Int) async throws -> ApplicationModel {
        let community = Browser(test)
        try await community.login("shequ1", DemoSeed.staffPassword)
        try await community.postMultipart("/applications/new", applicationFields(name: name, sequence: sequence) + [("action", "submit")])
        let app = try await ApplicationModel.query(on: test.db).filter(\.$applicantName == name).firstOrFail()
        let station = Browser(test)
        try await station.login("gongzuozhan1", DemoSeed.staffPassword)
        try await station.post(SiteURL.action(app.id!, .preApprove).path, [("version", "1"), ("opinion", "同意")])
        return try await test.application(app.number)
    }

    func test_decisionDueDateSkipsTheNationalDayHoliday() async throws {
        try await withTestApp(now: chinaNoon("2026-09-28")) { test in
            let app = try await forwarded(test, name: "国庆测试", sequence: 21)
            XCTAssertEqual(app.decisionDue, "2026-10-08") // day 7 = 10-05, inside 国庆节
        }
    }

    func test_overdueApplicationsAppearOnTheOverdueList() async throws {
        try await withTestApp(now: chinaNoon("2026-03-02")) { test in
            let app = try await forwarded(test, name: "超期测试", sequence: 22)
            let reviewer = try await APIClient.signIn(test, "shencha", DemoSeed.staffPassword)
            var overdue = try await reviewer.send(.GET, "/api/v1/deadlines/overdue")
            XCTAssertFalse(String(buffer: overdue.body).contains(app.number))

            test.clock.set(chinaNoon("2026-03-10")) // due 03-09
            let nextDay = try await APIClient.signIn(test, "shencha", DemoSeed.staffPassword) // tokens last 12 hours
            overdue = try await nextDay.send(.GET, "/api/v1/deadlines/overdue")
            XCTAssertTrue(String(buffer: overdue.body).contains(app.number))
            let browser = Browser(test)
            try await browser.login("shencha", DemoSeed.staffPassword)
            let workbench = try await browser.get("/workbench")
            XCTAssertTrue(workbench.contains("超期未决定"))
            XCTAssertTrue(workbench.contains("已超期（2026年3月9日）"))
        }
    }

    func test_centreMaterialsRequestPausesTheDecisionClock() async throws {
        try await withTestApp(now: chinaNoon("2026-03-02")) { test in
            let app = try await forwarded(test, name: "暂停测试", sequence: 23)
            let reviewer = Browser(test)
            try await reviewer.login("shencha", DemoSeed.staffPassword)
            try await reviewer.post(SiteURL.action(app.id!, .accept).path, [("version", "2")])
            test.clock.set(chinaNoon("2026-03-03"))
            try await reviewer.login("shencha", DemoSeed.staffPassword) // a day later: a new session
            try await reviewer.post(SiteURL.action(app.id!, .requestMaterials).path, [("version", "3"), ("items", "收入证明"), ("supplyBy", "2026-03-20")])
            test.clock.set(chinaNoon("2026-03-06"))
            try await reviewer.login("shencha", DemoSeed.staffPassword)
            try await reviewer.post(SiteURL.action(app.id!, .supplyMaterials).path, [("version", "4"), ("note", "申请人到窗口补交")])
            let stored = try await test.application(app.number)
            XCTAssertEqual(stored.applicationState, .underReview)
            XCTAssertEqual(stored.decisionDue, "2026-03-12") // 7 days + 3 stopped days
        }
    }

    func test_unsuppliedMaterialsAreDeemedWithdrawnOnlyAfterTheDate() async throws {
        try await withTestApp(now: chinaNoon("2026-03-02")) { test in
            let community = Browser(test)
            try await community.login("shequ1", DemoSeed.staffPassword)
            try await community.postMultipart("/applications/new", applicationFields(name: "撤回测试", sequence: 24) + [("action", "submit")])
            let app = try await ApplicationModel.query(on: test.db).filter(\.$applicantName == "撤回测试").firstOrFail()
            let station = Browser(test)
            try await station.login("gongzuozhan1", DemoSeed.staffPassword)
            try await station.post(SiteURL.action(app.id!, .requestMaterials).path, [("version", "1"), ("items", "身份证复印件"), ("supplyBy", "2026-03-10")])
            let early = try await station.post(SiteURL.action(app.id!, .deemWithdrawn).path, [("version", "2")])
            XCTAssertEqual(early.status, .conflict)
            XCTAssertTrue(early.contains("补充材料期限至2026年3月10日"))
            test.clock.set(chinaNoon("2026-03-11"))
            try await station.login("gongzuozhan1", DemoSeed.staffPassword)
            let _v30 = try await station.post(SiteURL.action(app.id!, .deemWithdrawn).path, [("version", "2")]).status
            XCTAssertEqual(_v30, .seeOther)
            let _v31 = try await test.application(app.number).applicationState
            XCTAssertEqual(_v31, .deemedWithdrawn)
        }
    }
}
