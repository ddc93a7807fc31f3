import XCTVapor
import XCTest
@testable import App

/// What an operator reads: `/metrics` in the Prometheus format, and a request id on every answer.
final class OperationsTests: XCTestCase {
    func test_metricsCountRequestsByRoutePatternAndShowTheQueues() async throws {
        try await withTestApp(adjust: { $0.metricsToken = "scrape-token-0123456789" }) { test in
            let browser = Browser(test)
            try await browser.get("/")
            let app = try await ApplicationModel.query(on: test.db).firstOrFail()
            try await browser.get("/applications/\(app.id!.uuidString)")
            // In-process test requests have no peer address, so they are not "this machine":
            // the scraper's token lets them in (SecurityBypassTests holds the local rule).
            let scraped = try await APIClient(test: test, token: "scrape-token-0123456789").send(.GET, "/metrics")
            let metrics = Browser.Page(status: scraped.status, headers: scraped.headers, body: String(buffer: scraped.body))
            XCTAssertEqual(metrics.status, .ok)
            XCTAssertEqual(metrics.headers.contentType?.subType, "plain")
            XCTAssertTrue(metrics.contains(#"fayuan_http_requests_total{method="GET",route="/",status="2xx"} 1"#), metrics.body)
            XCTAssertTrue(metrics.contains(#"route="/applications/:id""#), "the pattern, never the id")
            XCTAssertFalse(metrics.contains(app.id!.uuidString))
            XCTAssertTrue(metrics.contains("fayuan_http_request_duration_seconds_bucket"))
            XCTAssertTrue(metrics.contains("fayuan_audit_inbox_waiting"))
            XCTAssertTrue(metrics.contains("fayuan_sms_outbox_pending"))
        }
    }

    func test_everyAnswerNamesItsRequestId_andKeepsOneGivenByTheProxy() async throws {
        try await withTestApp { test in
            func get(_ headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
                try await test.app.testable().performTest(request: TestingHTTPRequest(method: .GET, url: URI(path: "/healthz"), headers: headers, body: ByteBuffer()))
            }
            var headers = HTTPHeaders()
            headers.add(name: "X-Request-ID", value: "nginx-0123abcd")
            let given = try await get(headers)
            XCTAssertEqual(given.headers.first(name: "X-Request-ID"), "nginx-0123abcd")
            let made = try await get()
            XCTAssertEqual(made.headers.first(name: "X-Request-ID")?.isEmpty, false)
            headers.replaceOrAdd(name: "X-Request-ID", value: "not ok\nInjected: 1")
            let refused = try await get(headers)
            XCTAssertNotEqual(refused.headers.first(name: "X-Request-ID"), "not ok\nInjected: 1")
        }
    }
}
