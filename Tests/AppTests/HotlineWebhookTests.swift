import Fluent
import XCTVapor
import XCTest
@testable import App
@testable import LegalAidCore
@testable import DeskCore

/// The 12348 PBX reports its calls (issue #12 item 5): signed, fresh and once each, or refused
/// with nothing stored; an answered call is its agent's (首问负责), a missed call or a voicemail
/// is a call back owed on the desk.
final class HotlineWebhookTests: XCTestCase {
    static let mondayMorning = ConsultationAPITests.mondayMorning

    /// Posts one event as the PBX would, signed with `secret` at `timestamp`.
    func post(_ test: TestApp, _ event: [String: Any], timestamp: Date? = nil, secret: String = TestApp.pbxSecret,
              signature: String? = nil) async throws -> TestingHTTPResponse {
        let body = try JSONSerialization.data(withJSONObject: event)
        let stamp = String(Int((timestamp ?? test.clock.now()).timeIntervalSince1970))
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.add(name: "X-Fayuan-Timestamp", value: stamp)
        headers.add(name: "X-Fayuan-Signature", value: signature ?? HotlineWebhook.signature(timestamp: stamp, body: body, secret: secret))
        return try await test.app.testable().performTest(request: TestingHTTPRequest(method: .POST, url: URI(path: "/api/v1/hotline/events"),
                                                                                     headers: headers, body: ByteBuffer(data: body)))
    }

    func calls(_ test: TestApp, _ callID: String) async throws -> [ConsultationModel] {
        try await ConsultationModel.query(on: test.app.db).filter(\.$callID == callID).all()
    }

    func test_aCallRingsIsAnsweredAndEnds_oneRecordHeldByTheAgentWhoAnswered() async throws {
        try await withTestApp(now: Self.mondayMorning) { test in
            let ringing = try await post(test, ["eventId": "e1", "callId": "c1", "type": "ringing", "caller": "13900000011"])
            XCTAssertEqual(ringing.status, .accepted, ringing.body.string)
            let first = try await calls(test, "c1")
            XCTAssertEqual(first.map(\.state), ["waiting"])
            XCTAssertEqual(first.first?.channel, "hotline")
            XCTAssertEqual(first.first?.askerName, "来电 尾号0011", "the desk sees the number's last four digits only")

            // A ringing call waits at the PBX, not in the chat queue the desk takes from.
            let staff = try await APIClient.signIn(test, "shencha", DemoSeed.staffPassword)
            _ = try await staff.send(.POST, "/api/v1/desk/duty", json: ["onDuty": true])
            let offered = try await staff.send(.POST, "/api/v1/desk/next")
            XCTAssertEqual(offered.status, .notFound, offered.body.string)
            XCTAssertTrue(offered.body.string.contains("queueEmpty"))

            let answered = try await post(test, ["eventId": "e2", "callId": "c1", "type": "answered", "agent": "shencha"])
            XCTAssertEqual(answered.status, .accepted)
            let ended = try await post(test, ["eventId": "e3", "callId": "c1", "type": "ended", "durationSeconds": 240])
            XCTAssertEqual(ended.status, .accepted)
            let c1 = try await calls(test, "c1")
            let record = try XCTUnwrap(c1.first)
            XCTAssertEqual(record.state, "active", "the agent who answered logs the outcome")
            let shencha = try await test.account("shencha")
            XCTAssertEqual(record.responsibleAccountID, shencha.id)
            let events = try await ConsultationEventModel.query(on: test.app.db).filter(\.$consultationID == record.id!).all()
            XCTAssertTrue(events.contains { $0.detail.contains("通话240秒") })

            // The agent closes it as any consultation, with its outcome.
            let closed = try await staff.send(.POST, "/api/v1/consultations/\(record.id!)/close", json: ["outcome": "answered"])
            XCTAssertEqual(closed.status, .ok, closed.body.string)
        }
    }

    func test_aMissedCallOrAVoicemailIsACallBackOwedOnTheDesk() async throws {
        try await withTestApp(now: Self.mondayMorning) { test in
            let got1 = try await post(test, ["eventId": "m1", "callId": "c2", "type": "ringing", "caller": "13900000012"]).status
            XCTAssertEqual(got1, .accepted)
            let got2 = try await post(test, ["eventId": "m2", "callId": "c2", "type": "missed"]).status
            XCTAssertEqual(got2, .accepted)
            let got3 = try await post(test, ["eventId": "v1", "callId": "c3", "type": "voicemail", "caller": "13900000013",
                                             "recording": "vm/2026/11/23/c3.wav"]).status
            XCTAssertEqual(got3, .accepted)
            let staff = try await APIClient.signIn(test, "shenpi", DemoSeed.staffPassword)
            let desk = try staff.object(try await staff.send(.GET, "/api/v1/desk"))
            let callbacks = (desk["callbacks"] as? [[String: Any]] ?? []).compactMap { $0["askerName"] as? String }
            XCTAssertEqual(Set(callbacks), ["来电 尾号0012", "来电 尾号0013"])
            // Whoever calls back sees the number to dial; a supervisor watching does not.
            let c2 = try await calls(test, "c2")
            let missed = try XCTUnwrap(c2.first)
            let detail = try staff.object(try await staff.send(.GET, "/api/v1/consultations/\(missed.id!)"))
            XCTAssertEqual(detail["callbackPhone"] as? String, "13900000012")
            let supervisor = try await APIClient.signIn(test, "jiandu", DemoSeed.staffPassword)
            let watched = try supervisor.object(try await supervisor.send(.GET, "/api/v1/consultations/\(missed.id!)"))
            XCTAssertNil(watched["callbackPhone"] as? String)
            let c3 = try await calls(test, "c3")
            let voicemail = try XCTUnwrap(c3.first)
            let messages = try await ConsultationMessageModel.query(on: test.app.db).filter(\.$consultationID == voicemail.id!).count()
            XCTAssertEqual(messages, 1, "the recording's place is in the conversation for whoever calls back")
            // A missed event for a call already answered changes nothing.
            let got4 = try await post(test, ["eventId": "a1", "callId": "c4", "type": "answered", "agent": "shenpi"]).status
            XCTAssertEqual(got4, .accepted)
            let got5 = try await post(test, ["eventId": "a2", "callId": "c4", "type": "missed"]).status
            XCTAssertEqual(got5, .accepted)
            let got6 = try await calls(test, "c4").map(\.state)
            XCTAssertEqual(got6, ["active"])
        }
    }

    /// A caller who hangs up while it rings, or a call whose PBX goes quiet after `ringing`, is
    /// not forgotten: both become call backs owed.
    func test_aCallerWhoHangsUpWhileItRings_orACallLostByThePBX_isCalledBack() async throws {
        try await withTestApp(now: Self.mondayMorning) { test in
            _ = try await post(test, ["eventId": "h1", "callId": "hung", "type": "ringing", "caller": "13900000014"])
            _ = try await post(test, ["eventId": "h2", "callId": "hung", "type": "ended"])
            let hung = try await calls(test, "hung").map(\.state)
            XCTAssertEqual(hung, ["callback"])

            _ = try await post(test, ["eventId": "l1", "callId": "lost", "type": "ringing", "caller": "13900000015"])
            let service = ConsultationService(scope: ServiceScope(db: test.db, services: test.app.fayuan, now: test.clock.now()), hub: test.app.consultationHub)
            let tooSoon = try await service.giveUpLostRinging()
            XCTAssertEqual(tooSoon, 0)
            test.clock.set(Self.mondayMorning.addingTimeInterval(HotlineCallRule.ringingGivesUpAfter + 1))
            let later = ConsultationService(scope: ServiceScope(db: test.db, services: test.app.fayuan, now: test.clock.now()), hub: test.app.consultationHub)
            let moved = try await later.giveUpLostRinging()
            XCTAssertEqual(moved, 1)
            let lost = try await calls(test, "lost")
            XCTAssertEqual(lost.map(\.state), ["callback"])
            let events = try await ConsultationEventModel.query(on: test.db).filter(\.$consultationID == lost[0].id!).all().map(\.event)
            XCTAssertEqual(events, ["ringing", "ringingLost"])
        }
    }

    func test_aForgedStaleOrReplayedEventIsRefused_andNothingIsStored() async throws {
        try await withTestApp(now: Self.mondayMorning) { test in
            let event: [String: Any] = ["eventId": "f1", "callId": "c5", "type": "missed", "caller": "13900000014"]
            let forged = try await post(test, event, secret: "not-the-pbx-secret-at-all")
            XCTAssertEqual(forged.status, .unauthorized)
            let unsigned = try await post(test, event, signature: "")
            XCTAssertEqual(unsigned.status, .unauthorized)
            let stale = try await post(test, event, timestamp: test.clock.now().addingTimeInterval(-301))
            XCTAssertEqual(stale.status, .unauthorized)
            XCTAssertTrue(stale.body.string.contains("staleTimestamp"))
            let early = try await post(test, event, timestamp: test.clock.now().addingTimeInterval(301))
            XCTAssertEqual(early.status, .unauthorized)
            let got7 = try await calls(test, "c5").count
            XCTAssertEqual(got7, 0)

            let got8 = try await post(test, event).status
            XCTAssertEqual(got8, .accepted)
            let replay = try await post(test, event)
            XCTAssertEqual(replay.status, .conflict)
            XCTAssertTrue(replay.body.string.contains("replayed"))
            let got9 = try await calls(test, "c5").count
            XCTAssertEqual(got9, 1)
            let c5 = try await calls(test, "c5")
            let events = try await ConsultationEventModel.query(on: test.app.db).filter(\.$consultationID == c5.first!.id!).count()
            XCTAssertEqual(events, 1, "the replay added nothing")

            let unknown = try await post(test, ["eventId": "f2", "callId": "c6", "type": "transferred"])
            XCTAssertEqual(unknown.status, .unprocessableEntity)
            XCTAssertTrue(unknown.body.string.contains("\"type\""), "the error names the field")
        }
    }

    func test_withoutASecretTheWebhookRefusesEverything() async throws {
        try await withTestApp(now: Self.mondayMorning, adjust: { $0.pbxSecret = nil }) { test in
            let response = try await post(test, ["eventId": "n1", "callId": "c7", "type": "missed"])
            XCTAssertEqual(response.status, .serviceUnavailable)
            let got10 = try await calls(test, "c7").count
            XCTAssertEqual(got10, 0)
        }
    }
}
