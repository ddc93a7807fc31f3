import Fluent
import XCTVapor
import XCTest
@testable import App
@testable import LegalAidCore

/// The four digits cannot be walked: besides the per-address limit, ten wrong tries in a day
/// close the lookup for that application number until the next day, and the applicant hears
/// of it by SMS — once.
final class StatusLookupGuardTests: XCTestCase {
    func test_tenWrongTriesCloseTheLookupForThatNumberUntilTomorrowAndTellTheApplicant() async throws {
        try await withTestApp(now: chinaNoon("2026-03-02")) { test in
            let app = try await test.applicationAwaitingDecision(name: "蒋测试", sequence: 71)
            let wrong = app.phoneLast4 == "0000" ? "1111" : "0000"
            let api = APIClient(test: test, token: nil)
            for attempt in 1...9 {
                let response = try await api.send(.GET, "/api/v1/status?number=\(app.number)&phoneLast4=\(wrong)")
                XCTAssertEqual(response.status, .notFound, "try \(attempt)")
            }
            let tenth = try await api.send(.GET, "/api/v1/status?number=\(app.number)&phoneLast4=\(wrong)")
            XCTAssertEqual(tenth.status, .tooManyRequests)
            XCTAssertEqual((try api.object(tenth)["error"] as? [String: Any])?["code"] as? String, "lookupLocked")
            XCTAssertNotNil(tenth.headers.first(name: .retryAfter))

            // Now even the right digits wait until tomorrow, on the page as in the API.
            let right = try await api.send(.GET, "/api/v1/status?number=\(app.number)&phoneLast4=\(app.phoneLast4)")
            XCTAssertEqual(right.status, .tooManyRequests)
            let page = try await Browser(test).post("/lookup", [("number", app.number), ("phoneLast4", app.phoneLast4)])
            XCTAssertEqual(page.status, .tooManyRequests)
            XCTAssertTrue(page.contains("今日已暂停查询"))
            // Said once, as a notice: nothing typed is wrong, so there is no list of things to fix.
            XCTAssertEqual(page.body.components(separatedBy: "今日已暂停查询").count - 1, 1, "the message shows once")
            XCTAssertFalse(page.contains("请修改以下"))

            // The applicant is told once, however many more tries follow.
            _ = try await api.send(.GET, "/api/v1/status?number=\(app.number)&phoneLast4=\(wrong)")
            let warnings = try await test.sms(of: app).filter { $0.contains("查询已暂停") }
            XCTAssertEqual(warnings.count, 1)

            test.clock.set(chinaNoon("2026-03-03"))
            let tomorrow = try await api.send(.GET, "/api/v1/status?number=\(app.number)&phoneLast4=\(app.phoneLast4)")
            XCTAssertEqual(tomorrow.status, .ok)
        }
    }

    func test_aNumberThatDoesNotExistLocksTheSameWaySoTheLockRevealsNothing() async throws {
        try await withTestApp(now: chinaNoon("2026-03-02")) { test in
            let api = APIClient(test: test, token: nil)
            let smsBefore = try await SMSOutboxModel.query(on: test.db).count()
            var last: HTTPStatus = .ok
            for _ in 1...10 { last = try await api.send(.GET, "/api/v1/status?number=FY2026-999999&phoneLast4=1234").status }
            XCTAssertEqual(last, .tooManyRequests)
            let smsAfter = try await SMSOutboxModel.query(on: test.db).count()
            XCTAssertEqual(smsAfter, smsBefore)
        }
    }
}
