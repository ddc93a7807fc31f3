import Fluent
import NIOCore
import XCTest
@testable import App
@testable import LegalAidCore

/// Who is signed in comes from memory (issue #27), and a sign-out, a lock or a change of role
/// reaches every instance: at once on the one that made it, within a second on the others.
final class PrincipalCacheTests: XCTestCase {
    func test_onTheInstanceThatRevokes_aKnownTokenAndAPageSessionAreRefusedAtOnce() async throws {
        try await withTestApp { test in
            let page = Browser(test)
            try await page.login("shencha", DemoSeed.staffPassword)
            let api = try await APIClient.signIn(test, "shencha", DemoSeed.staffPassword)
            // Both known to the cache before the sign-out.
            let known = try await api.send(.GET, "/api/v1/applications").status
            XCTAssertEqual(known, .ok)
            let workbench = try await page.get("/workbench").status
            XCTAssertEqual(workbench, .ok)

            let other = Browser(test)
            try await other.login("shencha", DemoSeed.staffPassword)
            try await other.post("/account/logout-everywhere", [])

            let token = try await api.send(.GET, "/api/v1/applications").status
            XCTAssertEqual(token, .unauthorized, "the token was known, and is gone")
            let session = try await page.get("/workbench")
            XCTAssertEqual(session.location, "/login?next=%2Fworkbench", "the page session ended with the sign-out everywhere")
        }
    }

    func test_aRoleTakenAwayCountsAtOnceOnThisInstance() async throws {
        try await withTestApp { test in
            let page = Browser(test)
            try await page.login("shencha", DemoSeed.staffPassword)
            let before = try await page.get("/workbench").status
            XCTAssertEqual(before, .ok)
            let account = try await test.account("shencha")
            account.roles = try RoleSet([.citizen])
            try await account.save(on: test.db)
            let after = try await page.get("/workbench").status
            XCTAssertEqual(after, .forbidden, "the cached reviewer is gone with the change")
        }
    }

    func test_anotherInstanceKeepsItsCopyUntilItSeesTheCounterMove() async throws {
        try await withTestApp { test in
            // Two more instances' caches over the same database: one looks every time, one rarely.
            let eager = PrincipalCache(recheck: .zero)
            let lazy = PrincipalCache(recheck: .hours(1))
            let api = try await APIClient.signIn(test, "shencha", DemoSeed.staffPassword)
            let hash = TokenHash.of(try XCTUnwrap(api.token))
            let id = try await test.account("shencha").id
            for cache in [eager, lazy] {
                let found = try await cache.tokenAccount(hash, now: test.app.fayuan.clock.now(), on: test.db)
                XCTAssertEqual(found, id)
                let epoch = try await cache.account(try XCTUnwrap(id), on: test.db)?.sessionEpoch
                XCTAssertEqual(epoch, 0)
            }

            let other = Browser(test)
            try await other.login("shencha", DemoSeed.staffPassword)
            try await other.post("/account/logout-everywhere", [])

            let seenByEager = try await eager.tokenAccount(hash, now: test.app.fayuan.clock.now(), on: test.db)
            XCTAssertNil(seenByEager, "the counter moved, so it dropped its copy")
            let seenByLazy = try await lazy.tokenAccount(hash, now: test.app.fayuan.clock.now(), on: test.db)
            XCTAssertEqual(seenByLazy, id, "within its recheck interval it answers from memory: the copy is really used")
            let epoch = try await lazy.account(try XCTUnwrap(id), on: test.db)?.sessionEpoch
            XCTAssertEqual(epoch, 0, "and the account as it was")
            let fresh = try await eager.account(try XCTUnwrap(id), on: test.db)?.sessionEpoch
            XCTAssertEqual(fresh, 1)
        }
    }

    func test_anExpiredTokenIsRefusedEvenWhenKnown() async throws {
        try await withTestApp(now: Date(timeIntervalSince1970: 1_790_000_000)) { test in
            let api = try await APIClient.signIn(test, "shencha", DemoSeed.staffPassword)
            let fresh = try await api.send(.GET, "/api/v1/applications").status
            XCTAssertEqual(fresh, .ok)
            test.clock.set(Date(timeIntervalSince1970: 1_790_000_000 + 13 * 3600)) // valid 12 hours
            let expired = try await api.send(.GET, "/api/v1/applications").status
            XCTAssertEqual(expired, .unauthorized)
        }
    }

    /// Two instances behind one load balancer on one PostgreSQL.
    func test_twoInstances_aSignOutEverywhereOnOneIsRefusedOnTheOtherWithinASecond() async throws {
        guard TestApp.usesPostgres else { throw XCTSkip("one instance on SQLite; the other instance's copy is specified above") }
        try await withTestApp { first in
            let second = try await TestApp.make(alongside: first)
            do {
                let onFirst = try await APIClient.signIn(first, "shencha", DemoSeed.staffPassword)
                let onSecond = APIClient(test: second, token: onFirst.token)
                let pageOnFirst = Browser(first)
                try await pageOnFirst.login("shencha", DemoSeed.staffPassword)
                let pageOnSecond = Browser(second)
                pageOnSecond.cookies = pageOnFirst.cookies
                for status in [try await onFirst.send(.GET, "/api/v1/applications").status,
                               try await onSecond.send(.GET, "/api/v1/applications").status,
                               try await pageOnSecond.get("/workbench").status] {
                    XCTAssertEqual(status, .ok, "known on both instances")
                }

                // A plain sign-out on the first: the session row is gone for both at once.
                try await pageOnFirst.post("/logout", [])
                let signedOut = try await pageOnSecond.get("/workbench").location
                XCTAssertEqual(signedOut, "/login?next=%2Fworkbench")

                // Sign-out everywhere on the first: the token the second instance holds in memory.
                let other = Browser(first)
                try await other.login("shencha", DemoSeed.staffPassword)
                try await other.post("/account/logout-everywhere", [])
                let atOnce = try await onFirst.send(.GET, "/api/v1/applications").status
                XCTAssertEqual(atOnce, .unauthorized)
                try await Task.sleep(for: .milliseconds(1_050))
                let withinASecond = try await onSecond.send(.GET, "/api/v1/applications").status
                XCTAssertEqual(withinASecond, .unauthorized)
            } catch {
                try await second.shutdown()
                throw error
            }
            try await second.shutdown()
        }
    }
}
