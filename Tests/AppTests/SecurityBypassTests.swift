import Crypto
import Fluent
import NIOConcurrencyHelpers
import NIOCore
import WebSocketKit
import XCTVapor
import XCTest
@testable import App
@testable import LegalAidCore

/// What the outside try of 2026-12-05 found (issue #23, security): each spec fails on the code
/// that had the bypass.
final class SecurityBypassTests: XCTestCase {
    // MARK: 1. Limits belong to the route the router resolved, not to the raw path's spelling.

    func test_signInLimit_countsEverySpellingOfTheSameRoute() async throws {
        try await withTestApp(adjust: { $0.signInsPerMinute = 3 }) { test in
            let api = APIClient(test: test, token: nil)
            let body: [String: Any] = ["username": "nobody", "password": "x"]
            _ = try await api.send(.POST, "/api/v1/auth/token", json: body)
            _ = try await api.send(.POST, "/api/v1/auth/token/", json: body)
            _ = try await api.send(.POST, "/api/v1//auth/token", json: body)
            let fourth = try await api.send(.POST, "/api/v1/auth/token/", json: body)
            XCTAssertEqual(fourth.status, .tooManyRequests, "a trailing slash reaches the same handler and counts into the same window")
            let browser = Browser(test)
            let page = try await browser.post("/login/", [("username", "nobody"), ("password", "x")])
            XCTAssertEqual(page.status, .tooManyRequests, "/login/ is the sign-in route too")
        }
    }

    func test_statusLookupLimit_countsATrailingSlashAndPercentEscapes() async throws {
        try await withTestApp(adjust: { $0.lookupsPerMinute = 2 }) { test in
            let api = APIClient(test: test, token: nil)
            _ = try await api.send(.GET, "/api/v1/status/?number=FY2026-000001&phoneLast4=0000")
            _ = try await api.send(.GET, "/api/v1//status?number=FY2026-000001&phoneLast4=0001")
            let third = try await api.send(.GET, "/api/v1/status?number=FY2026-000001&phoneLast4=0002")
            XCTAssertEqual(third.status, .tooManyRequests)
            // A percent-escaped spelling reaches no handler at all here; were the router to decode
            // it, it would reach this route and count into the same window.
            let escaped = try await api.send(.GET, "/api/v1/st%61tus?number=FY2026-000001&phoneLast4=0003")
            XCTAssertTrue([.notFound, .tooManyRequests].contains(escaped.status), "\(escaped.status)")
        }
    }

    func test_consultationWrites_areLimitedPerAddress_butNotForStaffAtTheDesk() async throws {
        try await withTestApp(now: ConsultationAPITests.mondayMorning, adjust: { $0.consultationWritesPerTenMinutes = 2 }) { test in
            let anonymous = APIClient(test: test, token: nil)
            for phone in ["13900000051", "13900000052"] {
                let sent = try await anonymous.send(.POST, "/api/v1/consultations/phone-code", json: ["phone": phone])
                XCTAssertEqual(sent.status, .accepted)
            }
            let third = try await anonymous.send(.POST, "/api/v1/consultations/phone-code/", json: ["phone": "13900000053"])
            XCTAssertEqual(third.status, .tooManyRequests)
            XCTAssertEqual((try anonymous.object(third)["error"] as? [String: Any])?["code"] as? String, "rateLimited")
            let sms = try await SMSOutboxModel.query(on: test.db).filter(\.$template == PhoneCode.template).count()
            XCTAssertEqual(sms, 2, "no third code was sent")

            let browser = Browser(test)
            try await browser.login("shencha", DemoSeed.staffPassword)
            for _ in 0..<3 {
                let duty = try await browser.post("/desk/duty", [("onDuty", "true")])
                XCTAssertNotEqual(duty.status, .tooManyRequests, "staff at the desk share their office's address and are not counted")
            }
        }
    }

    // MARK: 2. /metrics is for this machine only.

    func test_metrics_answerNoRequestThatCameThroughAProxy_andCompareTheTokenInConstantTime() async throws {
        try await withTestApp(adjust: { $0.metricsToken = "scrape-token-0123456789" }) { test in
            func request(peer: String?, headers: HTTPHeaders = [:]) throws -> Request {
                Request(application: test.app, headers: headers, remoteAddress: try peer.map { try SocketAddress(ipAddress: $0, port: 40000) },
                        on: test.app.eventLoopGroup.next())
            }
            XCTAssertTrue(MetricsEndpoint.isLocal(try request(peer: "127.0.0.1")))
            XCTAssertTrue(MetricsEndpoint.isLocal(try request(peer: "::1")))
            XCTAssertFalse(MetricsEndpoint.isLocal(try request(peer: "127.0.0.1", headers: ["X-Forwarded-For": "203.0.113.9"])),
                           "nginx on the same machine forwards a client from elsewhere")
            XCTAssertFalse(MetricsEndpoint.isLocal(try request(peer: "127.0.0.1", headers: ["X-Real-IP": "203.0.113.9"])))
            XCTAssertFalse(MetricsEndpoint.isLocal(try request(peer: "203.0.113.9")))
            XCTAssertFalse(MetricsEndpoint.isLocal(try request(peer: nil)), "no peer address is not local")

            XCTAssertTrue(MetricsEndpoint.shown("scrape-token-0123456789", equals: "scrape-token-0123456789"))
            XCTAssertFalse(MetricsEndpoint.shown("scrape-token-012345678", equals: "scrape-token-0123456789"))
            XCTAssertFalse(MetricsEndpoint.shown("scrape-token-0123456789x", equals: "scrape-token-0123456789"))
            XCTAssertFalse(MetricsEndpoint.shown(nil, equals: "scrape-token-0123456789"))

            for path in ["/metrics", "/metrics/"] {
                let open = try await APIClient(test: test, token: nil).send(.GET, path)
                XCTAssertEqual(open.status, .notFound, path)
                let scraped = try await APIClient(test: test, token: "scrape-token-0123456789").send(.GET, path)
                XCTAssertEqual(scraped.status, .ok, path)
            }
        }
    }

    func test_theShippedNginxRefusesEveryMetricsPathByPrefix_andPassesTheLiveChat() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let conf = try String(contentsOf: root.appendingPathComponent("deploy/nginx-fayuan.conf"), encoding: .utf8)
        XCTAssertTrue(conf.contains("location ^~ /metrics { return 404; }"))
        XCTAssertFalse(conf.contains("location = /metrics"), "an exact match lets /metrics/ through")
        XCTAssertTrue(conf.contains("proxy_set_header Upgrade $http_upgrade;"))
    }

    // MARK: 4. Phone codes.

    func test_parallelGuesses_getFiveTriesBetweenThem() async throws {
        try await withTestApp(now: ConsultationAPITests.mondayMorning) { test in
            let anonymous = APIClient(test: test, token: nil)
            let code = try await anonymous.phoneCode(for: PhoneCodeTests.phone)
            let wrong = code == "000000" ? "111111" : "000000"
            let phone = try XCTUnwrap(MobileNumber.parse(PhoneCodeTests.phone))
            let codes = PhoneCodes(scope: ServiceScope(db: test.db, services: test.app.fayuan, now: test.clock.now()))
            let outcomes = NIOLockedValueBox<[String]>([])
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<12 {
                    group.addTask {
                        do { try await codes.confirm(phone, code: wrong, for: .consultation) } catch let error as AppError {
                            outcomes.withLockedValue { $0.append(error.code) }
                        } catch {
                            outcomes.withLockedValue { $0.append("other") }
                        }
                    }
                }
            }
            let counted = outcomes.withLockedValue { $0 }
            XCTAssertEqual(counted.filter { $0 == "wrongCode" }.count, PhoneCodes.maxAttempts, "\(counted)")
            XCTAssertEqual(counted.filter { $0 == "tooManyAttempts" }.count, 12 - PhoneCodes.maxAttempts)
            do {
                try await codes.confirm(phone, code: code, for: .consultation)
                XCTFail("the right code after five wrong tries is refused")
            } catch let error as AppError {
                XCTAssertEqual(error.code, "tooManyAttempts")
            }
        }
    }

    func test_storedPhoneCodeDigests_areKeyed() async throws {
        try await withTestApp(now: ConsultationAPITests.mondayMorning) { test in
            let code = try await APIClient(test: test, token: nil).phoneCode(for: PhoneCodeTests.phone)
            let row = try await PhoneCodeModel.query(on: test.db).first()
            let stored = try XCTUnwrap(row)
            func sha(_ text: String) -> String { SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined() }
            let unkeyed = ["fayuan.phoneCode:\(PhoneCodeTests.phone):\(code)", "\(PhoneCodeTests.phone):\(code)", code].map(sha)
            XCTAssertFalse(unkeyed.contains(stored.codeDigest), "six digits under an unkeyed hash are found by trying a million")
            XCTAssertFalse(["fayuan.phoneCode:\(PhoneCodeTests.phone)", PhoneCodeTests.phone].map(sha).contains(stored.phoneDigest))
            XCTAssertEqual(stored.codeDigest, PhoneCodes.digest("\(PhoneCodeTests.phone):\(code)"), "the same key finds it again")
        }
    }

    // MARK: 6. Caching and transport.

    func test_apiAnswersAreNeverStored_andHSTSIsSentOnlyOverHTTPS() async throws {
        try await withTestApp { test in
            let api = try await APIClient.signIn(test, "shequ1", DemoSeed.staffPassword)
            let list = try await api.send(.GET, "/api/v1/applications")
            XCTAssertEqual(list.status, .ok)
            XCTAssertEqual(list.headers.first(name: .cacheControl), "no-store")
            XCTAssertNil(list.headers.first(name: "Strict-Transport-Security"), "plain HTTP (the demo) is never pinned")
        }
        try await withTestApp(adjust: { $0.publicURL = "https://fayuan.example.gov.cn" }) { test in
            let home = try await Browser(test).get("/")
            XCTAssertEqual(home.headers.first(name: "Strict-Transport-Security"), "max-age=31536000; includeSubDomains")
        }
        try await withTestApp(adjust: { $0.trustedProxies = ["127.0.0.1"] }) { test in
            let behind = Request(application: test.app, headers: ["X-Forwarded-Proto": "https"],
                                 remoteAddress: try SocketAddress(ipAddress: "127.0.0.1", port: 40000), on: test.app.eventLoopGroup.next())
            XCTAssertTrue(SecurityHeaders.servedOverHTTPS(behind))
            let claimed = Request(application: test.app, headers: ["X-Forwarded-Proto": "https"],
                                  remoteAddress: try SocketAddress(ipAddress: "203.0.113.5", port: 40000), on: test.app.eventLoopGroup.next())
            XCTAssertFalse(SecurityHeaders.servedOverHTTPS(claimed), "only a trusted proxy says how the browser came")
        }
    }

    // MARK: 7. Markdown links.

    func test_aLinkWithATabOrLineBreakInItsAddress_isNotALink() {
        for address in ["/\t/evil.example/path", "/\n/evil.example", "/\r//evil.example", "/\\evil.example", "https://evil.example/\tx", "/ok\u{0B}/x"] {
            XCTAssertFalse(Markdown.isSafeAddress(address), address.debugDescription)
            let html = Markdown.html("[站内](\(address))").raw
            XCTAssertFalse(html.contains("<a "), "\(address.debugDescription) → \(html)")
        }
        XCTAssertTrue(Markdown.isSafeAddress("/consult"))
        XCTAssertTrue(Markdown.html("[在线咨询](/consult)").raw.contains(#"<a href="/consult""#))
    }
}
