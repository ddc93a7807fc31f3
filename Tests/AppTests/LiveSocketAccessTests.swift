import Fluent
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import WebSocketKit
import XCTVapor
import XCTest
@testable import App
@testable import LegalAidCore
@testable import DeskCore

/// An open live-chat socket does not outlive its account's right to it (issue #23 item 3): a
/// page elsewhere cannot open one, and signing out (here or everywhere) or losing access closes
/// it, whether this instance is told or finds out at its next check. Over a real server socket.
final class LiveSocketAccessTests: XCTestCase {
    /// What a client socket heard, and whether the server closed it.
    final class Heard: Sendable {
        private let box = NIOLockedValueBox<(frames: [String], closed: Bool)>(([], false))
        var frames: [String] { box.withLockedValue { $0.frames } }
        var closed: Bool { box.withLockedValue { $0.closed } }
        func add(_ text: String) { box.withLockedValue { $0.frames.append(text) } }
        func close() { box.withLockedValue { $0.closed = true } }
    }

    /// Runs `body` with the app served on a free port (stopped afterwards, whatever happens).
    func serving(_ test: TestApp, _ body: (Int) async throws -> Void) async throws {
        try await test.app.server.start(address: .hostname("127.0.0.1", port: 0))
        do {
            try await body(try XCTUnwrap(test.app.http.server.shared.localAddress?.port))
        } catch {
            await test.app.server.shutdown()
            throw error
        }
        await test.app.server.shutdown()
    }

    /// Opens a conversation's socket as the browser would (its cookies, its origin).
    func open(_ path: String, port: Int, browser: Browser, origin: String?, on test: TestApp) async throws -> (WebSocket, Heard) {
        var headers = HTTPHeaders()
        headers.add(name: .cookie, value: browser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        if let origin { headers.add(name: .origin, value: origin) }
        let heard = Heard()
        let socket = NIOLockedValueBox<WebSocket?>(nil)
        try await WebSocket.connect(to: "ws://127.0.0.1:\(port)\(path)", headers: headers, on: test.app.eventLoopGroup) { ws in
            ws.onText { _, text in heard.add(text) }
            ws.onClose.whenComplete { _ in heard.close() }
            socket.withLockedValue { $0 = ws }
        }.get()
        // The upgrade handler may run just after the connection's future completes.
        try await waitUntil(3) { socket.withLockedValue { $0 } != nil }
        return (try XCTUnwrap(socket.withLockedValue { $0 }), heard)
    }

    func waitUntil(_ seconds: Double, _ condition: () -> Bool) async throws {
        let end = Date().addingTimeInterval(seconds)
        while !condition(), Date() < end { try await Task.sleep(nanoseconds: 50_000_000) }
    }

    /// A signed-in citizen with a live consultation waiting; the path of its socket.
    func citizenWithConsultation(_ test: TestApp) async throws -> (Browser, String) {
        let browser = Browser(test)
        try await browser.login(DemoSeed.citizenPhone, DemoSeed.citizenPassword)
        try await browser.get("/consult")
        let started = try await browser.post("/consult", [("channel", "live"), ("topic", "labour"), ("question", "公司拖欠工资三个月，怎么办？"), ("name", "王女士")])
        XCTAssertEqual(started.status, .seeOther, started.body.components(separatedBy: "field-error").dropFirst().map { String($0.prefix(120)) }.joined())
        let page = try XCTUnwrap(started.location)
        try await browser.get(page)
        return (browser, page + "/live")
    }

    func test_aSocketFromAnotherSitesPageIsRefused_oneFromOurOwnIsLetIn() async throws {
        try await withTestApp(now: ConsultationAPITests.mondayMorning) { test in
            try await serving(test) { port in
                let (browser, live) = try await citizenWithConsultation(test)
                do {
                    _ = try await open(live, port: port, browser: browser, origin: "https://evil.example", on: test)
                    XCTFail("a page elsewhere must not open the citizen's conversation")
                } catch {}
                let (ws, heard) = try await open(live, port: port, browser: browser, origin: "http://127.0.0.1:\(port)", on: test)
                try await waitUntil(3) { !heard.frames.isEmpty }
                XCTAssertTrue(heard.frames.first?.contains("公司拖欠工资") == true, "\(heard.frames)")
                XCTAssertFalse(heard.closed)
                try await ws.close()
            }
        }
    }

    func test_signingOutEverywhere_closesTheOpenSocketAtOnce() async throws {
        try await withTestApp(now: ConsultationAPITests.mondayMorning) { test in
            try await serving(test) { port in
                let (browser, live) = try await citizenWithConsultation(test)
                let (_, heard) = try await open(live, port: port, browser: browser, origin: nil, on: test)
                try await waitUntil(3) { !heard.frames.isEmpty }
                let other = Browser(test)
                try await other.login(DemoSeed.citizenPhone, DemoSeed.citizenPassword)
                try await other.get("/account")
                let out = try await other.post("/account/logout-everywhere", [])
                XCTAssertEqual(out.status, .seeOther)
                try await waitUntil(3) { heard.closed }
                XCTAssertTrue(heard.closed, "signed out everywhere: the socket opened before is closed")
                XCTAssertTrue(heard.frames.last?.contains("gone") == true, "\(heard.frames)")
            }
        }
    }

    func test_signingOutInThatBrowser_closesItsSocket() async throws {
        try await withTestApp(now: ConsultationAPITests.mondayMorning) { test in
            try await serving(test) { port in
                let (browser, live) = try await citizenWithConsultation(test)
                let (_, heard) = try await open(live, port: port, browser: browser, origin: nil, on: test)
                try await waitUntil(3) { !heard.frames.isEmpty }
                let out = try await browser.post("/logout", [])
                XCTAssertEqual(out.status, .seeOther)
                try await waitUntil(3) { heard.closed }
                XCTAssertTrue(heard.closed)
            }
        }
    }

    /// Another instance signed the account out: this one was not told, and finds out before it
    /// sends the next thing (here: the desk taking the consultation).
    func test_anAccountChangedElsewhere_isFoundBeforeTheNextSend() async throws {
        try await withTestApp(now: ConsultationAPITests.mondayMorning) { test in
            try await serving(test) { port in
                let (browser, live) = try await citizenWithConsultation(test)
                let (_, heard) = try await open(live, port: port, browser: browser, origin: nil, on: test)
                try await waitUntil(3) { !heard.frames.isEmpty }
                let citizen = try await test.account(AccountModel.citizenUsername(phone: try XCTUnwrap(MobileNumber.parse(DemoSeed.citizenPhone))))
                citizen.sessionEpoch += 1
                try await citizen.save(on: test.db)
                try await Task.sleep(nanoseconds: UInt64((LiveConversation.recheckAfter + 0.5) * 1_000_000_000))
                XCTAssertFalse(heard.closed, "nobody told this instance")
                let framesBefore = heard.frames.count
                let staff = try await APIClient.signIn(test, "shencha", DemoSeed.staffPassword)
                _ = try await staff.send(.POST, "/api/v1/desk/duty", json: ["onDuty": true])
                let taken = try await staff.send(.POST, "/api/v1/desk/next")
                XCTAssertEqual(taken.status, .ok)
                try await waitUntil(3) { heard.closed }
                XCTAssertTrue(heard.closed, "the change is found before anything more is sent")
                XCTAssertFalse(heard.frames.dropFirst(framesBefore).contains { $0.contains("\"update\"") }, "nothing more was sent: \(heard.frames)")
            }
        }
    }

    /// Issue #23 items 21 and 22: acknowledgements name the message as the page wrote its id
    /// (so the page's list of unacknowledged messages empties), and a message past the flood
    /// limit is refused with its id and the seconds to wait, never silently dropped.
    func test_acksEchoThePagesIds_andAFloodIsRefusedWithTheTimeToWait() async throws {
        try await withTestApp(now: ConsultationAPITests.mondayMorning) { test in
            try await serving(test) { port in
                let (browser, live) = try await citizenWithConsultation(test)
                let (ws, heard) = try await open(live, port: port, browser: browser, origin: nil, on: test)
                try await waitUntil(3) { !heard.frames.isEmpty }
                let ids = (0..<(LiveConversation.floodLimit + 1)).map { _ in UUID().uuidString.lowercased() }
                for (n, id) in ids.enumerated() {
                    try await ws.send(#"{"type":"message","clientId":"\#(id)","body":"第\#(n + 1)条补充说明"}"#)
                }
                try await waitUntil(5) { heard.frames.filter { $0.contains("\"ack\"") || $0.contains("tooManyMessages") }.count >= ids.count }
                let acks = heard.frames.filter { $0.contains("\"type\":\"ack\"") }
                for id in ids.prefix(LiveConversation.floodLimit) {
                    XCTAssertTrue(acks.contains { $0.contains("\"clientId\":\"\(id)\"") }, "ack for \(id) names it as sent: \(acks)")
                }
                // Stored in the order they were sent: each ack's number follows the one before.
                let seqs = try ids.prefix(LiveConversation.floodLimit).map { id -> Int in
                    let ack = try XCTUnwrap(acks.first { $0.contains("\"clientId\":\"\(id)\"") })
                    let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(ack.utf8)) as? [String: Any])
                    return try XCTUnwrap(object["seq"] as? Int)
                }
                XCTAssertEqual(seqs, seqs.sorted(), "messages stored in the order they were sent")
                let refused = try XCTUnwrap(heard.frames.first { $0.contains("tooManyMessages") })
                XCTAssertTrue(refused.contains(ids.last!), "the refused message is named, so the page puts it back")
                XCTAssertTrue(refused.contains("retryAfter"), refused)
                XCTAssertTrue(refused.contains("秒后再发"), refused)
                try await ws.close()
            }
        }
    }

    /// Issue #23 item 28: the socket and its frames are documented, and the document names every
    /// frame the server sends and takes and every state it reports.
    func test_theSocketIsDescribedInAsyncAPI_withEveryFrameAndState() async throws {
        try await withTestApp { test in
            let doc = try await Browser(test).get("/asyncapi.yaml")
            XCTAssertEqual(doc.status, .ok)
            XCTAssertTrue(doc.body.hasPrefix("asyncapi: 2.6.0"))
            for path in ["/consult/{id}/live:", "/desk/live:"] { XCTAssertTrue(doc.contains(path), path) }
            for frame in ["message", "typing", "read", "update", "ack", "error", "desk"] {
                XCTAssertTrue(doc.contains("const: \(frame) }"), "frame \(frame)")
            }
            for code in ["badFrame", "tooManyMessages", "notStored", "gone", "originRefused", "webSocketOnly"] {
                XCTAssertTrue(doc.contains(code), code)
            }
            for state in ConsultationState.allCases { XCTAssertTrue(doc.contains(state.rawValue), state.rawValue) }
            XCTAssertTrue(doc.contains("\(LiveConversation.floodLimit) messages in any \(Int(LiveConversation.floodWindow)) seconds"))
            let openAPI = try await Browser(test).get("/openapi.yaml")
            XCTAssertTrue(openAPI.contains("/asyncapi.yaml"), "the API document points to it")
        }
    }

    /// Issue #23 item 22: a message whose acknowledgement was lost with the connection is sent
    /// again on the new socket (as the page does) and stored once; the new socket resumes after
    /// the last number seen, repeating nothing.
    func test_aReconnectWithAMessageInFlight_storesItOnce_andResumesWithoutRepeats() async throws {
        try await withTestApp(now: ConsultationAPITests.mondayMorning) { test in
            try await serving(test) { port in
                let (browser, live) = try await citizenWithConsultation(test)
                let (first, heardFirst) = try await open(live, port: port, browser: browser, origin: nil, on: test)
                try await waitUntil(3) { !heardFirst.frames.isEmpty }
                let id = UUID().uuidString.lowercased()
                try await first.send(#"{"type":"message","clientId":"\#(id)","body":"合同在我手里"}"#)
                try await waitUntil(3) { heardFirst.frames.contains { $0.contains("\"ack\"") } }
                let ack = try XCTUnwrap(heardFirst.frames.first { $0.contains("\"ack\"") })
                let seq = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(ack.utf8)) as? [String: Any])?["seq"] as? Int)
                try await first.close()

                // The page never saw that ack: it reconnects after the last message it showed
                // (the question, number 1) and sends the message again with the same id.
                let (second, heardSecond) = try await open(live + "?after=1", port: port, browser: browser, origin: nil, on: test)
                try await second.send(#"{"type":"message","clientId":"\#(id)","body":"合同在我手里"}"#)
                try await waitUntil(3) { heardSecond.frames.contains { $0.contains("\"ack\"") } }
                let again = try XCTUnwrap(heardSecond.frames.first { $0.contains("\"ack\"") })
                XCTAssertTrue(again.contains("\"seq\":\(seq)"), "the same message, not a second one: \(again)")
                let consultation = try XCTUnwrap(UUID(uuidString: String(live.split(separator: "/")[1])))
                let stored = try await ConsultationMessageModel.query(on: test.db).filter(\.$consultationID == consultation).filter(\.$seq > 1).all()
                XCTAssertEqual(stored.count, 1, "stored once")
                let shown = heardSecond.frames.filter { $0.contains("合同在我手里") && $0.contains("\"update\"") }
                XCTAssertLessThanOrEqual(shown.count, 1, "sent to the page once at most")
                try await second.close()
            }
        }
    }
}
