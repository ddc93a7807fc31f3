import NIOCore
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

/// Behind nginx, every instance counts into the same windows.
final class SharedRateLimitTests: XCTestCase {
    func test_twoInstancesCountIntoOneWindow_andANewWindowStartsAfresh() async throws {
        try await withTestApp { test in
            let first = SharedRateLimiter(), second = SharedRateLimiter()
            let now = chinaNoon("2026-03-02")
            let _v1 = try await first.hit("lookup|203.0.113.9", limit: 2, per: 60, now: now, on: test.db)
            XCTAssertNil(_v1)
            let _v2 = try await second.hit("lookup|203.0.113.9", limit: 2, per: 60, now: now.addingTimeInterval(1), on: test.db)
            XCTAssertNil(_v2)
            let over = try await first.hit("lookup|203.0.113.9", limit: 2, per: 60, now: now.addingTimeInterval(2), on: test.db)
            XCTAssertNotNil(over, "the third hit in the minute, whichever instance takes it, is refused")
            XCTAssertLessThanOrEqual(over ?? 0, 60)
            let _v3 = try await second.hit("lookup|203.0.113.10", limit: 2, per: 60, now: now.addingTimeInterval(2), on: test.db)
            XCTAssertNil(_v3, "another address has its own window")
            let _v4 = try await second.hit("lookup|203.0.113.9", limit: 2, per: 60, now: now.addingTimeInterval(61), on: test.db)
            XCTAssertNil(_v4, "the next minute starts afresh")
        }
    }

    func test_theClientBehindATrustedProxyIsTheOneCounted() async throws {
        try await withTestApp(adjust: { $0.trustedProxies = ["127.0.0.1"] }) { test in
            let request = Request(application: test.app, headers: ["X-Forwarded-For": "198.51.100.7, 127.0.0.1"],
                                  remoteAddress: try SocketAddress(ipAddress: "127.0.0.1", port: 40000), on: test.app.eventLoopGroup.next())
            XCTAssertEqual(request.clientAddress, "198.51.100.7")
            let direct = Request(application: test.app, headers: ["X-Forwarded-For": "198.51.100.7"],
                                 remoteAddress: try SocketAddress(ipAddress: "203.0.113.5", port: 40000), on: test.app.eventLoopGroup.next())
            XCTAssertEqual(direct.clientAddress, "203.0.113.5", "a client cannot claim another address itself")
        }
    }
}
