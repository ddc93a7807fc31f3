import XCTVapor
import XCTest
@testable import App

/// Sign-in, status lookups and application writes are rate-limited per client (429 in Chinese).
final class RateLimitTests: XCTestCase {
    func test_tooManySignInsGetAPlainChineseAnswer() async throws {
        try await withTestApp(now: chinaNoon("2026-03-02"), adjust: { $0.signInsPerMinute = 3 }) { test in
            let browser = Browser(test)
            for _ in 0..<3 { try await browser.post("/login", [("username", "nobody"), ("password", "x")]) }
            let limited = try await browser.post("/login", [("username", "nobody"), ("password", "x")])
            XCTAssertEqual(limited.status, .tooManyRequests)
            XCTAssertTrue(limited.contains("操作过于频繁"))
            XCTAssertNotNil(limited.headers.first(name: .retryAfter))
            test.clock.set(chinaNoon("2026-03-02").addingTimeInterval(61))
            let _v901 = try await browser.post("/login", [("username", "nobody"), ("password", "x")]).status
            XCTAssertEqual(_v901, .unprocessableEntity)
        }
    }

    func test_publicStatusLookupIsLimited() async throws {
        try await withTestApp(adjust: { $0.lookupsPerMinute = 2 }) { test in
            let api = APIClient(test: test, token: nil)
            _ = try await api.send(.GET, "/api/v1/status?number=FY2026-000001&phoneLast4=0000")
            _ = try await api.send(.GET, "/api/v1/status?number=FY2026-000001&phoneLast4=0001")
            let limited = try await api.send(.GET, "/api/v1/status?number=FY2026-000001&phoneLast4=0002")
            XCTAssertEqual(limited.status, .tooManyRequests)
            let error = try XCTUnwrap(try api.object(limited)["error"] as? [String: Any])
            XCTAssertEqual(error["code"] as? String, "rateLimited")
        }
    }
}
