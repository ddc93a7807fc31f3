import Fluent
import XCTest
@testable import App
@testable import LegalAidCore

/// Reading a page writes nothing: no session for an anonymous visitor, and a signed-in person's
/// session is rewritten at most once a minute to track idle time.
final class ReadsStayReadsTests: XCTestCase {
    func test_anAnonymousVisitorReadingPagesStartsNoSessionButCanStillPostForms() async throws {
        try await withTestApp { test in
            let visitor = Browser(test)
            for path in ["/", "/lookup", "/login", "/register", "/", "/lookup"] {
                let _v1 = try await visitor.get(path).status
                XCTAssertEqual(_v1, .ok, path)
            }
            let sessions = try await SessionRecord.query(on: test.db).count()
            XCTAssertEqual(sessions, 0, "no session row for reading pages")
            XCTAssertNil(visitor.cookies["fayuan_session"])
            XCTAssertNotNil(visitor.cookies[CSRFToken.cookieName], "the form token travels in its own cookie")

            // The sign-in form still posts with that token, and only then is a session made.
            try await visitor.login("shencha", DemoSeed.staffPassword)
            let _v2 = try await SessionRecord.query(on: test.db).count()
            XCTAssertEqual(_v2, 1)
        }
    }

    func test_aFormPostedWithoutTheVisitorsTokenIsRefused() async throws {
        try await withTestApp { test in
            let visitor = Browser(test)
            try await visitor.get("/lookup")
            let forged = try await visitor.post("/lookup", [("number", "FY2026-000001"), ("phoneLast4", "1234")], csrf: "A" + String(repeating: "b", count: 31))
            XCTAssertEqual(forged.status, .forbidden)
            XCTAssertTrue(forged.contains("页面已过期或来源不明"))
        }
    }

    func test_aSignedInPersonsSessionIsRewrittenAtMostOnceAMinute() async throws {
        try await withTestApp(now: chinaNoon("2026-03-02")) { test in
            let reviewer = Browser(test)
            try await reviewer.login("shencha", DemoSeed.staffPassword)
            func lastSeen() async throws -> String? {
                try await SessionRecord.query(on: test.db).first()?.data["lastSeenAt"]
            }
            let atSignIn = try await lastSeen()
            test.clock.set(chinaNoon("2026-03-02").addingTimeInterval(60))
            try await reviewer.get("/workbench")
            try await reviewer.get("/cases")
            let _v1 = try await lastSeen()
            XCTAssertEqual(_v1, atSignIn, "reads within the minute leave the session as it was")
            test.clock.set(chinaNoon("2026-03-02").addingTimeInterval(200))
            try await reviewer.get("/workbench")
            let _v2 = try await lastSeen()
            XCTAssertNotEqual(_v2, atSignIn, "after a minute the idle clock moves on")
        }
    }
}
