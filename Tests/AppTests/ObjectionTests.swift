import Fluent
import XCTVapor
import XCTest
@testable import App
@testable import LegalAidCore

/// 法律援助法 第49条: objections to a denial or a termination, heard by the justice bureau within 5 days.
final class ObjectionTests: XCTestCase {
    func test_deniedApplicantObjects_bureauOrdersCorrection_centreReviewsAfresh() async throws {
        try await withTestApp(now: chinaNoon("2026-03-02")) { test in
            let app = try await test.applicationAwaitingDecision(name: "异议测试", sequence: 41, byCitizen: true)
            try await test.decide(app, approve: false)
            let citizen = Browser(test)
            try await citizen.login(DemoSeed.citizenPhone, DemoSeed.citizenPassword)
            let page = try await citizen.get(SiteURL.application(app.id!).path)
            XCTAssertTrue(page.contains("向司法局提出异议"))

            let empty = try await citizen.post("/applications/\(app.id!.uuidString)/objection", [("reason", "  ")])
            XCTAssertEqual(empty.status, .unprocessableEntity)
            XCTAssertTrue(empty.contains("请写明异议的事实和理由"))
            let _v1 = try await ObjectionModel.query(on: test.db).count()
            XCTAssertEqual(_v1, 0, "nothing stored")

            let filed = try await citizen.post("/applications/\(app.id!.uuidString)/objection", [("reason", "我家四口人只有我一人有收入，中心按三口人计算有误")])
            XCTAssertEqual(filed.status, .seeOther)
            let objection = try await ObjectionModel.query(on: test.db).firstOrFail()
            XCTAssertEqual(objection.objectionSubject, .denial)
            XCTAssertEqual(objection.dueOn, "2026-03-09", "5 days from Monday 03-02 is Saturday 03-07: the next working day")
            let again = try await citizen.post("/applications/\(app.id!.uuidString)/objection", [("reason", "再次提出")])
            XCTAssertEqual(again.status, .conflict, "one objection at a time")

            // Three days later. The centre cannot decide about its own decision; the bureau can.
            test.clock.set(chinaNoon("2026-03-05"))
            let director = try await test.staffBrowser("shenpi")
            let _v2 = try await director.post("/objections/\(objection.id!.uuidString)/decision", [("outcome", "correctionOrdered"), ("explanation", "自行纠正")]).status
            XCTAssertEqual(_v2, .forbidden)
            let bureau = try await test.staffBrowser("jiandu")
            let list = try await bureau.get("/objections")
            XCTAssertTrue(list.contains(app.number) && list.contains("2026年3月9日前"))
            let noReason = try await bureau.post("/objections/\(objection.id!.uuidString)/decision", [("outcome", "correctionOrdered"), ("explanation", "")])
            XCTAssertEqual(noReason.status, .unprocessableEntity)
            XCTAssertTrue(noReason.contains("请写明审查意见和理由"))

            let decided = try await bureau.post("/objections/\(objection.id!.uuidString)/decision",
                                                [("outcome", "correctionOrdered"), ("explanation", "家庭人口认定有误，应按四口人计算")])
            XCTAssertEqual(decided.status, .seeOther)
            let reopened = try await ApplicationModel.find(app.id, on: test.db)!
            XCTAssertEqual(reopened.applicationState, .underReview, "the centre must review it again")
            XCTAssertEqual(reopened.receivedOn, "2026-03-05")
            XCTAssertEqual(reopened.decisionDue, "2026-03-12", "a fresh 7-day clock from the order")
            let events = try await test.events(of: app.id!).map(\.event)
            XCTAssertEqual(events.last, "reopenAfterObjection")
            let decision = try await test.documents(of: app, kind: .objectionDecision)
            XCTAssertEqual(decision.map(\.number), ["（2026）示法援异字第0001号"])
            XCTAssertEqual(decision.first?.content.issuer, "示范区司法局")
            XCTAssertTrue(decision.first?.content.paragraphs.contains { $0.contains("责令示范区法律援助中心改正") } == true)
            let sms = try await test.sms(of: app)
            XCTAssertTrue(sms.contains { $0.contains("司法局已审查，决定责令法律援助中心改正") })
            XCTAssertFalse(sms.contains { $0.contains("四口人") }, "no facts by SMS")

            let twice = try await bureau.post("/objections/\(objection.id!.uuidString)/decision", [("outcome", "upheld"), ("explanation", "再议")])
            XCTAssertEqual(twice.status, .conflict)
            let _v3 = try await ObjectionModel.find(objection.id, on: test.db)!.objectionState
            XCTAssertEqual(_v3, .correctionOrdered)
        }
    }

    func test_objectionToATermination_upheldLeavesItEnded_correctionReinstatesIt() async throws {
        try await withTestApp(now: chinaNoon("2026-03-02")) { test in
            let record = try await CaseModel.query(on: test.db).firstOrFail()
            let app = try await ApplicationModel.find(record.applicationID, on: test.db)!
            let director = try await test.staffBrowser("shenpi")
            let path = "/cases/\(record.id!.uuidString)"
            let _v1 = try await director.post(path + "/actions/terminate", [("version", "0"), ("ground", "noLongerInHardship"), ("explanation", "已找到稳定工作")]).status
            XCTAssertEqual(_v1, .seeOther)
            let termination = try await test.documents(of: app, kind: .terminationDecision)
            XCTAssertEqual(termination.count, 1)
            XCTAssertTrue(termination[0].content.paragraphs.contains { $0.contains("第四十九条") }, "the decision tells how to object")

            // The community point that filed it writes down the applicant's objection.
            let desk = try await test.staffBrowser("shequ1")
            let filed = try await desk.post("/applications/\(app.id!.uuidString)/objection", [("reason", "工作是临时的，收入仍低于标准")])
            XCTAssertEqual(filed.status, .seeOther)
            let objection = try await ObjectionModel.query(on: test.db).firstOrFail()
            XCTAssertEqual(objection.objectionSubject, .termination)

            let bureau = try await test.staffBrowser("jiandu")
            let _v2 = try await bureau.post("/objections/\(objection.id!.uuidString)/decision", [("outcome", "correctionOrdered"), ("explanation", "临时工作收入不稳定，终止理由不成立")]).status
            XCTAssertEqual(_v2, .seeOther)
            let reinstated = try await CaseModel.find(record.id, on: test.db)!
            XCTAssertEqual(reinstated.caseState, .awaitingAssignment, "no lawyer had been assigned, so it waits for one again")
            let caseEvents = try await CaseEventModel.query(on: test.db).filter(\.$caseID == record.id!).sort(\.$seq).all().map(\.event)
            XCTAssertEqual(caseEvents, ["terminate", "reinstate"])
        }
    }

    func test_onlyADenialOrATerminationCanBeObjectedTo() async throws {
        try await withTestApp { test in
            let record = try await CaseModel.query(on: test.db).firstOrFail()
            let desk = try await test.staffBrowser("shequ1")
            let refused = try await desk.post("/applications/\(record.applicationID.uuidString)/objection", [("reason", "想换律师")])
            XCTAssertEqual(refused.status, .conflict)
            XCTAssertTrue(refused.contains("只能对不予法律援助决定或者终止法律援助决定提出异议"))
            let _v1 = try await ObjectionModel.query(on: test.db).count()
            XCTAssertEqual(_v1, 0)
        }
    }
}
