import Fluent
import XCTVapor
import XCTest
@testable import App
@testable import LegalAidCore

/// Cases that do not wait for the ordinary decision: urgent aid first (法律援助法 第44条),
/// criminal notifications (第36条) and detained applicants' requests (第39条).
final class UrgentAndIntakeTests: XCTestCase {
    func test_urgentAidFirst_assignedAtOnce_paperworkChasedUntilApproval_art44() async throws {
        try await withTestApp(now: chinaNoon("2026-03-02")) { test in
            let app = try await test.applicationAwaitingDecision(name: "先行测试", sequence: 44)
            let path = "/applications/\(app.id!.uuidString)/urgent-aid"
            let reviewer = try await test.staffBrowser("shencha")
            let _v1 = try await reviewer.post(path, [("daysToDeadline", "3"), ("reason", "起诉期限将满")]).status
            XCTAssertEqual(_v1, .forbidden, "the director decides")
            let director = try await test.staffBrowser("shenpi")
            let page = try await director.get(SiteURL.application(app.id!).path)
            XCTAssertTrue(page.contains("先行提供法律援助"))

            let tooEarly = try await director.post(path, [("daysToDeadline", "7"), ("reason", "起诉期限将满")])
            XCTAssertEqual(tooEarly.status, .unprocessableEntity)
            XCTAssertTrue(tooEarly.contains("不足7日"))
            let _v2 = try await CaseModel.query(on: test.db).filter(\.$applicationID == app.id!).count()
            XCTAssertEqual(_v2, 0, "nothing opened")
            let notANumber = try await director.post(path, [("daysToDeadline", "三天"), ("reason", "起诉期限将满")])
            XCTAssertEqual(notANumber.status, .unprocessableEntity)
            XCTAssertTrue(notANumber.contains("天数请填写整数"))

            let granted = try await director.post(path, [("daysToDeadline", "3"), ("reason", "劳动仲裁时效3日后届满")])
            XCTAssertEqual(granted.status, .seeOther)
            let record = try await test.legalAidCase(of: app)
            XCTAssertEqual(record.caseOrigin, .urgent)
            XCTAssertEqual(record.assignmentDue, "2026-03-02", "assigned at once")
            XCTAssertEqual(record.paperworkDue, "2026-03-09")
            let decision = try await test.documents(of: app, kind: .urgentAidDecision)
            XCTAssertEqual(decision.map(\.number), ["（2026）示法援先字第0001号"])
            let second = try await director.post(path, [("urgentPreservation", "true"), ("reason", "再次")])
            XCTAssertEqual(second.status, .conflict)

            // The paperwork is on the deadline board until the application is decided.
            let reference = try await ReferenceData.load(on: test.db)
            let board = try await DeadlineBoard.collect(on: test.db, reference: reference, now: test.clock.now())
            XCTAssertTrue(board.contains { $0.kind == .paperwork && $0.subjectID == record.id })
            // The day before the paperwork is due, the applicant is reminded once, however often the sweep runs.
            let before = try await test.sms(of: app).count
            test.clock.set(chinaNoon("2026-03-09"))
            try await DeadlineSweep.run(on: test.db, services: test.app.fayuan)
            try await DeadlineSweep.run(on: test.db, services: test.app.fayuan)
            let reminded = try await test.sms(of: app)
            XCTAssertEqual(reminded.count, before + 1)
            XCTAssertEqual(reminded.filter { $0.contains("已先行提供法律援助，请于2026年3月9日前补办申请手续") }.count, 1)
            try await test.decide(app, approve: true)
            let cases = try await CaseModel.query(on: test.db).filter(\.$applicationID == app.id!).all()
            XCTAssertEqual(cases.count, 1, "approval does not open a second case")
            XCTAssertNotNil(cases[0].paperworkDoneAt)
            let after = try await DeadlineBoard.collect(on: test.db, reference: reference, now: test.clock.now())
            XCTAssertFalse(after.contains { $0.kind == .paperwork })
        }
    }

    func test_urgentAidThenDenied_endsTheAidWithATerminationDecision() async throws {
        try await withTestApp(now: chinaNoon("2026-03-02")) { test in
            let app = try await test.applicationAwaitingDecision(name: "先行否决", sequence: 45)
            let director = try await test.staffBrowser("shenpi")
            let _v1 = try await director.post("/applications/\(app.id!.uuidString)/urgent-aid", [("urgentPreservation", "true"), ("reason", "对方正在转移财产")]).status
            XCTAssertEqual(_v1, .seeOther)
            try await test.decide(app, approve: false)
            let record = try await test.legalAidCase(of: app)
            XCTAssertEqual(record.caseState, .terminated)
            let _v2 = try await test.documents(of: app, kind: .terminationDecision).count
            XCTAssertEqual(_v2, 1)
        }
    }

    func test_urgentAidOnlyForAnApplicationAtTheCentre() async throws {
        try await withTestApp { test in
            let submitted = try await ApplicationModel.query(on: test.db).filter(\.$state == "submitted").firstOrFail()
            let director = try await test.staffBrowser("shenpi")
            let refused = try await director.post("/applications/\(submitted.id!.uuidString)/urgent-aid", [("urgentPreservation", "true"), ("reason", "紧急")])
            XCTAssertEqual(refused.status, .conflict)
        }
    }

    func test_criminalNotification_assignWithinThreeDays_officialLetterToTheCourt_art36() async throws {
        try await withTestApp(now: chinaNoon("2026-09-30")) { test in
            let reviewer = try await test.staffBrowser("shencha")
            let bad = try await reviewer.post("/intake/notifications", [("authority", "court"), ("authorityName", ""), ("personName", "赵测试"),
                                                                        ("charge", "故意伤害罪"), ("receivedOn", "2026-10-02")])
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertTrue(bad.contains("请填写通知机关名称") && bad.contains("收到通知的日期不能晚于今天"))
            XCTAssertTrue(bad.contains("value=\"赵测试\""), "what was typed stays")
            let _v1 = try await CaseModel.query(on: test.db).filter(\.$origin == "notification").count()
            XCTAssertEqual(_v1, 0)

            let done = try await reviewer.post("/intake/notifications", [("authority", "court"), ("authorityName", "示范区人民法院"), ("personName", "赵测试"),
                                                                         ("charge", "故意伤害罪"), ("receivedOn", "2026-09-30"), ("detained", "true"),
                                                                         ("possibleLifeOrDeath", "true")])
            XCTAssertEqual(done.status, .seeOther)
            let record = try await CaseModel.query(on: test.db).filter(\.$origin == "notification").firstOrFail()
            XCTAssertEqual(record.assignmentDue, "2026-10-08", "3 days from 09-30 ends in 国庆: the next working day")
            XCTAssertEqual(record.possibleLifeOrDeath, true)
            let app = try await ApplicationModel.find(record.applicationID, on: test.db)!
            XCTAssertEqual(app.channel, "notification")
            XCTAssertEqual(app.applicationState, .approved, "no means test for a notified defence")

            // Life or death: only the lawyer with 3+ years of criminal practice.
            let junior = try await test.account("lvshi2")
            let refused = try await reviewer.post("/cases/\(record.id!.uuidString)/actions/assignLawyer", [("version", "0"), ("lawyerID", junior.id!.uuidString)])
            XCTAssertEqual(refused.status, .unprocessableEntity)
            let senior = try await test.account("lvshi1")
            let _v2 = try await reviewer.post("/cases/\(record.id!.uuidString)/actions/assignLawyer", [("version", "0"), ("lawyerID", senior.id!.uuidString)]).status
            XCTAssertEqual(_v2, .seeOther)
            let letter = try await test.documents(of: app, kind: .officialLetter)
            XCTAssertEqual(letter.first?.content.addressee, "示范区人民法院")
            XCTAssertTrue(letter.first?.content.paragraphs.first?.contains("秦明律师担任赵测试的辩护人") == true)
            XCTAssertTrue(letter.first?.content.rows.contains { $0.value == "示范正义律师事务所" } == true)
        }
    }

    func test_detainedRequest_forwardedWithin24Hours_becomesAnApplicationAtTheCentre_art39() async throws {
        try await withTestApp(now: chinaNoon("2026-03-02")) { test in
            let reviewer = try await test.staffBrowser("shencha")
            let bad = try await reviewer.post("/intake/detained", [("placeName", "示范区看守所"), ("detaineeName", "钱羁押"), ("receivedAt", "昨天上午")])
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertTrue(bad.contains("请填写收到申请的时间"))
            let _v0 = try await DetainedRequestModel.query(on: test.db).count()
            XCTAssertEqual(_v0, 0)

            let recorded = try await reviewer.post("/intake/detained", [("placeName", "示范区看守所"), ("detaineeName", "钱羁押"), ("detaineeCharge", "盗窃罪"),
                                                                       ("receivedAt", "2026-03-02 09:00")])
            XCTAssertEqual(recorded.status, .seeOther)
            let entry = try await DetainedRequestModel.query(on: test.db).firstOrFail()
            XCTAssertEqual(entry.forwardDue, LocalDate(iso: "2026-03-03")!.startOfDay.addingTimeInterval(9 * 3600))
            let list = try await reviewer.get("/intake")
            XCTAssertTrue(list.contains("钱羁押") && list.contains("转交中心受理"))

            // 19 hours in: the sweep warns the reviewers and the director; at 25 hours it is overdue.
            test.clock.set(LocalDate(iso: "2026-03-03")!.startOfDay.addingTimeInterval(4 * 3600))
            try await DeadlineSweep.run(on: test.db, services: test.app.fayuan)
            let soon = try await AlertModel.query(on: test.db).filter(\.$kind == "forwarding").all()
            XCTAssertEqual(Set(soon.map(\.level)), ["dueSoon"])
            let recipients = Set(soon.map(\.recipientAccountID))
            let _v1 = try await test.account("shencha").id!
            let _v2 = try await test.account("shenpi").id!
            XCTAssertEqual(recipients, [_v1, _v2])

            test.clock.set(LocalDate(iso: "2026-03-03")!.startOfDay.addingTimeInterval(10 * 3600))
            try await DeadlineSweep.run(on: test.db, services: test.app.fayuan)
            let overdue = try await AlertModel.query(on: test.db).filter(\.$kind == "forwarding").filter(\.$level == "overdue").count()
            XCTAssertEqual(overdue, 2)

            let reviewerAgain = try await test.staffBrowser("shencha")
            let forwarded = try await reviewerAgain.post("/intake/detained/\(entry.id!.uuidString)/forward", [])
            XCTAssertEqual(forwarded.status, .seeOther)
            let app = try await ApplicationModel.query(on: test.db).filter(\.$channel == "detained").firstOrFail()
            XCTAssertEqual(app.applicationState, .forwarded)
            XCTAssertEqual(app.decisionDue, "2026-03-10", "the centre's 7 days run from receipt")
            XCTAssertTrue(app.form.matter.applicantDetained)
            let twice = try await reviewerAgain.post("/intake/detained/\(entry.id!.uuidString)/forward", [])
            XCTAssertEqual(twice.status, .conflict)
        }
    }
}
