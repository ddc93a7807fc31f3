import Fluent
import SQLKit
import XCTVapor
import XCTest
@testable import App
@testable import LegalAidCore

/// 等保2.0 audit: every sign-in, failure, state change and view of personal data is recorded,
/// append-only and hash-chained, kept at least six months.
final class AuditTests: XCTestCase {
    /// Issue #23 item 18: every feature's events read by name on `/audit` and can be filtered,
    /// none as 「其他事件」.
    func test_theDesksKnowledgeAndDirectoryEvents_readByName_andFilterByFamily() async throws {
        try await withTestApp(now: ConsultationAPITests.mondayMorning) { test in
            let editor = try await APIClient.signIn(test, "shencha", DemoSeed.staffPassword)
            let created = try await editor.send(.POST, "/api/v1/knowledge", json: ["kind": "article", "title": "工伤认定的申请时限", "body": "用人单位应当在30日内提出申请。"])
            XCTAssertEqual(created.status, .created, created.body.string)
            let citizen = try await APIClient.signIn(test, DemoSeed.citizenPhone, DemoSeed.citizenPassword)
            let asked = try await citizen.send(.POST, "/api/v1/consultations", json: ["channel": "messageBoard", "topic": "labour", "question": "公司拖欠工资三个月怎么办？", "name": "王女士"])
            XCTAssertEqual(asked.status, .created, asked.body.string)
            let codes = Set(try await test.auditTrail().all().map(\.event)).filter { $0.hasPrefix("knowledge.") || $0.hasPrefix("consultation.") }
            XCTAssertTrue(codes.contains { $0.hasPrefix("knowledge.") }, "\(codes)")
            let all = codes.union(["consultation.take", "consultation.close", "consultation.logCall", "consultation.view", "knowledge.published",
                                   "directory.institutionSaved", "directory.personSaved", "directory.personDeleted", "directory.imported"])
            for code in all {
                XCTAssertNotEqual(AuditText.event(code), "其他事件", code)
            }
            let families = AuditText.families.map(\.prefix)
            for prefix in ["consultation.", "knowledge.", "directory."] { XCTAssertTrue(families.contains(prefix), prefix) }
            XCTAssertEqual(AuditText.target("consultation:\(UUID())").hasPrefix("咨询 "), true)

            let auditor = Browser(test)
            try await auditor.login("shenji", DemoSeed.staffPassword)
            let page = try await auditor.get("/audit?event=knowledge.")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.contains("知识库：新建"), "the filter shows the knowledge base's events by name")
            XCTAssertFalse(page.contains("其他事件"))
            XCTAssertTrue(page.contains("<option value=\"directory.\""), "the directory's family can be chosen")
        }
    }

    func test_signInsFailuresStateChangesAndViewsAreRecorded() async throws {
        try await withTestApp { test in
            let station = Browser(test)
            try await station.post("/login", [("username", "gongzuozhan1"), ("password", "wrong-Password-1")])
            try await station.login("gongzuozhan1", DemoSeed.staffPassword)
            let app = try await ApplicationModel.query(on: test.db).filter(\.$state == "submitted").firstOrFail()
            try await station.get(SiteURL.application(app.id!).path)
            try await station.post(SiteURL.action(app.id!, .preApprove).path, [("version", String(app.version)), ("opinion", "同意")])
            let events = try await test.auditTrail().sort(\.$seq).all()
            let summary = events.map { "\($0.event)/\($0.outcome)" }
            XCTAssertTrue(summary.contains("auth.signIn/failure"))
            XCTAssertTrue(summary.contains("auth.signIn/success"))
            XCTAssertTrue(summary.contains("personalData.view/success"))
            XCTAssertTrue(summary.contains("application.preApprove/success"))
            let change = try XCTUnwrap(events.last { $0.event == "application.preApprove" })
            XCTAssertEqual(change.target, "application:\(app.number)")
            XCTAssertEqual(change.accountName, "幸福街道 周初审")
            let verification = try await AuditLog.verify(on: test.db)
            XCTAssertEqual(verification, .intact(entries: events.count))
        }
    }

    func test_editingOrDeletingAnEntryIsDetected() async throws {
        try await withTestApp { test in
            let sql = test.db as! SQLDatabase
            let entries = try await test.auditTrail().sort(\.$seq).all()
            XCTAssertGreaterThan(entries.count, 3)
            try await sql.raw("UPDATE audit_entries SET outcome = 'failure' WHERE seq = 2").run()
            let edited = try await AuditLog.verify(on: test.db)
            XCTAssertEqual(edited, .broken(atSeq: 2, reason: "第2条记录内容被修改"))
            try await sql.raw("UPDATE audit_entries SET outcome = 'success' WHERE seq = 2").run()
            try await sql.raw("DELETE FROM audit_entries WHERE seq = 3").run()
            let deleted = try await AuditLog.verify(on: test.db)
            XCTAssertEqual(deleted, .broken(atSeq: 3, reason: "第3条记录缺失"))
        }
    }

    func test_pruningKeepsSixMonthsAndTheChainStillVerifies() async throws {
        try await withTestApp(now: chinaNoon("2026-01-05")) { test in
            let browser = Browser(test)
            try await browser.login("shencha", DemoSeed.staffPassword)
            test.clock.set(chinaNoon("2026-09-01"))
            try await browser.login("shenpi", DemoSeed.staffPassword)
            let services = test.app.fayuan
            do {
                _ = try await AuditLog.prune(before: chinaNoon("2026-06-01"), now: test.clock.now(), services: services, on: test.db)
                XCTFail("pruning inside the last six months must be refused")
            } catch is AuditLog.PruneTooRecent {}
            let removed = try await AuditLog.prune(before: chinaNoon("2026-02-01"), now: test.clock.now(), services: services, on: test.db)
            XCTAssertGreaterThan(removed, 0)
            let verification = try await AuditLog.verify(on: test.db)
            guard case .intact = verification else { return XCTFail("\(verification)") }
            let remaining = try await test.auditTrail().all().map(\.event)
            XCTAssertTrue(remaining.contains("audit.pruned"))
        }
    }

    func test_onlyTheAuditAdministratorReadsAndExportsTheTrail() async throws {
        try await withTestApp { test in
            let auditor = Browser(test)
            try await auditor.login("shenji", DemoSeed.staffPassword)
            _ = try await test.auditTrail()
            let page = try await auditor.get("/audit?event=auth.")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.contains("审计记录完整性校验通过"))
            // Events by name, not by code (等保 auditors read Chinese).
            XCTAssertTrue(page.contains("<td>登录</td>"))
            XCTAssertFalse(page.contains("auth.signIn"))
            let csv = try await auditor.get("/audit/export.csv")
            XCTAssertEqual(csv.status, .ok)
            XCTAssertTrue(csv.body.contains("序号,时间,账号"))
            let export = try await test.auditTrail().filter(\.$event == "audit.export").firstOrFail()
            XCTAssertTrue(export.detail.hasPrefix("导出"), export.detail)
            let exported = try await test.auditTrail().filter(\.$event == "audit.export").count()
            XCTAssertEqual(exported, 1)
            for username in ["xitong", "anquan", "shencha", "jiandu"] {
                let other = Browser(test)
                try await other.login(username, DemoSeed.staffPassword)
                let refused = try await other.get("/audit")
                XCTAssertEqual(refused.status, .forbidden, username)
            }
            // The audit administrator sees no applications.
            let app = try await ApplicationModel.query(on: test.db).filter(\.$state == "submitted").firstOrFail()
            let hidden = try await auditor.get(SiteURL.application(app.id!).path)
            XCTAssertEqual(hidden.status, .notFound)
        }
    }
}
