import Fluent
import XCTVapor
import XCTest
@testable import App
@testable import LegalAidCore

/// Pages show text as text, link only where the viewer may go, and speak Chinese.
final class PageDefectTests: XCTestCase {
    func test_theCaseHistoryShowsTheLawyerNotMarkup() async throws {
        try await withTestApp(now: chinaNoon("2026-03-02")) { test in
            let app = try await test.applicationAwaitingDecision(name: "秦测试", sequence: 101)
            try await test.decide(app, approve: true)
            let record = try await test.legalAidCase(of: app)
            let reviewer = try await test.staffBrowser("shencha")
            let lawyer = try await test.account("lvshi1")
            let assigned = try await reviewer.post("/cases/\(record.id!)/actions/assignLawyer", [("version", "0"), ("lawyerID", lawyer.id!.uuidString)])
            XCTAssertEqual(assigned.status, .seeOther)
            let page = try await reviewer.get("/cases/\(record.id!)")
            XCTAssertTrue(page.contains("<br><span class=\"hint\">承办律师：\(lawyer.displayName)</span>"))
            XCTAssertFalse(page.contains("&lt;br&gt;"))
        }
    }

    func test_theLawyerSeesTheMatterOnTheCaseAndNoLinkToTheApplicationTheyMayNotOpen() async throws {
        try await withTestApp(now: chinaNoon("2026-03-02")) { test in
            let app = try await test.applicationAwaitingDecision(name: "尤测试", sequence: 102)
            try await test.decide(app, approve: true)
            let record = try await test.legalAidCase(of: app)
            let lawyer = try await test.account("lvshi1")
            _ = try await test.staffBrowser("shencha").post("/cases/\(record.id!)/actions/assignLawyer", [("version", "0"), ("lawyerID", lawyer.id!.uuidString)])
            let browser = try await test.staffBrowser("lvshi1")
            let page = try await browser.get("/cases/\(record.id!)")
            XCTAssertFalse(page.contains("href=\"\(SiteURL.application(app.id!).path)\""))
            XCTAssertTrue(page.contains(app.form.matter.facts))
            XCTAssertTrue(page.contains(app.form.contactPhone), "the handler must reach the recipient")
            // Every link on the page opens for the lawyer.
            for link in Self.links(page.body) where link.hasPrefix("/cases/") || link.hasPrefix("/applications/") || link.hasPrefix("/documents/") {
                let status = try await browser.get(link).status
                XCTAssertNotEqual(status, .notFound, link)
            }
        }
    }

    func test_preReviewStaffSeeTheCaseStateButNoLinkToTheCaseFile() async throws {
        try await withTestApp(now: chinaNoon("2026-03-02")) { test in
            let app = try await test.applicationAwaitingDecision(name: "许测试", sequence: 103)
            try await test.decide(app, approve: true)
            for username in ["gongzuozhan1", "shequ1"] {
                let page = try await test.staffBrowser(username).get(SiteURL.application(app.id!).path)
                XCTAssertTrue(page.contains("待指派"), username)
                XCTAssertFalse(page.contains("查看案件办理"), username)
            }
            let centre = try await test.staffBrowser("shencha").get(SiteURL.application(app.id!).path)
            XCTAssertTrue(centre.contains("查看案件办理"))
        }
    }

    func test_theDirectorsPageHasEachIdOnce() async throws {
        try await withTestApp(now: chinaNoon("2026-03-02")) { test in
            let app = try await test.applicationAwaitingDecision(name: "吕测试", sequence: 104)
            let page = try await test.staffBrowser("shenpi").get(SiteURL.application(app.id!).path)
            let ids = Self.ids(page.body)
            XCTAssertEqual(ids.count, Set(ids).count, "duplicates: \(Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys)")
            // Each label still points at its own field.
            for target in Self.labelTargets(page.body) { XCTAssertTrue(ids.contains(target), target) }
        }
    }

    func test_theIconIsServed() async throws {
        try await withTestApp { test in
            let icon = try await Browser(test).get("/favicon.ico")
            XCTAssertEqual(icon.status, .ok)
            let home = try await Browser(test).get("/")
            XCTAssertTrue(home.contains("rel=\"icon\""))
        }
    }

    func test_theUploadErrorNamesEveryAcceptedKind() {
        let file = File(data: ByteBuffer(string: "MZ this is not a picture"), filename: "a.exe")
        let message = AttachmentStore.check(file, field: "attachments", maxBytes: 1_000_000)?.message ?? ""
        for kind in ["JPG", "PNG", "GIF", "WebP", "PDF"] { XCTAssertTrue(message.contains(kind), kind) }
    }

    static func links(_ html: String) -> [String] {
        html.components(separatedBy: "href=\"").dropFirst().compactMap { $0.split(separator: "\"", maxSplits: 1).first.map(String.init) }
    }

    static func ids(_ html: String) -> [String] {
        html.components(separatedBy: " id=\"").dropFirst().compactMap { $0.split(separator: "\"", maxSplits: 1).first.map(String.init) }
    }

    static func labelTargets(_ html: String) -> [String] {
        html.components(separatedBy: "<label for=\"").dropFirst().compactMap { $0.split(separator: "\"", maxSplits: 1).first.map(String.init) }
    }
}
