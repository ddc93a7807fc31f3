import Fluent
import XCTVapor
import XCTest
@testable import App
@testable import LegalAidCore

/// While the lawyer handles the case: the recipient asks to change lawyer (法律援助法 第46条),
/// mediation is offered first with consent recorded (seed 002), group matters (seed 002).
final class CaseHandlingTests: XCTestCase {
    /// A citizen's own approved application, assigned to 秦明.
    func assignedCitizenCase(_ test: TestApp) async throws -> (CaseModel, ApplicationModel, Browser) {
        let app = try await test.applicationAwaitingDecision(name: "更换测试", sequence: 46, byCitizen: true)
        try await test.decide(app, approve: true)
        let record = try await test.legalAidCase(of: app)
        let reviewer = try await test.staffBrowser("shencha")
        let lawyer = try await test.account("lvshi1")
        let _v1 = try await reviewer.post("/cases/\(record.id!.uuidString)/actions/assignLawyer", [("version", "0"), ("lawyerID", lawyer.id!.uuidString)]).status
        XCTAssertEqual(_v1, .seeOther)
        return (try await test.legalAidCase(of: app), app, reviewer)
    }

    func test_recipientAsksToChangeLawyer_centreGrantsByAssigningAnother_art46() async throws {
        try await withTestApp { test in
            let (record, app, reviewer) = try await assignedCitizenCase(test)
            let citizen = Browser(test)
            try await citizen.login(DemoSeed.citizenPhone, DemoSeed.citizenPassword)
            let page = try await citizen.get(SiteURL.application(app.id!).path)
            XCTAssertTrue(page.contains("申请更换承办律师"))
            XCTAssertTrue(page.contains("律师正在办理您的案件"), "the next step follows the case, not the decision")
            let lookup = Browser(test)
            try await lookup.get("/lookup")
            let status = try await lookup.post("/lookup", [("number", app.number), ("phoneLast4", String(app.form.contactPhone.suffix(4)))])
            XCTAssertTrue(status.contains("案件办理") && status.contains("承办中"))
            let path = "/cases/\(record.id!.uuidString)/change-request"
            let empty = try await citizen.post(path, [("reason", "")])
            XCTAssertEqual(empty.status, .unprocessableEntity)
            XCTAssertTrue(empty.contains("请写明申请更换律师的理由"))
            let _v1 = try await citizen.post(path, [("reason", "律师一个月没有联系我")]).status
            XCTAssertEqual(_v1, .seeOther)
            let _v2 = try await citizen.post(path, [("reason", "再次申请")]).status
            XCTAssertEqual(_v2, .conflict, "one request at a time")
            let _v3 = try await reviewer.post(path, [("reason", "工作人员代提")]).status
            XCTAssertEqual(_v3, .forbidden, "the recipient asks, not staff")

            let casePage = try await reviewer.get("/cases/\(record.id!.uuidString)")
            XCTAssertTrue(casePage.contains("受援人申请更换承办律师") && casePage.contains("律师一个月没有联系我"))
            let other = try await test.account("lvshi2")
            let changed = try await reviewer.post("/cases/\(record.id!.uuidString)/actions/changeLawyer",
                                                  [("version", "1"), ("lawyerID", other.id!.uuidString), ("reason", "受援人申请，律师未履行通报义务")])
            XCTAssertEqual(changed.status, .seeOther)
            let request = try await LawyerChangeRequestModel.query(on: test.db).firstOrFail()
            XCTAssertEqual(request.requestState, .granted)
            let _v4 = try await test.legalAidCase(of: app).lawyerAccountID
            XCTAssertEqual(_v4, other.id)
            let notices = try await test.documents(of: app, kind: .assignmentNotice)
            XCTAssertEqual(notices.count, 2, "a new 指派通知书 for the new lawyer")
        }
    }

    func test_centreRefusesAChangeWithReasonsTheRecipientIsTold() async throws {
        try await withTestApp { test in
            let (record, app, reviewer) = try await assignedCitizenCase(test)
            let citizen = Browser(test)
            try await citizen.login(DemoSeed.citizenPhone, DemoSeed.citizenPassword)
            try await citizen.post("/cases/\(record.id!.uuidString)/change-request", [("reason", "不喜欢这位律师")])
            let noReason = try await reviewer.post("/cases/\(record.id!.uuidString)/change-request/refuse", [("response", "")])
            XCTAssertEqual(noReason.status, .unprocessableEntity)
            XCTAssertTrue(noReason.contains("不同意更换的，请写明理由"))
            let _v1 = try await reviewer.post("/cases/\(record.id!.uuidString)/change-request/refuse", [("response", "律师已按时通报进展，无正当理由")]).status
            XCTAssertEqual(_v1, .seeOther)
            let shown = try await citizen.get(SiteURL.application(app.id!).path)
            XCTAssertTrue(shown.contains("不同意更换") && shown.contains("律师已按时通报进展"))
            let messages = try await MessageModel.query(on: test.db).filter(\.$applicationID == app.id!).all().map(\.body)
            XCTAssertTrue(messages.contains { $0.contains("律师已按时通报进展，无正当理由") })
        }
    }

    func test_mediationFirstConsentIsRecordedByTheAssignedLawyer() async throws {
        try await withTestApp { test in
            let (record, app, reviewer) = try await assignedCitizenCase(test)
            let path = "/cases/\(record.id!.uuidString)/mediation"
            let _v1 = try await reviewer.post(path, [("consent", "consented"), ("how", "电话")]).status
            XCTAssertEqual(_v1, .forbidden, "the assigned lawyer records it")
            let lawyer = try await test.staffBrowser("lvshi1")
            let missing = try await lawyer.post(path, [("consent", "consented"), ("how", "")])
            XCTAssertEqual(missing.status, .unprocessableEntity)
            XCTAssertTrue(missing.contains("请写明受援人如何表示同意"))
            let _v2 = try await lawyer.post(path, [("consent", "consented"), ("how", "2026年3月2日电话确认")]).status
            XCTAssertEqual(_v2, .seeOther)
            let _v3 = try await test.legalAidCase(of: app).consent
            XCTAssertEqual(_v3, .consented)
            let citizen = Browser(test)
            try await citizen.login(DemoSeed.citizenPhone, DemoSeed.citizenPassword)
            let _v4 = try await citizen.get(SiteURL.application(app.id!).path).contains("受援人同意先行调解")
            XCTAssertTrue(_v4)
        }
    }

    func test_groupMatterMembersAreAddedWholeOrNotAtAll() async throws {
        try await withTestApp { test in
            let record = try await CaseModel.query(on: test.db).firstOrFail()
            let reviewer = try await test.staffBrowser("shencha")
            let path = "/cases/\(record.id!.uuidString)/members"
            let bad = try await reviewer.post(path, [("members", "张工友，13900000201\n李工友，12345")])
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertTrue(bad.contains("第2行：手机号码应为11位数字"))
            let _v1 = try await CaseMemberModel.query(on: test.db).count()
            XCTAssertEqual(_v1, 0, "the valid first line is not stored alone")
            let _v2 = try await reviewer.post(path, [("members", "张工友，13900000201\n李工友，13900000202\n王工友")]).status
            XCTAssertEqual(_v2, .seeOther)
            let page = try await reviewer.get("/cases/\(record.id!.uuidString)")
            XCTAssertTrue(page.contains("4人"), "the recipient and three co-applicants")
            XCTAssertTrue(page.contains("139****0201"), "phones masked")
            XCTAssertFalse(page.contains("13900000201"))
        }
    }
}

/// The centre keeps the lawyers' practice records the picker and the 3-year rule rely on (第26条).
final class LawyerProfileTests: XCTestCase {
    func test_centreUpdatesALawyersRecord_andThePickerFollows() async throws {
        try await withTestApp { test in
            let reviewer = try await test.staffBrowser("shencha")
            let list = try await reviewer.get("/lawyers")
            XCTAssertTrue(list.contains("许丽") && list.contains("2年"))
            let xu = try await test.account("lvshi2")
            let bad = try await reviewer.post("/lawyers/\(xu.id!.uuidString)", [("practiceYears", "2"), ("criminalYears", "4"), ("available", "true")])
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertTrue(bad.contains("刑事辩护执业年限不能超过执业年限"))
            let _v1 = try await LawyerProfileModel.query(on: test.db).filter(\.$accountID == xu.id!).firstOrFail().criminalYears
            XCTAssertEqual(_v1, 1, "nothing changed")
            let saved = try await reviewer.post("/lawyers/\(xu.id!.uuidString)", [("practiceYears", "6"), ("criminalYears", "4"), ("specialities[]", "criminalDefence"),
                                                                                 ("specialities[]", "support"), ("available", "true")])
            XCTAssertEqual(saved.status, .seeOther)
            let candidates = try await CaseService(scope: ServiceScope(db: test.db, services: test.app.fayuan, clientAddress: "test")).candidates(reference: try await ReferenceData.load(on: test.db))
            let updated = try XCTUnwrap(candidates.first { $0.id == xu.id })
            XCTAssertEqual(updated.criminalPracticeYears, 4)
            XCTAssertEqual(updated.specialities, [.criminalDefence, .support])
            XCTAssertNil(Assignment.refusal(updated, for: AssignmentNeeds(matter: .criminalDefence, possibleLifeOrDeathSentence: true)), "now eligible under 第26条")
            // Roles are a set: a lawyer who also holds another role is still offered.
            xu.roles = try RoleSet([.lawyer, .supervisor])
            try await xu.save(on: test.db)
            let again = try await CaseService(scope: ServiceScope(db: test.db, services: test.app.fayuan, clientAddress: "test")).candidates(reference: try await ReferenceData.load(on: test.db))
            XCTAssertTrue(again.contains { $0.id == xu.id }, "a lawyer with a second role is still a candidate")
            let lawyer = try await test.staffBrowser("lvshi1")
            let _v2 = try await lawyer.get("/lawyers").status
            XCTAssertEqual(_v2, .forbidden, "lawyers do not edit the records")
        }
    }
}
