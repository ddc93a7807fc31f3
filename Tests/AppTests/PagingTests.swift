import Fluent
import XCTVapor
import XCTest
@testable import App
@testable import LegalAidCore

/// Every list is paged, with the total from the database, in the API and on pages.
final class PagingTests: XCTestCase {
    func test_apiListsArePagedWithTheTotalAndLinks() async throws {
        try await withTestApp(now: chinaNoon("2026-03-02")) { test in
            for n in 0..<3 { _ = try await test.applicationAwaitingDecision(name: "分页\(n)", sequence: 90 + n) }
            let api = try await APIClient.signIn(test, "shencha", DemoSeed.staffPassword)
            let first = try await api.send(.GET, "/api/v1/applications?limit=2")
            XCTAssertEqual(first.status, .ok)
            let items = try JSONSerialization.jsonObject(with: Data(buffer: first.body)) as? [[String: Any]]
            XCTAssertEqual(items?.count, 2)
            let total = try XCTUnwrap(first.headers.first(name: "X-Total-Count").flatMap(Int.init))
            XCTAssertGreaterThanOrEqual(total, 4) // three made here, and the demo's at the centre
            XCTAssertTrue(first.headers.first(name: "Link")?.contains("page=2") == true)
            XCTAssertTrue(first.headers.first(name: "Link")?.contains("rel=\"next\"") == true)

            let cases = try await api.send(.GET, "/api/v1/cases?limit=1&page=1")
            XCTAssertEqual(cases.status, .ok)
            XCTAssertNotNil(cases.headers.first(name: "X-Total-Count"))
        }
    }

    func test_aPageSizeOverTheMaximumIsRefusedNamingTheParameter() async throws {
        try await withTestApp { test in
            let api = try await APIClient.signIn(test, "shencha", DemoSeed.staffPassword)
            for path in ["/api/v1/applications?limit=500", "/api/v1/cases?limit=0", "/api/v1/objections?page=0", "/api/v1/deadlines?limit=abc"] {
                let response = try await api.send(.GET, path)
                XCTAssertEqual(response.status, .unprocessableEntity, path)
                let field = (try api.object(response)["error"] as? [String: Any])?["field"] as? String
                XCTAssertTrue(field == "limit" || field == "page", path)
            }
        }
    }

    func test_theCaseListShowsFiftyAPageWithAPager() async throws {
        try await withTestApp(now: chinaNoon("2026-03-02")) { test in
            let app = try await test.applicationAwaitingDecision(name: "案件分页", sequence: 95)
            try await test.decide(app, approve: true)
            let template = try await test.legalAidCase(of: app)
            for n in 0..<55 {
                // Copies of the decided application, each with its own case.
                let copy = ApplicationModel()
                copy.id = UUID()
                copy.number = "FY2026-9\(String(format: "%05d", n))"
                copy.state = app.state
                copy.version = 0
                copy.channel = app.channel
                copy.createdByAccountID = app.createdByAccountID
                copy.communityPointID = app.communityPointID
                copy.preReviewOrganisationID = app.preReviewOrganisationID
                copy.centreID = app.centreID
                copy.form = app.form
                copy.applicantName = app.applicantName
                copy.phoneLast4 = app.phoneLast4
                copy.pauses = []
                try await copy.create(on: test.db)
                let record = CaseModel()
                record.applicationID = copy.id!
                record.centreID = template.centreID
                record.state = CaseState.awaitingAssignment.rawValue
                record.version = 0
                record.decidedOn = template.decidedOn
                record.assignmentDue = "2026-03-\(String(format: "%02d", 5 + n % 20))"
                record.possibleLifeOrDeath = false
                record.origin = CaseOrigin.decision.rawValue
                try await record.create(on: test.db)
            }
            let reviewer = try await test.staffBrowser("shencha")
            let first = try await reviewer.get("/cases")
            XCTAssertEqual(first.body.components(separatedBy: "<tr><td><a href=\"/cases/").count - 1, 50)
            XCTAssertTrue(first.contains("第1/2页"))
            let second = try await reviewer.get("/cases?page=2")
            XCTAssertTrue(second.contains("第2/2页"))
            XCTAssertGreaterThanOrEqual(second.body.components(separatedBy: "<tr><td><a href=\"/cases/").count - 1, 6)
        }
    }
}
