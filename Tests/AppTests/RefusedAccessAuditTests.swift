import Fluent
import XCTVapor
import XCTest
@testable import App
@testable import LegalAidCore

/// 等保2.0 level 3: every refused attempt on a protected record is in the audit trail — who,
/// what, when, from where, outcome "denied" — without the personal data itself.
final class RefusedAccessAuditTests: XCTestCase {
    func test_anotherStreetsStaffReachingForAnApplicationIsRefusedAndEveryAttemptIsAudited() async throws {
        try await withTestApp(now: chinaNoon("2026-03-02")) { test in
            let app = try await test.applicationAwaitingDecision(name: "卫测试", sequence: 61)
            try await test.decide(app, approve: true)
            let document = try await DocumentModel.query(on: test.db).filter(\.$applicationID == app.id!).firstOrFail()
            let legalAidCase = try await test.legalAidCase(of: app)
            let other = try await test.staffBrowser("gongzuozhan2")
            let api = try await APIClient.signIn(test, "gongzuozhan2", DemoSeed.staffPassword)
            let before = try await test.auditTrail().filter(\.$event == "access.denied").count()

            let attempts: [(String, HTTPStatus)] = [
                (SiteURL.application(app.id!).path, try await other.get(SiteURL.application(app.id!).path).status),
                (SiteURL.application(app.id!).path + "?reveal=1", try await other.get(SiteURL.application(app.id!).path + "?reveal=1").status),
                (SiteURL.document(document.id!).path, try await other.get(SiteURL.document(document.id!).path).status),
                ("/cases/\(legalAidCase.id!)", try await other.get("/cases/\(legalAidCase.id!)").status),
                ("GET /api/v1/applications/\(app.id!)", try await api.send(.GET, "/api/v1/applications/\(app.id!)").status),
                ("POST /api/v1/applications/\(app.id!)/events", try await api.send(.POST, "/api/v1/applications/\(app.id!)/events", json: ["type": "withdraw"]).status),
                ("GET /api/v1/documents/\(document.id!)", try await api.send(.GET, "/api/v1/documents/\(document.id!)").status),
            ]
            for (what, status) in attempts { XCTAssertEqual(status, .notFound, what) }

            let denied = try await test.auditTrail().filter(\.$event == "access.denied").sort(\.$seq).all()
            XCTAssertEqual(denied.count - before, attempts.count)
            for entry in denied.suffix(attempts.count) {
                XCTAssertEqual(entry.outcome, "denied")
                XCTAssertEqual(entry.accountName, "和平街道 吴初审")
                XCTAssertEqual(entry.clientAddress.isEmpty, false)
                XCTAssertEqual(entry.target, "application:\(app.number)")
                XCTAssertFalse(entry.detail.contains("卫测试"))
                XCTAssertFalse(entry.detail.contains(app.form.applicant.idNumber))
            }
            XCTAssertTrue(denied.last!.detail.hasPrefix("GET /api/v1/documents/"))
            XCTAssertTrue(denied.contains { $0.detail.contains("（显示完整号码）") })
            guard case .intact = try await AuditLog.verify(on: test.db) else { return XCTFail("chain broken") }

            // The audit administrator finds them by name, on the page and in the export.
            let auditor = try await test.staffBrowser("shenji")
            let page = try await auditor.get("/audit?event=access.")
            XCTAssertTrue(page.contains("越权访问被拒绝"))
            XCTAssertTrue(page.contains("申请 \(app.number)"))
            XCTAssertTrue(page.contains("拒绝"))
            let csv = try await auditor.get("/audit/export.csv?event=access.")
            XCTAssertEqual(csv.body.components(separatedBy: "越权访问被拒绝").count - 1, denied.count)
        }
    }

    func test_aRoleWithoutTheRightIsAuditedToo() async throws {
        try await withTestApp { test in
            let reviewer = try await test.staffBrowser("shencha")
            let refused = try await reviewer.get("/audit")
            XCTAssertEqual(refused.status, .forbidden)
            let entry = try await test.auditTrail().filter(\.$event == "access.denied").sort(\.$seq, .descending).firstOrFail()
            XCTAssertEqual(entry.target, "path:/audit")
            XCTAssertEqual(entry.outcome, "denied")
        }
    }

    func test_aRecordThatDoesNotExistIsNotARefusal() async throws {
        try await withTestApp { test in
            let reviewer = try await test.staffBrowser("shencha")
            let missing = try await reviewer.get(SiteURL.application(UUID()).path)
            XCTAssertEqual(missing.status, .notFound)
            let count = try await test.auditTrail().filter(\.$event == "access.denied").count()
            XCTAssertEqual(count, 0)
        }
    }
}
