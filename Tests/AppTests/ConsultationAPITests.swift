import Fluent
import NIOConcurrencyHelpers
import SQLKit
import XCTVapor
import XCTest
@testable import App
@testable import LegalAidCore
@testable import DeskCore

/// The consultation desk over JSON (issue #12): asking, queueing, taking, chatting, the
/// three-minute rule, the message board, hand-over, outcomes and ratings, and the refusals.
final class ConsultationAPITests: XCTestCase {
    /// A Monday, 10:00 China time: the centre is open.
    static let mondayMorning = LocalDate(year: 2026, month: 11, day: 23)!.startOfDay.addingTimeInterval(10 * 3600)

    func json(_ response: TestingHTTPResponse) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] ?? [:]
    }

    func error(_ response: TestingHTTPResponse) throws -> (code: String?, field: String?) {
        let body = try json(response)["error"] as? [String: Any]
        return (body?["code"] as? String, body?["field"] as? String)
    }

    func ask(_ client: APIClient, channel: String = "live", question: String = "公司拖欠我三个月工资，怎么办？", phone: String? = nil) async throws -> (id: String, key: String?) {
        var body: [String: Any] = ["channel": channel, "topic": "labour", "question": question, "name": "王女士"]
        if let phone { body["phone"] = phone }
        if let phone, client.token == nil { body["phoneCode"] = try await client.phoneCode(for: phone) }
        let response = try await client.send(.POST, "/api/v1/consultations", json: body)
        XCTAssertEqual(response.status, .created, response.body.string)
        let created = try json(response)
        let summary = (created["consultation"] as? [String: Any])?["summary"] as? [String: Any]
        return (try XCTUnwrap(summary?["id"] as? String), created["askerKey"] as? String)
    }

    func test_aCitizenChatsWithTheStaffMemberOnDuty_whoClosesIt_andTheCitizenRatesIt() async throws {
        try await withTestApp(now: Self.mondayMorning) { test in
            let citizen = try await APIClient.signIn(test, DemoSeed.citizenPhone, DemoSeed.citizenPassword)
            let (id, key) = try await ask(citizen)
            XCTAssertNil(key, "a signed-in citizen needs no key")

            let waiting = try json(try await citizen.send(.GET, "/api/v1/consultations/\(id)"))
            XCTAssertEqual(waiting["queuePlace"] as? Int, 1)
            XCTAssertTrue((waiting["queueText"] as? String ?? "").contains("12348"), "nobody on duty: the citizen is told a call back follows")
            XCTAssertEqual((waiting["messages"] as? [[String: Any]])?.first?["body"] as? String, "公司拖欠我三个月工资，怎么办？")

            let staff = try await APIClient.signIn(test, "shencha", DemoSeed.staffPassword)
            let notOnDuty = try await staff.send(.POST, "/api/v1/desk/next")
            XCTAssertEqual(notOnDuty.status, .conflict)
            XCTAssertEqual(try error(notOnDuty).code, "notOnDuty")
            let r1 = try await staff.send(.POST, "/api/v1/desk/duty", json: ["onDuty": true])
            XCTAssertEqual(r1.status, .ok)
            let taken = try await staff.send(.POST, "/api/v1/desk/next")
            XCTAssertEqual(taken.status, .ok)
            XCTAssertEqual(((try json(taken))["summary"] as? [String: Any])?["state"] as? String, "active")
            let desk = try json(try await staff.send(.GET, "/api/v1/desk"))
            XCTAssertEqual((desk["mine"] as? [[String: Any]])?.count, 1)
            XCTAssertEqual((desk["staffOnDuty"] as? [[String: Any]])?.first?["openChats"] as? Int, 1)

            // A colleague on duty cannot take or read it: 首问负责, and the conversation is private.
            let colleague = try await APIClient.signIn(test, "shenpi", DemoSeed.staffPassword)
            let r2 = try await colleague.send(.GET, "/api/v1/consultations/\(id)")
            XCTAssertEqual(r2.status, .notFound)

            let reply = try await staff.send(.POST, "/api/v1/consultations/\(id)/messages", json: ["body": "请问有劳动合同和工资条吗？"])
            XCTAssertEqual(reply.status, .created)
            let clientID = UUID().uuidString
            for _ in 0..<2 { // a resend after a dropped connection is stored once
                let sent = try await citizen.send(.POST, "/api/v1/consultations/\(id)/messages", json: ["body": "有劳动合同，没有工资条", "clientId": clientID])
                XCTAssertEqual(sent.status, .created)
                XCTAssertEqual(try json(sent)["seq"] as? Int, 3)
            }
            let after = try json(try await citizen.send(.GET, "/api/v1/consultations/\(id)?after=1"))
            XCTAssertEqual((after["messages"] as? [[String: Any]])?.compactMap { $0["seq"] as? Int }, [2, 3], "the client resumes after the last it saw")
            let r3 = try await citizen.send(.GET, "/api/v1/consultations/\(id)?after=x")
            XCTAssertEqual(r3.status, .unprocessableEntity)

            let empty = try await citizen.send(.POST, "/api/v1/consultations/\(id)/messages", json: ["body": "  "])
            XCTAssertEqual(empty.status, .unprocessableEntity)
            XCTAssertEqual(try error(empty).field, "body")

            let noNote = try await staff.send(.POST, "/api/v1/consultations/\(id)/close", json: ["outcome": "passedOn.12333"])
            XCTAssertEqual(noNote.status, .unprocessableEntity)
            XCTAssertEqual(try error(noNote).field, "note")
            let closed = try await staff.send(.POST, "/api/v1/consultations/\(id)/close", json: ["outcome": "passedOn.12333", "note": "社保欠缴部分已告知向12333反映"])
            XCTAssertEqual(closed.status, .ok)
            XCTAssertEqual(((try json(closed))["summary"] as? [String: Any])?["outcome"] as? String, "passedOn.12333")

            let late = try await citizen.send(.POST, "/api/v1/consultations/\(id)/messages", json: ["body": "还有一个问题"])
            XCTAssertEqual(late.status, .conflict)
            XCTAssertEqual(try error(late).code, "consultationClosed")

            let r4 = try await citizen.send(.POST, "/api/v1/consultations/\(id)/rate", json: ["stars": 6])
            XCTAssertEqual(try error(r4).field, "stars")
            let r5 = try await citizen.send(.POST, "/api/v1/consultations/\(id)/rate", json: ["stars": 5, "comment": "很耐心"])
            XCTAssertEqual(r5.status, .ok)
            let r6 = try await citizen.send(.POST, "/api/v1/consultations/\(id)/rate", json: ["stars": 1])
            XCTAssertEqual(r6.status, .conflict, "rated once")

            let events = try await ConsultationEventModel.query(on: test.db).sort(\.$at).all().map(\.event)
            XCTAssertEqual(events, ["start", "take", "close"])
        }
    }

    func test_anAnonymousAskerLeavesANumber_andComesBackWithTheirKey() async throws {
        try await withTestApp(now: Self.mondayMorning) { test in
            let anonymous = APIClient(test: test, token: nil)
            let noPhone = try await anonymous.send(.POST, "/api/v1/consultations", json: ["channel": "live", "topic": "lending", "question": "借钱不还怎么起诉？", "name": "李先生"])
            XCTAssertEqual(noPhone.status, .unprocessableEntity)
            XCTAssertEqual(try error(noPhone).field, "phone")
            let (id, key) = try await ask(anonymous, phone: "13912345678")
            let asker = try XCTUnwrap(key)
            let r7 = try await anonymous.send(.GET, "/api/v1/consultations/\(id)", headers: [("X-Consultation-Key", asker)])
            XCTAssertEqual(r7.status, .ok)
            let r8 = try await anonymous.send(.GET, "/api/v1/consultations/\(id)", headers: [("X-Consultation-Key", "guess")])
            XCTAssertEqual(r8.status, .unauthorized, "a wrong key is a failed credential (the same answer whether the conversation exists)")
            let r9 = try await anonymous.send(.GET, "/api/v1/consultations/\(id)")
            XCTAssertEqual(r9.status, .unauthorized)
            let stored = try await ConsultationModel.find(UUID(uuidString: id), on: test.db)!
            XCTAssertEqual(stored.phone, "13912345678")
            let raw = try await (test.db as! SQLDatabase).raw("SELECT phone FROM consultations").first()?.decode(column: "phone", as: String.self)
            XCTAssertFalse(raw?.contains("13912345678") ?? true, "the number is sealed at rest")
        }
    }

    func test_aLiveRequestNobodyTakesInThreeMinutesBecomesACallBack_triedThreeTimes() async throws {
        try await withTestApp(now: Self.mondayMorning) { test in
            let (id, key) = try await ask(APIClient(test: test, token: nil), phone: "13912345678")
            let service = { ConsultationService(scope: ServiceScope(db: test.db, services: test.app.fayuan, now: test.clock.now()), hub: test.app.consultationHub) }
            test.clock.set(Self.mondayMorning.addingTimeInterval(179))
            let r10 = try await service().escalateOverdue()
            XCTAssertEqual(r10, 0)
            test.clock.set(Self.mondayMorning.addingTimeInterval(180))
            let r11 = try await service().escalateOverdue()
            XCTAssertEqual(r11, 1)
            let r12 = try await service().escalateOverdue()
            XCTAssertEqual(r12, 0, "moved once")

            let seen = try json(try await APIClient(test: test, token: nil).send(.GET, "/api/v1/consultations/\(id)", headers: [("X-Consultation-Key", key!)]))
            XCTAssertEqual((seen["summary"] as? [String: Any])?["state"] as? String, "callback")
            XCTAssertEqual((seen["messages"] as? [[String: Any]])?.last?["author"] as? String, "system", "the page says a call back follows")
            let sms = try await SMSOutboxModel.query(on: test.db).filter(\.$template == ConsultationCallback.template).all()
            XCTAssertEqual(sms.map(\.phone), ["13912345678"])

            let hotline = try await APIClient.signIn(test, "shencha", DemoSeed.staffPassword)
            let desk = try json(try await hotline.send(.GET, "/api/v1/desk"))
            XCTAssertEqual((desk["callbacks"] as? [[String: Any]])?.count, 1)
            let bad = try await hotline.send(.POST, "/api/v1/consultations/\(id)/callback", json: ["result": "maybe"])
            XCTAssertEqual(try error(bad).field, "result")
            for result in ["noAnswer", "busy", "noAnswer"] {
                let r13 = try await hotline.send(.POST, "/api/v1/consultations/\(id)/callback", json: ["result": result])
                XCTAssertEqual(r13.status, .ok)
            }
            let gone = try await ConsultationModel.find(UUID(uuidString: id), on: test.db)!
            XCTAssertEqual(gone.consultationState, .abandoned)
            XCTAssertEqual(gone.callbackAttempts, 3)
            let attempts = try await ConsultationEventModel.query(on: test.db).filter(\.$event == "callbackAttempt").all()
            XCTAssertEqual(attempts.count, 3, "each attempt is recorded with its result")
        }
    }

    func test_aWrittenQuestionIsAnsweredAndTheAskerTold() async throws {
        try await withTestApp(now: Self.mondayMorning) { test in
            let citizen = try await APIClient.signIn(test, DemoSeed.citizenPhone, DemoSeed.citizenPassword)
            let (id, _) = try await ask(citizen, channel: "messageBoard", question: "离婚后孩子的抚养费标准是什么？")
            let shown = try json(try await citizen.send(.GET, "/api/v1/consultations/\(id)"))
            let summary = shown["summary"] as? [String: Any]
            XCTAssertEqual(summary?["state"] as? String, "awaitingReply")
            XCTAssertNotNil(summary?["replyDue"], "the 24-hour clock shows")

            let staff = try await APIClient.signIn(test, "lvshi1", DemoSeed.staffPassword)
            let short = try await staff.send(.POST, "/api/v1/consultations/\(id)/reply", json: ["reply": "好"])
            XCTAssertEqual(try error(short).field, "reply")
            let answered = try await staff.send(.POST, "/api/v1/consultations/\(id)/reply", json: ["reply": "抚养费一般按月收入的20%至30%确定，可协商或由法院判决。"])
            XCTAssertEqual(answered.status, .ok)
            let owner = try await test.account(DemoSeed.citizenPhone)
            let inbox = try await MessageModel.query(on: test.db).filter(\.$accountID == owner.id!).filter(\.$title == "您的留言咨询已回复").count()
            XCTAssertEqual(inbox, 1)
            let messages = try json(try await citizen.send(.GET, "/api/v1/consultations/\(id)"))["messages"] as? [[String: Any]]
            XCTAssertEqual(messages?.last?["author"] as? String, "staff")
        }
    }

    /// The message board's 24-hour clock raises the same alerts as the legal aid deadlines: to
    /// the centre's reviewers six hours before, and overdue to them and the directors after.
    func test_anUnansweredWrittenQuestionAlertsTheDeskBeforeAndAfterItsTwentyFourHours() async throws {
        try await withTestApp(now: Self.mondayMorning) { test in
            let citizen = try await APIClient.signIn(test, DemoSeed.citizenPhone, DemoSeed.citizenPassword)
            let (id, _) = try await ask(citizen, channel: "messageBoard", question: "邻居装修把我家墙震裂了，怎么索赔？")
            let link = "/consult/\(id.uppercased())"
            func alerts(_ level: String) async throws -> [AlertModel] {
                try await AlertModel.query(on: test.db).filter(\.$link == link).filter(\.$level == level).all()
            }
            try await DeadlineSweep.run(on: test.db, services: test.app.fayuan)
            let early = try await alerts("dueSoon")
            XCTAssertEqual(early.count, 0, "nothing while more than six hours remain")

            test.clock.set(Self.mondayMorning.addingTimeInterval(19 * 3600))
            try await DeadlineSweep.run(on: test.db, services: test.app.fayuan)
            let reviewer = try await test.account("shencha").id!
            let director = try await test.account("shenpi").id!
            let soon = try await alerts("dueSoon")
            XCTAssertTrue(soon.map(\.recipientAccountID).contains(reviewer))
            XCTAssertTrue(soon.map(\.recipientAccountID).contains(director), "the director supervises")
            XCTAssertEqual(soon.first?.kind, DeadlineKind.consultationReply.rawValue)
            XCTAssertFalse(soon.first?.message.contains("邻居") ?? true, "an alert names the topic, never the question")

            test.clock.set(Self.mondayMorning.addingTimeInterval(25 * 3600))
            try await DeadlineSweep.run(on: test.db, services: test.app.fayuan)
            let overdue = try await alerts("overdue")
            XCTAssertTrue(overdue.map(\.recipientAccountID).contains(reviewer))

            // Answered, the clock stops: no further alert.
            let staff = try await APIClient.signIn(test, "shencha", DemoSeed.staffPassword)
            let answered = try await staff.send(.POST, "/api/v1/consultations/\(id)/reply", json: ["reply": "可以先协商，协商不成可申请人民调解或起诉。"])
            XCTAssertEqual(answered.status, .ok)
            let deadlines = try await DeadlineBoard.collect(on: test.db, reference: try await test.app.fayuan.referenceData(on: test.db), now: test.clock.now())
            XCTAssertFalse(deadlines.contains { $0.kind == .consultationReply })
        }
    }

    func test_aConversationIsHandedOnlyToAnOnDutyColleagueWithANote() async throws {
        try await withTestApp(now: Self.mondayMorning) { test in
            let citizen = try await APIClient.signIn(test, DemoSeed.citizenPhone, DemoSeed.citizenPassword)
            let (id, _) = try await ask(citizen)
            let first = try await APIClient.signIn(test, "shencha", DemoSeed.staffPassword)
            let second = try await APIClient.signIn(test, "lvshi1", DemoSeed.staffPassword)
            _ = try await first.send(.POST, "/api/v1/desk/duty", json: ["onDuty": true])
            let r14 = try await first.send(.POST, "/api/v1/consultations/\(id)/take")
            XCTAssertEqual(r14.status, .ok)
            let lawyer = try await test.account("lvshi1")
            let offDuty = try await first.send(.POST, "/api/v1/consultations/\(id)/hand-over", json: ["to": lawyer.id!.uuidString, "note": "涉及工伤认定"])
            XCTAssertEqual(try error(offDuty).code, "recipientNotOnDuty")
            _ = try await second.send(.POST, "/api/v1/desk/duty", json: ["onDuty": true])
            let noNote = try await first.send(.POST, "/api/v1/consultations/\(id)/hand-over", json: ["to": lawyer.id!.uuidString])
            XCTAssertEqual(try error(noNote).field, "note")
            let r15 = try await first.send(.POST, "/api/v1/consultations/\(id)/hand-over", json: ["to": lawyer.id!.uuidString, "note": "涉及工伤认定，请律师接续"])
            XCTAssertEqual(r15.status, .ok)
            let r16 = try await second.send(.POST, "/api/v1/consultations/\(id)/messages", json: ["body": "您好，我是接手的律师"])
            XCTAssertEqual(r16.status, .created)
            let r17 = try await first.send(.POST, "/api/v1/consultations/\(id)/messages", json: ["body": "还在吗"])
            XCTAssertEqual(r17.status, .forbidden,
                           "the former holder no longer answers")
        }
    }

    func test_outsideOpeningHoursTheLiveDeskIsClosed_butTheMessageBoardIsOpen() async throws {
        // Sunday 22 November 2026, 21:00.
        let sundayNight = LocalDate(year: 2026, month: 11, day: 22)!.startOfDay.addingTimeInterval(21 * 3600)
        try await withTestApp(now: sundayNight) { test in
            let citizen = try await APIClient.signIn(test, DemoSeed.citizenPhone, DemoSeed.citizenPassword)
            let refused = try await citizen.send(.POST, "/api/v1/consultations", json: ["channel": "live", "topic": "labour", "question": "公司拖欠工资怎么办", "name": "王女士"])
            XCTAssertEqual(refused.status, .conflict)
            XCTAssertEqual(try error(refused).code, "deskClosed")
            let message = try json(refused)["error"] as? [String: Any]
            XCTAssertTrue((message?["message"] as? String ?? "").contains("11月23日"), "says when the desk opens")
            _ = try await ask(citizen, channel: "messageBoard")
        }
    }
}

/// Several instances behind one load balancer on one PostgreSQL (issue #12): a change made
/// through one instance reaches clients connected to the other.
final class ConsultationRelayTests: XCTestCase {
    func test_aMessageStoredThroughOneInstanceReachesClientsOfTheOther() async throws {
        guard TestApp.usesPostgres else { throw XCTSkip("one instance on SQLite; the relay runs on PostgreSQL") }
        try await withTestApp(now: ConsultationAPITests.mondayMorning) { first in
            let second = try await TestApp.make(now: ConsultationAPITests.mondayMorning, alongside: first)
            do {
                let heard = NIOLockedValueBox<[ConsultationHub.Signal]>([])
                let desk = try await first.organisation("示范区法律援助中心").id!
                _ = second.app.consultationHub.subscribe(.desk(desk)) { signal in heard.withLockedValue { $0.append(signal) } }
                try await first.app.asyncBoot()
                try await second.app.asyncBoot()
                try await Task.sleep(for: .milliseconds(500)) // both instances are listening

                let citizen = try await APIClient.signIn(first, DemoSeed.citizenPhone, DemoSeed.citizenPassword)
                let created = try await citizen.send(.POST, "/api/v1/consultations", json: ["channel": "live", "topic": "labour", "question": "拖欠工资怎么办？", "name": "王女士"])
                XCTAssertEqual(created.status, .created)
                let id = try XCTUnwrap((((try JSONSerialization.jsonObject(with: Data(buffer: created.body)) as? [String: Any])?["consultation"] as? [String: Any])?["summary"] as? [String: Any])?["id"] as? String)
                try await waitUntil { heard.withLockedValue { $0.contains(.queueChanged(desk: desk)) } }

                let onSecond = NIOLockedValueBox<[Int]>([])
                _ = second.app.consultationHub.subscribe(.consultation(UUID(uuidString: id)!)) { signal in
                    if case .message(_, let seq) = signal { onSecond.withLockedValue { $0.append(seq) } }
                }
                let sent = try await citizen.send(.POST, "/api/v1/consultations/\(id)/messages", json: ["body": "补充：已经三个月了"])
                XCTAssertEqual(sent.status, .created)
                try await waitUntil { onSecond.withLockedValue { $0 } == [2] }
                // And the second instance reads the stored message itself.
                let staff = try await APIClient.signIn(second, "shencha", DemoSeed.staffPassword)
                let seen = try await staff.send(.GET, "/api/v1/consultations/\(id)?after=1")
                let messages = (try JSONSerialization.jsonObject(with: Data(buffer: seen.body)) as? [String: Any])?["messages"] as? [[String: Any]]
                XCTAssertEqual(messages?.first?["body"] as? String, "补充：已经三个月了")
            } catch {
                try await second.shutdown()
                throw error
            }
            try await second.shutdown()
        }
    }

    private func waitUntil(_ condition: () -> Bool, timeout: TimeInterval = 5) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while !condition() {
            guard Date() < deadline else { return XCTFail("not heard within \(timeout) s") }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}
