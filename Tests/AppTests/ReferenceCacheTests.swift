import Fluent
import NIOCore
import XCTest
@testable import App
@testable import LegalAidCore

/// Organisations and holidays come from memory, and a change reaches every instance.
final class ReferenceCacheTests: XCTestCase {
    func test_aHolidayEnteredByTheAdministratorCountsAtOnceOnThisInstance() async throws {
        try await withTestApp { test in
            let day = LocalDate(iso: "2027-01-01")!
            let before = try await test.app.fayuan.referenceData(on: test.db)
            XCTAssertTrue(before.calendar.isWorkingDay(day), "not yet entered (a Friday)")
            let admin = Browser(test)
            try await admin.login("xitong", DemoSeed.staffPassword)
            let _v1 = try await admin.post("/admin/holidays", [("date", "2027-01-01"), ("kind", "rest"), ("name", "元旦")]).status
            XCTAssertEqual(_v1, .seeOther)
            let after = try await test.app.fayuan.referenceData(on: test.db)
            XCTAssertFalse(after.calendar.isWorkingDay(day), "the writing instance drops its copy at once")
        }
    }

    func test_anotherInstanceSeesTheChangeWhenItNextLooksAtTheVersion() async throws {
        try await withTestApp { test in
            // Two more instances' caches over the same database: one looks every time, one rarely.
            let eager = ReferenceCache(recheck: .zero)
            let lazy = ReferenceCache(recheck: .hours(1))
            let centre = try await test.organisation("示范区法律援助中心")
            _ = try await eager.current(on: test.db)
            _ = try await lazy.current(on: test.db)

            centre.name = "示范区法律援助中心（新址）"
            try await centre.save(on: test.db)

            let seenByEager = try await eager.current(on: test.db)
            XCTAssertEqual(seenByEager.name(centre.id), "示范区法律援助中心（新址）", "the version moved, so it reloads")
            let seenByLazy = try await lazy.current(on: test.db)
            XCTAssertEqual(seenByLazy.name(centre.id), "示范区法律援助中心", "within its recheck interval it keeps its copy")
            let here = try await test.app.fayuan.referenceData(on: test.db)
            XCTAssertEqual(here.name(centre.id), "示范区法律援助中心（新址）")
        }
    }
}
