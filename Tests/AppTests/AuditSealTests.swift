import Fluent
import XCTVapor
import XCTest
@testable import App
@testable import LegalAidCore

/// Audited requests do not queue behind one lock: a request only records (one insert); the
/// sealer numbers and hashes records into the chain in order, one instance at a time, and the
/// chain stays whole and verifiable however many requests and sealers run at once.
final class AuditSealTests: XCTestCase {
    func test_aRequestRecordsWithoutTouchingTheChain_theSealerChainsItInOrder() async throws {
        try await withTestApp { test in
            let before = try await test.auditTrail().count()
            _ = try await test.staffBrowser("shencha")
            let waiting = try await AuditLog.pending(on: test.db, limit: 10)
            XCTAssertGreaterThan(waiting.count, 0, "the sign-in waits in the inbox")
            let sealedMeanwhile = try await AuditEntryModel.query(on: test.db).count()
            XCTAssertEqual(sealedMeanwhile, before, "no request extended the chain itself")

            let sealed = try await AuditLog.seal(services: test.app.fayuan, on: test.db)
            XCTAssertEqual(sealed, waiting.count)
            let left = try await AuditLog.pending(on: test.db, limit: 10).count
            XCTAssertEqual(left, 0)
            let entries = try await AuditEntryModel.query(on: test.db).sort(\.$seq).all()
            XCTAssertEqual(entries.map(\.seq), Array(1...entries.count))
            XCTAssertEqual(entries.map(\.atMilliseconds), entries.map(\.atMilliseconds).sorted(), "sealed in the order recorded")
            let verification = try await AuditLog.verify(on: test.db)
            XCTAssertEqual(verification, .intact(entries: entries.count))
        }
    }

    func test_manyAuditedWritesAndSeveralSealersAtOnceMakeOneUnbrokenChain() async throws {
        try await withTestApp { test in
            let services = test.app.fayuan
            let start = try await test.auditTrail().count()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<120 {
                    group.addTask {
                        let record = AuditRecord(account: nil, event: "personalData.view", target: "application:FY2026-\(i)", clientAddress: "test")
                        try await AuditLog.record(record, services: services, on: test.db)
                    }
                    if i % 40 == 0 { group.addTask { try await AuditLog.seal(services: services, on: test.db, batch: 7) } }
                }
                try await group.waitForAll()
            }
            let entries = try await test.auditTrail().sort(\.$seq).all()
            XCTAssertEqual(entries.count, start + 120)
            XCTAssertEqual(entries.map(\.seq), Array(1...entries.count), "no number missing or taken twice")
            let verification = try await AuditLog.verify(on: test.db)
            XCTAssertEqual(verification, .intact(entries: start + 120))
        }
    }

    func test_theAuditorSeesThatTheNewestRecordsAreStillBeingSealed() async throws {
        try await withTestApp { test in
            _ = try await test.auditTrail()
            let auditor = try await test.staffBrowser("shenji")
            let page = try await auditor.get("/audit")
            XCTAssertTrue(page.contains("条最新记录正在写入哈希链"), "the auditor's own sign-in is waiting")
            XCTAssertTrue(page.contains("审计记录完整性校验通过"))
        }
    }
}
