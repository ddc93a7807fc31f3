import Fluent
import XCTVapor
import XCTest
@testable import App
@testable import LegalAidCore

/// The case after the decision, through the pages: assignment (法律援助法 第26、43条), handling,
/// closing report (第50条), quality review, return visit, termination (第48条).
final class CaseJourneyTests: XCTestCase {
    func approvedCase(_ test: TestApp) async throws -> (CaseModel, ApplicationModel) {
        let record = try await CaseModel.query(on: test.db).firstOrFail()
        let app = try await ApplicationModel.find(record.applicationID, on: test.db)!
        return (record, app)
    }

    func test_approvalOpensACaseDueForAssignmentWithinThreeDays_art43() async throws {
        try await withTestApp(now: chinaNoon("2026-09-24")) { test in
            let service = ApplicationService(scope: ServiceScope(db: test.db, services: test.app.fayuan, clientAddress: "test", logger: test.app.logger))
            let reference = try await ReferenceData.load(on: test.db)
            let community = try await test.account("shequ1")
            let app = try await service.createDraft(form: SyntheticPerson.form(name: "中秋测试", birth: "19660606", sequence: 71, phone: "13900000071"),
                                                    communityPointID: nil, preReviewOrganisationID: nil, by: community, reference: reference)
            try await service.perform(.submit, on: app.id!, expectedVersion: nil, by: community)
            try await service.perform(.preApprove(opinion: "同意"), on: app.id!, expectedVersion: nil, by: try await test.account("gongzuozhan1"))
            let reviewer = try await test.account("shencha")
            try await service.perform(.accept, on: app.id!, expectedVersion: nil, by: reviewer)
            try await service.perform(.fileReview(ReviewOpinion(recommendApproval: true, opinion: "同意")), on: app.id!, expectedVersion: nil, by: reviewer)
            try await service.perform(.approve(note: ""), on: app.id!, expectedVersion: nil, by: try await test.account("shenpi"))
            let record = try await CaseModel.query(on: test.db).filter(\.$applicationID == app.id!).firstOrFail()
            XCTAssertEqual(record.caseState, .awaitingAssignment)
            XCTAssertEqual(record.decidedOn, "2026-09-24")
            XCTAssertEqual(record.assignmentDue, "2026-09-28") // day 3 is Sunday 09-27 (中秋节)
        }
    }

    func test_fromAssignmentToReturnVisit() async throws {
        try await withTestApp { test in
            let (record, app) = try await approvedCase(test)
            let path = "/cases/\(record.id!.uuidString)"
            let reviewer = Browser(test)
            try await reviewer.login("shencha", DemoSeed.staffPassword)
            let page = try await reviewer.get(path)
            XCTAssertTrue(page.contains("建议指派：<strong>秦明</strong>"), "the specialist in wage claims with no open cases")

            let lawyer = try await test.account("lvshi1")
            let _v901 = try await reviewer.post(path + "/actions/assignLawyer", [("version", "0"), ("lawyerID", lawyer.id!.uuidString)]).status
            XCTAssertEqual(_v901, .seeOther)
            let notice = try await DocumentModel.query(on: test.db).filter(\.$kind == "assignmentNotice").firstOrFail()
            XCTAssertEqual(notice.number, "（\(LocalDate(test.clock.now()).year)）示法援指字第0001号")
            XCTAssertEqual(notice.content.addressee, "秦明律师")
            let sms = try await SMSOutboxModel.query(on: test.db).filter(\.$applicationID == app.id!).all()
            XCTAssertTrue(sms.contains { $0.body.contains("已指派秦明律师承办") })

            let applicationPage = try await reviewer.get(SiteURL.application(app.id!).path)
            XCTAssertTrue(applicationPage.contains("承办律师</dt><dd>秦明"))

            // The lawyer sees the case; the other firm's lawyer does not.
            let qin = Browser(test)
            try await qin.login("lvshi1", DemoSeed.staffPassword)
            let _v902 = try await qin.get("/cases").contains(app.number)
            XCTAssertTrue(_v902)
            let xu = Browser(test)
            try await xu.login("lvshi2", DemoSeed.staffPassword)
            let _v903 = try await xu.get(path).status
            XCTAssertEqual(_v903, .notFound)

            let intruder = try await xu.post(path + "/progress", [("kind", "meeting"), ("note", "越权记录"), ("notify", "true")])
            XCTAssertEqual(intruder.status, .notFound)
            let recorded = try await qin.post(path + "/progress", [("kind", "mediation"), ("note", "受援人同意先行调解，已约定下周三在街道调解室调解"), ("notify", "true")])
            XCTAssertEqual(recorded.status, .seeOther)
            let progressSMS = try await SMSOutboxModel.query(on: test.db).filter(\.$applicationID == app.id!).all()
            XCTAssertTrue(progressSMS.contains { $0.body.contains("有新进展：调解") && !$0.body.contains("调解室") }, "the SMS names the step, not the facts")
            let shared = try await reviewer.get(SiteURL.application(app.id!).path)
            XCTAssertTrue(shared.contains("已约定下周三在街道调解室调解"))

            let _v904 = try await qin.post(path + "/actions/fileClosingReport", [("version", "1"), ("outcome", "经调解，用人单位支付拖欠工资两万元")]).status
            XCTAssertEqual(_v904, .seeOther)
            let second = try await qin.post(path + "/actions/fileClosingReport", [("version", "2"), ("outcome", "再次提交")])
            XCTAssertEqual(second.status, .conflict, "a second closing report is refused")

            try await reviewer.post(path + "/actions/close", [("version", "2")])
            try await reviewer.post(path + "/actions/reviewQuality", [("version", "3"), ("grade", "good"), ("remarks", "案卷完整")])
            try await reviewer.post(path + "/actions/recordReturnVisit", [("version", "4"), ("satisfaction", "5"), ("comments", "很满意")])
            let done = try await CaseModel.find(record.id, on: test.db)!
            XCTAssertEqual(done.caseState, .followedUp)
            let events = try await CaseEventModel.query(on: test.db).filter(\.$caseID == record.id!).sort(\.$seq).all().map(\.event)
            XCTAssertEqual(events, ["assignLawyer", "fileClosingReport", "close", "reviewQuality", "recordReturnVisit"])
        }
    }

    func test_lifeOrDeathCaseRefusesALawyerWithUnderThreeYears_art26() async throws {
        try await withTestApp { test in
            let (record, _) = try await approvedCase(test)
            let reviewer = Browser(test)
            try await reviewer.login("shencha", DemoSeed.staffPassword)
            let junior = try await test.account("lvshi2")
            let refused = try await reviewer.post("/cases/\(record.id!.uuidString)/actions/assignLawyer",
                                                  [("version", "0"), ("lawyerID", junior.id!.uuidString), ("possibleLifeOrDeath", "true")])
            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertTrue(refused.contains("刑事辩护执业不满三年"))
            let unchanged = try await CaseModel.find(record.id, on: test.db)!
            XCTAssertEqual(unchanged.caseState, .awaitingAssignment)
            XCTAssertNil(unchanged.lawyerAccountID)
        }
    }

    func test_directorTerminatesWithAnArticle48Ground() async throws {
        try await withTestApp { test in
            let (record, _) = try await approvedCase(test)
            let path = "/cases/\(record.id!.uuidString)/actions/terminate"
            let reviewer = Browser(test)
            try await reviewer.login("shencha", DemoSeed.staffPassword)
            let _v905 = try await reviewer.post(path, [("version", "0"), ("ground", "ownLawyerHired"), ("explanation", "自行委托")]).status
            XCTAssertEqual(_v905, .forbidden)
            let director = Browser(test)
            try await director.login("shenpi", DemoSeed.staffPassword)
            let missing = try await director.post(path, [("version", "0"), ("ground", "ownLawyerHired"), ("explanation", "")])
            XCTAssertTrue(missing.contains("请写明终止法律援助的事实和理由"))
            let _v906 = try await director.post(path, [("version", "0"), ("ground", "ownLawyerHired"), ("explanation", "受援人已自行委托律师")]).status
            XCTAssertEqual(_v906, .seeOther)
            let _v907 = try await CaseModel.find(record.id, on: test.db)?.caseState
            XCTAssertEqual(_v907, .terminated)
        }
    }

    func test_centreStaffHandleTheCaseThemselves_onlyTheHandlerReports() async throws {
        try await withTestApp { test in
            let (record, app) = try await approvedCase(test)
            let path = "/cases/\(record.id!.uuidString)"
            let director = try await test.staffBrowser("shenpi")
            let outsider = try await test.account("lvshi1")
            let refused = try await director.post(path + "/actions/assignCentreStaff", [("version", "0"), ("staffID", outsider.id!.uuidString)])
            XCTAssertEqual(refused.status, .unprocessableEntity, "only the centre's own staff")
            XCTAssertTrue(refused.contains("请从列表中选择本中心的工作人员"))
            let reviewer = try await test.account("shencha")
            let _v1 = try await director.post(path + "/actions/assignCentreStaff", [("version", "0"), ("staffID", reviewer.id!.uuidString)]).status
            XCTAssertEqual(_v1, .seeOther)
            let notice = try await test.documents(of: app, kind: .assignmentNotice)
            XCTAssertEqual(notice.first?.content.addressee, "中心 王审查同志")
            let _v2 = try await director.post(path + "/actions/fileClosingReport", [("version", "1"), ("outcome", "代为结案")]).status
            XCTAssertEqual(_v2, .forbidden, "the closing report comes from the handler")
            let handler = try await test.staffBrowser("shencha")
            let page = try await handler.get(path)
            XCTAssertTrue(page.contains("中心 王审查（本中心工作人员）") && page.contains("提交结案报告"))
            let _v3 = try await handler.post(path + "/actions/fileClosingReport", [("version", "1"), ("outcome", "经调解结案")]).status
            XCTAssertEqual(_v3, .seeOther)
        }
    }

    func test_anApplicationNotYetApprovedHasNoCaseToAssign() async throws {
        try await withTestApp { test in
            let underReview = try await ApplicationModel.query(on: test.db).filter(\.$state == "underReview").firstOrFail()
            let reviewer = try await test.staffBrowser("shencha")
            let lawyer = try await test.account("lvshi1")
            let refused = try await reviewer.post("/cases/\(underReview.id!.uuidString)/actions/assignLawyer", [("version", "0"), ("lawyerID", lawyer.id!.uuidString)])
            XCTAssertEqual(refused.status, .notFound)
            let _v1 = try await CaseModel.query(on: test.db).filter(\.$applicationID == underReview.id!).count()
            XCTAssertEqual(_v1, 0, "nothing opened")
        }
    }

    func test_transferToAnotherRegionsCentre_theFileGoesAlong() async throws {
        try await withTestApp { test in
            let (record, app) = try await approvedCase(test)
            let path = "/cases/\(record.id!.uuidString)/actions/transfer"
            let reviewer = try await test.staffBrowser("shencha")
            let _v1 = try await reviewer.post(path, [("version", "0"), ("toCentre", "外区法律援助中心")]).status
            XCTAssertEqual(_v1, .forbidden, "the director transfers")
            let director = try await test.staffBrowser("shenpi")
            let missing = try await director.post(path, [("version", "0"), ("toCentre", " ")])
            XCTAssertEqual(missing.status, .unprocessableEntity)
            XCTAssertTrue(missing.contains("请填写接收的法律援助机构"))
            let _v2 = try await director.post(path, [("version", "0"), ("toCentre", "示例市东区法律援助中心"), ("reason", "义务人住所地在东区")]).status
            XCTAssertEqual(_v2, .seeOther)
            let _v3 = try await CaseModel.find(record.id, on: test.db)!.caseState
            XCTAssertEqual(_v3, .transferred)
            let letters = try await test.documents(of: app, kind: .transferLetter)
            let letter = try XCTUnwrap(letters.first)
            XCTAssertEqual(letter.content.addressee, "示例市东区法律援助中心")
            XCTAssertTrue(letter.content.paragraphs.contains { $0.hasPrefix("随函移交：") && $0.contains("给予法律援助决定书") })
            let sms = try await test.sms(of: app)
            XCTAssertTrue(sms.contains { $0.contains("已移交示例市东区法律援助中心办理") })
        }
    }
}
