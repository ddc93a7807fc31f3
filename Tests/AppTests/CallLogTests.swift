import Fluent
import XCTVapor
import XCTest
@testable import App
@testable import LegalAidCore
@testable import DeskCore

/// Duty staff record a 12348 call or a visit at the window by hand (issue #12 item 5): caller,
/// topic, summary, answer, duration and outcome, each field checked; the record lands closed,
/// counted in the desk's figures, with nothing stored when a field is wrong.
final class CallLogTests: XCTestCase {
    static let mondayMorning = ConsultationAPITests.mondayMorning

    static let goodCall: [String: Any] = [
        "channel": "hotline", "phone": "13900000021", "name": "李师傅", "topic": "labour",
        "summary": "在工地受伤，老板不给工伤待遇怎么办", "answer": "先申请工伤认定，再按工伤保险条例主张待遇；可申请法律援助。",
        "minutes": 12, "outcome": "answered",
    ]

    func test_aCallLoggedThroughTheAPIIsStoredClosedWithItsQuestionAndAnswer() async throws {
        try await withTestApp(now: Self.mondayMorning) { test in
            let staff = try await APIClient.signIn(test, "shencha", DemoSeed.staffPassword)
            let response = try await staff.send(.POST, "/api/v1/desk/calls", json: Self.goodCall)
            XCTAssertEqual(response.status, .created, response.body.string)
            let summary = try staff.object(response)
            XCTAssertEqual(summary["state"] as? String, "closed")
            XCTAssertEqual(summary["channel"] as? String, "hotline")
            XCTAssertEqual(summary["outcome"] as? String, "answered")
            let id = try XCTUnwrap((summary["id"] as? String).flatMap(UUID.init(uuidString:)))
            let messages = try await ConsultationMessageModel.query(on: test.app.db).filter(\.$consultationID == id).sort(\.$seq).all()
            XCTAssertEqual(messages.map(\.author), ["asker", "staff"])
            let stored = try await ConsultationModel.find(id, on: test.app.db)
            XCTAssertEqual(stored?.phone, "13900000021", "the number is kept (sealed) for a call back or a rating SMS")
            XCTAssertEqual(stored.map { $0.closedAt!.timeIntervalSince($0.takenAt!) }, 12 * 60)
        }
    }

    func test_aWrongFieldIsNamed_andNothingIsStored() async throws {
        try await withTestApp(now: Self.mondayMorning) { test in
            let staff = try await APIClient.signIn(test, "shencha", DemoSeed.staffPassword)
            let cases: [(String, Any, String)] = [
                ("phone", "123", "invalidPhone"),
                ("minutes", 0, "outOfRange"),
                ("summary", "啊", "tooShort"),
                ("outcome", "passedOn.12333", "required"), // a hand-over needs its note
                ("outcome", "application", "consentRequired"),
                ("channel", "live", "invalidChoice"),
            ]
            for (field, value, code) in cases {
                var body = Self.goodCall
                body[field] = value
                let response = try await staff.send(.POST, "/api/v1/desk/calls", json: body)
                XCTAssertEqual(response.status, .unprocessableEntity, "\(field)=\(value)")
                XCTAssertTrue(response.body.string.contains("\"\(code)\""), "\(field)=\(value): \(response.body.string)")
            }
            let stored = try await ConsultationModel.query(on: test.app.db).count()
            XCTAssertEqual(stored, 0)
        }
    }

    func test_thePageFormLogsACall_andShowsErrorsInChineseNextToTheField() async throws {
        try await withTestApp(now: Self.mondayMorning) { test in
            let browser = Browser(test)
            try await browser.login("shenpi", DemoSeed.staffPassword)
            let desk = try await browser.get("/desk")
            XCTAssertTrue(desk.contains("登记来电或窗口咨询"))
            let wrong = try await browser.post("/desk/calls", [("channel", "window"), ("topic", "marriageFamily"), ("summary", "离婚后孩子抚养费怎么要"),
                                                               ("answer", "可以协商，协商不成向法院起诉。"), ("minutes", "十分钟"), ("outcome", "answered")])
            XCTAssertEqual(wrong.status, .unprocessableEntity)
            XCTAssertTrue(wrong.contains("通话或接待时长应为1到600之间的整数"))
            XCTAssertTrue(wrong.contains("离婚后孩子抚养费怎么要"), "what was typed is kept")
            let right = try await browser.post("/desk/calls", [("channel", "window"), ("topic", "marriageFamily"), ("summary", "离婚后孩子抚养费怎么要"),
                                                               ("answer", "可以协商，协商不成向法院起诉。"), ("minutes", "10"), ("outcome", "answered")])
            XCTAssertEqual(right.status, .seeOther, String(right.body.prefix(3000)))
            let records = try await ConsultationModel.query(on: test.app.db).all()
            XCTAssertEqual(records.map(\.channel), ["window"])
            XCTAssertEqual(records.first?.askerName, "来访群众")
        }
    }

    /// After a 12348 call the caller is asked by SMS to rate it (issue #12 item 6). They have no
    /// account and no session with the desk: the link carries a key of its own in its fragment,
    /// opening the page writes nothing, the key is posted once for a session, and it goes no
    /// further than this one conversation.
    func test_aCallerRatesTheCallThroughTheLinkInTheSMS() async throws {
        try await withTestApp(now: Self.mondayMorning, adjust: { $0.publicURL = "https://fayuan.example.gov.cn" }) { test in
            let staff = try await APIClient.signIn(test, "shencha", DemoSeed.staffPassword)
            let logged = try await staff.send(.POST, "/api/v1/desk/calls", json: Self.goodCall)
            XCTAssertEqual(logged.status, .created)
            let sms = try await SMSOutboxModel.query(on: test.app.db).filter(\.$template == RatingRequest.template).all()
            XCTAssertEqual(sms.count, 1)
            let link = try XCTUnwrap(sms.first?.sealedParameters?.value["link"])
            XCTAssertTrue(link.hasPrefix("https://fayuan.example.gov.cn/consult/"), link)
            let path = String(link.dropFirst("https://fayuan.example.gov.cn".count))
            // The key is in the fragment: a browser never sends it, so no access log holds it (issue #23 item 5).
            let parts = path.split(separator: "#", maxSplits: 1).map(String.init)
            XCTAssertEqual(parts.count, 2, path)
            XCTAssertFalse(parts[0].contains("key"), "nothing secret in the part of the address a server sees")
            let opener = parts[0]
            let key = String(parts[1].dropFirst("key=".count))
            let id = String(opener.split(separator: "/").dropLast().last!)

            let caller = Browser(test)
            let sessionsBefore = try await test.app.db.query(SessionRecord.self).count()
            let page = try await caller.get(opener)
            XCTAssertEqual(page.status, .ok)
            XCTAssertFalse(page.contains("在工地受伤"), "the opener shows nothing of the conversation")
            let sessionsAfter = try await test.app.db.query(SessionRecord.self).count()
            XCTAssertEqual(sessionsAfter, sessionsBefore, "opening the link writes nothing")

            let guessed = try await caller.post(opener, [("key", "guess")])
            XCTAssertEqual(guessed.status, .notFound)
            let opened = try await caller.post(opener, [("key", key)])
            XCTAssertEqual(opened.status, .seeOther)
            XCTAssertEqual(opened.location, "/consult/\(id)", "the conversation at its plain address")
            let conversation = try await caller.get("/consult/\(id)")
            XCTAssertTrue(conversation.contains("请对本次服务评价"))
            XCTAssertTrue(conversation.contains("在工地受伤"), "the caller sees their own question and the answer")
            XCTAssertFalse(conversation.contains(key), "the key is not written into the page either")
            let rated = try await caller.post("/consult/\(id)/rate", [("stars", "4"), ("comment", "接线员很耐心")])
            XCTAssertEqual(rated.status, .seeOther, String(rated.body.prefix(2000)))
            XCTAssertEqual(rated.location, "/consult/\(id)", "back to the conversation")
            let stored = try await ConsultationModel.find(UUID(uuidString: id), on: test.app.db)
            XCTAssertEqual(stored?.rating, 4)
            // The desk's 30-day rating counts it (an integer sum on both databases).
            let desk = try staff.object(try await staff.send(.GET, "/api/v1/desk"))
            let figures = try XCTUnwrap(desk["figures"] as? [String: Any])
            XCTAssertEqual(figures["ratings"] as? Int, 1)
            XCTAssertEqual(figures["averageRating"] as? Double, 4)

            // The key opens this conversation only.
            let other = try await staff.send(.POST, "/api/v1/desk/calls", json: Self.goodCall)
            let otherID = try XCTUnwrap(try staff.object(other)["id"] as? String)
            let elsewhere = try await Browser(test).post("/consult/\(otherID)/open", [("key", key)])
            XCTAssertEqual(elsewhere.status, .notFound)
        }
    }
}
