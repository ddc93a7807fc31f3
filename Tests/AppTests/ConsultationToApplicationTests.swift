import Fluent
import XCTVapor
import XCTest
@testable import App
@testable import LegalAidCore
@testable import DeskCore

/// A consultation turned into a legal aid application (DOMAIN §4, issue #12 item 6): the
/// person's consent recorded, the existing application form prefilled from what they said,
/// routed by their community, and the person told where to finish it.
final class ConsultationToApplicationTests: XCTestCase {
    static let mondayMorning = ConsultationAPITests.mondayMorning
    static let point = "幸福街道幸福一社区法律援助联系点"

    func pointID(_ test: TestApp) async throws -> UUID {
        let org = try await OrganisationModel.query(on: test.db).filter(\.$name == Self.point).first()
        return try XCTUnwrap(org?.id)
    }

    func json(_ response: TestingHTTPResponse) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] ?? [:]
    }

    /// A live chat taken by the desk, with a few things the asker said.
    func liveChat(_ test: TestApp, asker: APIClient, key: Bool = false) async throws -> (id: String, staff: APIClient, headers: [(String, String)]) {
        var body: [String: Any] = ["channel": "live", "topic": "labour", "question": "工地老板拖欠我三个月工资，一共一万二千元。", "name": "赵师傅"]
        if key {
            body["phone"] = "13900000031"
            body["phoneCode"] = try await asker.phoneCode(for: "13900000031")
        }
        let created = try json(try await asker.send(.POST, "/api/v1/consultations", json: body))
        let id = try XCTUnwrap(((created["consultation"] as? [String: Any])?["summary"] as? [String: Any])?["id"] as? String)
        let headers = (created["askerKey"] as? String).map { [("X-Consultation-Key", $0)] } ?? []
        let staff = try await APIClient.signIn(test, "shencha", DemoSeed.staffPassword)
        _ = try await staff.send(.POST, "/api/v1/desk/duty", json: ["onDuty": true])
        let taken = try await staff.send(.POST, "/api/v1/desk/next")
        XCTAssertEqual(taken.status, .ok, taken.body.string)
        _ = try await staff.send(.POST, "/api/v1/consultations/\(id)/messages", json: ["body": "有考勤记录或者工友证明吗？"])
        let more = try await asker.send(.POST, "/api/v1/consultations/\(id)/messages", json: ["body": "有考勤表，还有两个工友可以作证。"], headers: headers)
        XCTAssertEqual(more.status, .created, more.body.string)
        return (id, staff, headers)
    }

    func test_aSignedInCitizensConsultationBecomesTheirOwnPrefilledDraft() async throws {
        try await withTestApp(now: Self.mondayMorning) { test in
            let citizen = try await APIClient.signIn(test, DemoSeed.citizenPhone, DemoSeed.citizenPassword)
            let (id, staff, _) = try await liveChat(test, asker: citizen)
            let point = try await pointID(test)

            let closed = try await staff.send(.POST, "/api/v1/consultations/\(id)/close",
                                              json: ["outcome": "application", "consent": true, "communityPointID": point.uuidString, "note": "请求支付拖欠工资"])
            XCTAssertEqual(closed.status, .ok, closed.body.string)
            let summary = try XCTUnwrap(try json(closed)["summary"] as? [String: Any])
            XCTAssertEqual(summary["outcome"] as? String, "application")
            let number = try XCTUnwrap(summary["applicationNumber"] as? String)

            let found = try await ApplicationModel.query(on: test.db).filter(\.$number == number).first()
            let app = try XCTUnwrap(found)
            XCTAssertEqual(app.applicationState, .draft)
            XCTAssertEqual(app.channel, "consultation")
            XCTAssertNotNil(app.ownerAccountID, "the citizen owns it and finishes it online")
            XCTAssertEqual(app.communityPointID, point)
            let form = app.form
            XCTAssertEqual(form.matter.type, .labourWages)
            XCTAssertEqual(form.matter.facts, "工地老板拖欠我三个月工资，一共一万二千元。\n有考勤表，还有两个工友可以作证。",
                           "only what the person said, not the staff's questions")
            XCTAssertEqual(form.matter.helpWanted, "请求支付拖欠工资")
            XCTAssertEqual(form.matter.cause, "追索劳动报酬纠纷")
            XCTAssertEqual(form.applicant.phone, DemoSeed.citizenPhone, "the number the citizen registered with (issue #23 item 26)")

            // The citizen sees it among their applications and can open it.
            let mine = try await citizen.send(.GET, "/api/v1/applications/\(app.id!)")
            XCTAssertEqual(mine.status, .ok, mine.body.string)
            let detail = try json(try await citizen.send(.GET, "/api/v1/consultations/\(id)"))
            let last = (detail["messages"] as? [[String: Any]])?.last
            XCTAssertEqual(last?["author"] as? String, "system")
            XCTAssertTrue((last?["body"] as? String ?? "").contains(number))
            let told = try await MessageModel.query(on: test.db).filter(\.$accountID == app.ownerAccountID!).all().map(\.title)
            XCTAssertTrue(told.contains("咨询已转为法律援助申请"), "\(told)")
        }
    }

    func test_anAnonymousAskersDraftBelongsToTheirCommunityPoint_whoseStaffCompleteItWithThem() async throws {
        try await withTestApp(now: Self.mondayMorning) { test in
            let anonymous = APIClient(test: test, token: nil)
            let (id, staff, _) = try await liveChat(test, asker: anonymous, key: true)
            let point = try await pointID(test)
            let closed = try await staff.send(.POST, "/api/v1/consultations/\(id)/close",
                                              json: ["outcome": "application", "consent": true, "communityPointID": point.uuidString])
            XCTAssertEqual(closed.status, .ok, closed.body.string)
            let found = try await ApplicationModel.query(on: test.db).filter(\.$channel == "consultation").first()
            let app = try XCTUnwrap(found)
            XCTAssertNil(app.ownerAccountID)
            XCTAssertEqual(app.form.applicant.name, "", "赵师傅 is a form of address, not the name on an ID card")
            XCTAssertEqual(app.form.applicant.phone, "13900000031")

            let pointStaff = try await APIClient.signIn(test, "shequ1", DemoSeed.staffPassword)
            let r1 = try await pointStaff.send(.GET, "/api/v1/applications/\(app.id!)")
            XCTAssertEqual(r1.status, .ok, "the point's staff complete the draft with the person")
            let sms = try await SMSOutboxModel.query(on: test.db).all()
            XCTAssertTrue(sms.contains { $0.template == ConsultationToApplication.template }, "the person is told by SMS where to go")
        }
    }

    func test_withoutConsentOrCommunityNothingIsStored() async throws {
        try await withTestApp(now: Self.mondayMorning) { test in
            let citizen = try await APIClient.signIn(test, DemoSeed.citizenPhone, DemoSeed.citizenPassword)
            let (id, staff, _) = try await liveChat(test, asker: citizen)
            let point = try await pointID(test)
            let tries: [([String: Any], String, String)] = [
                (["outcome": "application", "communityPointID": point.uuidString], "consent", "consentRequired"),
                (["outcome": "application", "consent": true], "communityPointID", "required"),
                (["outcome": "application", "consent": true, "communityPointID": UUID().uuidString], "communityPointID", "invalidChoice"),
            ]
            for (body, field, code) in tries {
                let refused = try await staff.send(.POST, "/api/v1/consultations/\(id)/close", json: body)
                XCTAssertEqual(refused.status, .unprocessableEntity, "\(body)")
                let error = try json(refused)["error"] as? [String: Any]
                XCTAssertEqual(error?["field"] as? String, field)
                XCTAssertEqual(error?["code"] as? String, code)
            }
            let stored = try await ConsultationModel.find(UUID(uuidString: id), on: test.db)
            XCTAssertEqual(stored?.consultationState, .active, "still open: nothing half-written")
            let drafts = try await ApplicationModel.query(on: test.db).filter(\.$channel == "consultation").count()
            XCTAssertEqual(drafts, 0)
        }
    }

    func test_aCallLoggedAsAnApplicationFilesTheDraftAtThePoint() async throws {
        try await withTestApp(now: Self.mondayMorning) { test in
            let staff = try await APIClient.signIn(test, "shencha", DemoSeed.staffPassword)
            var call = CallLogTests.goodCall
            call["outcome"] = "application"
            call["consent"] = true
            let missing = try await staff.send(.POST, "/api/v1/desk/calls", json: call)
            XCTAssertEqual(missing.status, .unprocessableEntity)
            XCTAssertTrue(missing.body.string.contains("communityPointID"))
            call["communityPointID"] = try await pointID(test).uuidString
            let logged = try await staff.send(.POST, "/api/v1/desk/calls", json: call)
            XCTAssertEqual(logged.status, .created, logged.body.string)
            let found = try await ApplicationModel.query(on: test.db).filter(\.$channel == "consultation").first()
            let app = try XCTUnwrap(found)
            XCTAssertEqual(app.form.matter.facts, CallLogTests.goodCall["summary"] as? String)
            XCTAssertEqual(app.form.matter.type, .labourWages)
            let count = try await ConsultationModel.query(on: test.db).filter(\.$applicationID == app.id!).count()
            XCTAssertEqual(count, 1)
        }
    }
}
