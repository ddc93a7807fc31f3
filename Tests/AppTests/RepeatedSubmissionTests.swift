import Fluent
import XCTVapor
import XCTest
@testable import App
@testable import LegalAidCore

/// Nothing is created twice: a double click on 提交申请, a retried API call, and a second
/// application for the same person and matter flagged to the workstation.
final class RepeatedSubmissionTests: XCTestCase {
    func test_aDoubleClickOnSubmitCreatesOneApplicationAndShowsTheFirstResult() async throws {
        try await withTestApp(now: chinaNoon("2026-03-02")) { test in
            let point = try await test.organisation(test.xingfuPointName)
            let citizen = Browser(test)
            _ = try await citizen.post("/register", [("name", "钱测试"), ("phone", "13700001234"), ("password", "Qian#2026ok"), ("passwordConfirm", "Qian#2026ok")])
            let form = try await citizen.get("/applications/new")
            let once = try XCTUnwrap(Browser.extractOnce(form.body))
            let fields = applicationFields(communityPoint: point.id!.uuidString) + [("action", "submit"), ("_once", once)]

            let first = try await citizen.post("/applications/new", fields)
            let second = try await citizen.post("/applications/new", fields)

            XCTAssertEqual(first.status, .seeOther)
            XCTAssertEqual(second.status, .seeOther)
            XCTAssertEqual(second.location, first.location, "the second post shows the first one's result")
            let count = try await ApplicationModel.query(on: test.db).filter(\.$applicantName == "钱测试").count()
            XCTAssertEqual(count, 1)
        }
    }

    func test_aFormSentBackWithErrorsCanBeCorrectedAndSent() async throws {
        try await withTestApp(now: chinaNoon("2026-03-02")) { test in
            let community = try await test.staffBrowser("shequ1")
            let form = try await community.get("/applications/new")
            let once = try XCTUnwrap(Browser.extractOnce(form.body))
            var fields = applicationFields(name: "孙测试")
            fields.removeAll { $0.0 == "applicant.phone" }
            let refused = try await community.post("/applications/new", fields + [("applicant.phone", "123"), ("_once", once)])
            XCTAssertEqual(refused.status, .unprocessableEntity)
            let corrected = try await community.post("/applications/new", applicationFields(name: "孙测试") + [("_once", once)])
            XCTAssertEqual(corrected.status, .seeOther)
            let count = try await ApplicationModel.query(on: test.db).filter(\.$applicantName == "孙测试").count()
            XCTAssertEqual(count, 1)
        }
    }

    func test_anAPIRetryWithTheSameKeyGetsTheSameAnswerAndCreatesNothingMore() async throws {
        try await withTestApp(now: chinaNoon("2026-03-02")) { test in
            let api = try await APIClient.signIn(test, "shequ1", DemoSeed.staffPassword)
            let body = Self.draft(name: "周测试")
            let key = UUID().uuidString
            let first = try await api.send(.POST, "/api/v1/applications", json: body, headers: [("Idempotency-Key", key)])
            let retry = try await api.send(.POST, "/api/v1/applications", json: body, headers: [("Idempotency-Key", key)])
            XCTAssertEqual(first.status, .created)
            XCTAssertEqual(retry.status, .created, String(buffer: retry.body))
            XCTAssertEqual(retry.status, .created)
            XCTAssertEqual(retry.headers.first(name: "Idempotent-Replayed"), "true")
            XCTAssertEqual(try api.object(first)["id"] as? String, try api.object(retry)["id"] as? String)
            let count = try await ApplicationModel.query(on: test.db).filter(\.$applicantName == "周测试").count()
            XCTAssertEqual(count, 1)

            // The same key with another body is a mistake, said plainly.
            let other = try await api.send(.POST, "/api/v1/applications", json: Self.draft(name: "吴测试"), headers: [("Idempotency-Key", key)])
            XCTAssertEqual(other.status, .unprocessableEntity)
            let error = try XCTUnwrap(try api.object(other)["error"] as? [String: Any])
            XCTAssertEqual(error["code"] as? String, "idempotencyKeyReused")
            XCTAssertEqual(error["field"] as? String, "Idempotency-Key")

            // Another account's key of the same text is its own.
            let citizen = try await APIClient.signIn(test, DemoSeed.citizenPhone, DemoSeed.citizenPassword)
            let theirs = try await citizen.send(.POST, "/api/v1/applications", json: Self.draft(name: "郑测试", point: try await test.organisation(test.xingfuPointName).id),
                                                headers: [("Idempotency-Key", key)])
            XCTAssertEqual(theirs.status, .created)
        }
    }

    func test_anIdempotencyKeyIsForgottenAfterADay() async throws {
        try await withTestApp(now: chinaNoon("2026-03-02")) { test in
            let api = try await APIClient.signIn(test, "shequ1", DemoSeed.staffPassword)
            let key = "retry-\(UUID().uuidString)"
            _ = try await api.send(.POST, "/api/v1/applications", json: Self.draft(name: "冯测试"), headers: [("Idempotency-Key", key)])
            test.clock.set(chinaNoon("2026-03-03").addingTimeInterval(3600))
            let again = try await APIClient.signIn(test, "shequ1", DemoSeed.staffPassword)
            let later = try await again.send(.POST, "/api/v1/applications", json: Self.draft(name: "冯测试"), headers: [("Idempotency-Key", key)])
            XCTAssertEqual(later.status, .created)
            XCTAssertNil(later.headers.first(name: "Idempotent-Replayed"))
        }
    }

    func test_aBadIdempotencyKeyNamesTheHeader() async throws {
        try await withTestApp { test in
            let api = try await APIClient.signIn(test, "shequ1", DemoSeed.staffPassword)
            let response = try await api.send(.POST, "/api/v1/applications", json: Self.draft(name: "陈测试"), headers: [("Idempotency-Key", String(repeating: "k", count: 300))])
            XCTAssertEqual(response.status, .unprocessableEntity)
            XCTAssertEqual((try api.object(response)["error"] as? [String: Any])?["field"] as? String, "Idempotency-Key")
            let count = try await ApplicationModel.query(on: test.db).filter(\.$applicantName == "陈测试").count()
            XCTAssertEqual(count, 0)
        }
    }

    func test_aSecondApplicationForTheSamePersonAndMatterWithinDaysIsFlaggedToTheWorkstation() async throws {
        try await withTestApp(now: chinaNoon("2026-03-02")) { test in
            let community = try await test.staffBrowser("shequ1")
            // The same person (same ID number) at the window, then again three days later.
            _ = try await community.post("/applications/new", applicationFields(name: "何测试", sequence: 41) + [("action", "submit")])
            test.clock.set(chinaNoon("2026-03-05"))
            try await community.login("shequ1", DemoSeed.staffPassword)
            _ = try await community.post("/applications/new", applicationFields(name: "何测试", sequence: 41) + [("action", "submit")])
            let apps = try await ApplicationModel.query(on: test.db).filter(\.$applicantName == "何测试").sort(\.$number).all()
            XCTAssertEqual(apps.count, 2)
            XCTAssertNil(apps[0].possibleDuplicateOf)
            XCTAssertEqual(apps[1].possibleDuplicateOf, apps[0].number)

            let station = try await test.staffBrowser("gongzuozhan1")
            let workbench = try await station.get("/workbench")
            XCTAssertTrue(workbench.contains("疑似重复（\(apps[0].number)）"))
            let page = try await station.get(SiteURL.application(apps[1].id!).path)
            XCTAssertTrue(page.contains("疑似重复申请"))
            XCTAssertTrue(page.contains(apps[0].number))
        }
    }

    static func draft(name: String, point: UUID? = nil) -> [String: Any] {
        var body: [String: Any] = [
            "form": [
                "applicant": ["name": name, "idNumber": SyntheticPerson.idNumber(birth: "19800101", sequence: 9), "phone": "13700009999",
                              "address": "示范区幸福街道测试小区2号"],
                "matter": ["type": "labourWages", "cause": "追索劳动报酬纠纷", "facts": "工资未付。", "helpWanted": "支付工资"],
                "household": ["members": 2, "monthlyIncomeYuan": 2000],
                "exemptions": [], "priorities": [], "integrityPledge": true,
            ] as [String: Any],
        ]
        if let point { body["communityPointID"] = point.uuidString }
        return body
    }
}
