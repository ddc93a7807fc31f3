import Fluent
import SQLKit
import XCTVapor
import XCTest
@testable import App
@testable import LegalAidCore
@testable import MediationCore

/// People's mediation from a dispute to a signed agreement, its confirmation reminder and its
/// return visit (issue #26), through the real pages and a real database; and every side exit.
final class MediationJourneyTests: XCTestCase {
    static let monday = chinaNoon("2026-12-07")

    /// The village committee serving 幸福一社区 (where tiaojie1 and tiaojie2 mediate).
    static func xingfuYi(_ test: TestApp) async throws -> OrganisationModel { try await test.organisation("幸福一社区居民委员会") }

    static func neighbourDispute(place: UUID, respondentPhone: String = "13900000077") -> [(String, String)] {
        [("type", "neighbour"), ("applicantName", "李示例"), ("applicantPhone", DemoSeed.citizenPhone),
         ("respondentName", "楼上王某"), ("respondentPhone", respondentPhone), ("respondentPlace", place.uuidString),
         ("facts", "楼上卫生间漏水三个月，我家天花板发霉，多次沟通没有修理。"), ("claims", "请对方修好防水并赔偿粉刷费用2000元")]
    }

    /// A citizen applies online; returns the mediation and the other side's link key (from the SMS).
    static func apply(_ test: TestApp, citizen: Browser, respondentPhone: String = "13900000077") async throws -> (MediationModel, String) {
        let place = try await xingfuYi(test).id!
        try await citizen.get("/disputes/apply")
        let sent = try await citizen.post("/disputes/apply", neighbourDispute(place: place, respondentPhone: respondentPhone))
        XCTAssertEqual(sent.status, .seeOther, sent.body)
        let citizenID = try await test.account(DemoSeed.citizenPhone).id!
        let latest = try await MediationModel.query(on: test.db).filter(\.$applicantAccountID == citizenID).sort(\.$number, .descending).first()
        let mediation = try XCTUnwrap(latest)
        let invitation = try await SMSOutboxModel.query(on: test.db).filter(\.$template == MediationInvitation.template).sort(\.$createdAt, .descending).first()
        let link = try XCTUnwrap(invitation?.sealedParameters?.value["link"])
        return (mediation, String(link.split(separator: "#key=").last!))
    }

    /// The demo citizen signed in, having applied for a neighbour dispute; the other side's key.
    static func applied(_ test: TestApp) async throws -> (citizen: Browser, mediation: MediationModel, key: String) {
        let citizen = Browser(test)
        try await citizen.login(DemoSeed.citizenPhone, DemoSeed.citizenPassword)
        let (mediation, key) = try await apply(test, citizen: citizen)
        return (citizen, mediation, key)
    }

    /// …accepted by the other side, with a mediator of the committee signed in (none assigned yet).
    static func accepted(_ test: TestApp, mediator username: String = "tiaojie1") async throws -> (citizen: Browser, mediation: MediationModel, mediator: Browser) {
        let (citizen, mediation, key) = try await applied(test)
        _ = try await respondentAccepts(test, mediation, key: key)
        let mediator = Browser(test)
        try await mediator.login(username, DemoSeed.staffPassword)
        return (citizen, mediation, mediator)
    }

    static func lastCode(_ test: TestApp, to phone: String) async throws -> String {
        let sms = try await SMSOutboxModel.query(on: test.db).filter(\.$template == AgreementSigningCode.template).sort(\.$createdAt, .descending).all()
        return try XCTUnwrap(sms.first { $0.phone == phone }?.sealedParameters?.value["code"])
    }

    static func party(_ test: TestApp, _ mediation: MediationModel, _ side: MediationPartyModel.Side) async throws -> MediationPartyModel {
        let found = try await MediationPartyModel.query(on: test.db).filter(\.$mediationID == mediation.id!).filter(\.$side == side.rawValue).first()
        return try XCTUnwrap(found)
    }

    static func fresh(_ test: TestApp, _ mediation: MediationModel) async throws -> MediationModel {
        let found = try await MediationModel.find(mediation.id!, on: test.db)
        return try XCTUnwrap(found)
    }

    /// Posts a staff action with the version the page was drawn on.
    @discardableResult
    static func act(_ staff: Browser, _ mediation: MediationModel, _ action: MediationAction, _ fields: [(String, String)] = [], test: TestApp) async throws -> Browser.Page {
        let current = try await fresh(test, mediation)
        try await staff.get("/mediations/\(mediation.id!)")
        return try await staff.post("/mediations/\(mediation.id!)/\(action.rawValue)", fields + [("version", String(current.version))])
    }

    /// The other side opens their link in their own browser and agrees.
    static func respondentAccepts(_ test: TestApp, _ mediation: MediationModel, key: String) async throws -> Browser {
        let respondent = try await party(test, mediation, .respondent)
        let browser = Browser(test)
        try await browser.get("/m/\(respondent.id!)/open")
        let opened = try await browser.post("/m/\(respondent.id!)/open", [("key", key)])
        XCTAssertEqual(opened.location, "/m/\(respondent.id!)")
        let page = try await browser.get("/m/\(respondent.id!)")
        XCTAssertTrue(page.contains("您是否同意调解"), "the reply form is on the page")
        let answered = try await browser.post("/m/\(respondent.id!)/reply", [("answer", "accept")])
        XCTAssertEqual(answered.status, .seeOther, answered.body)
        return browser
    }

    // 人民调解法 第17、19、22–24、28–33条: the whole road.
    func test_aNeighbourDisputeGoesFromAnOnlineApplicationToASignedSealedAgreement_itsReminders_andItsReturnVisit() async throws {
        try await withTestApp(now: Self.monday) { test in
            let citizen = Browser(test)
            try await citizen.login(DemoSeed.citizenPhone, DemoSeed.citizenPassword)
            let (mediation, key) = try await Self.apply(test, citizen: citizen)
            XCTAssertEqual(mediation.mediationState, .awaitingReply)
            XCTAssertEqual(mediation.replyDue, "2026-12-14", "seven days to answer")
            let committee = try await test.organisation("幸福一社区人民调解委员会")
            XCTAssertEqual(committee.id, mediation.committeeID, "the committee where the respondent lives")
            let mine = try await citizen.get("/disputes/mine")
            XCTAssertTrue(mine.contains(mediation.number))

            let respondentBrowser = try await Self.respondentAccepts(test, mediation, key: key)
            var current = try await Self.fresh(test, mediation)
            XCTAssertEqual(current.mediationState, .accepted)
            XCTAssertEqual(current.acceptedOn, "2026-12-07")
            let told = try await SMSOutboxModel.query(on: test.db).filter(\.$template == MediationAnswered.template).all()
            XCTAssertEqual(told.filter { $0.phone == DemoSeed.citizenPhone }.count, 1, "the applicant is told the answer")
            XCTAssertFalse(told.contains { $0.phone == "13900000077" }, "the respondent is not told their own answer")
            let respondent = try await Self.party(test, mediation, .respondent)
            XCTAssertNotNil(respondent.openedAt, "opening the link is the proof it reached them")

            let mediator = Browser(test)
            try await mediator.login("tiaojie1", DemoSeed.staffPassword)
            let detail = try await mediator.get("/mediations/\(mediation.id!)")
            XCTAssertTrue(detail.contains("推荐：幸福一社区 刘调解"), "the mediator who knows neighbour disputes is recommended first")
            let tiaojie1 = try await test.account("tiaojie1")
            try await Self.act(mediator, mediation, .assign, [("mediator", tiaojie1.id!.uuidString)], test: test)
            current = try await Self.fresh(test, mediation)
            XCTAssertEqual(current.mediationState, .mediating)
            XCTAssertEqual(current.mediatorAccountID, tiaojie1.id)

            let applicant = try await Self.party(test, mediation, .applicant)
            let early = try await Self.act(mediator, mediation, .session, [("startsAt", "2026-12-08 09:30"), ("place", "幸福一社区调解室"),
                                                                            ("attended", applicant.id!.uuidString), ("attended", respondent.id!.uuidString),
                                                                            ("record", "双方陈述漏水经过，王某同意修理。")], test: test)
            XCTAssertEqual(early.status, .conflict, "no session before every party has been told their rights and duties")
            XCTAssertTrue(early.contains("尚未确认"))
            try await Self.act(mediator, mediation, .rights, [("party", applicant.id!.uuidString), ("method", "screen")], test: test)
            let ack = try await respondentBrowser.post("/m/\(respondent.id!)/rights", [("understood", "true")])
            XCTAssertEqual(ack.status, .seeOther, ack.body)
            let session = try await Self.act(mediator, mediation, .session, [("startsAt", "2026-12-08 09:30"), ("place", "幸福一社区调解室"),
                                                                              ("attended", applicant.id!.uuidString), ("attended", respondent.id!.uuidString),
                                                                              ("record", "双方陈述漏水经过，王某同意修理并赔偿。")], test: test)
            XCTAssertEqual(session.status, .seeOther, session.body)

            let terms = "一、王某于2026年12月20日前修好卫生间防水；二、王某于2026年12月31日前一次性支付李示例粉刷费1500元。"
            try await Self.act(mediator, mediation, .agreement, [("agreementFacts", "楼上卫生间漏水致楼下天花板发霉，双方就修理和赔偿发生争议。"), ("terms", terms)], test: test)
            // Each party signs on the mediator's screen with the code sent to their own phone.
            for (party, phone) in [(applicant, DemoSeed.citizenPhone), (respondent, "13900000077")] {
                try await Self.act(mediator, mediation, .code, [("party", party.id!.uuidString)], test: test)
                let code = try await Self.lastCode(test, to: phone)
                let signed = try await Self.act(mediator, mediation, .sign, [("signatory", party.id!.uuidString), ("method", "code"), ("code", code)], test: test)
                XCTAssertEqual(signed.status, .seeOther, signed.body)
            }
            let twice = try await Self.act(mediator, mediation, .sign, [("signatory", applicant.id!.uuidString), ("method", "code"), ("code", "123456")], test: test)
            XCTAssertEqual(twice.status, .conflict, "a party signs once")
            XCTAssertTrue(twice.contains("已经签过名"))
            let tooEarly = try await Self.act(mediator, mediation, .seal, test: test)
            XCTAssertEqual(tooEarly.status, .conflict, "no seal before the mediator has signed")
            try await Self.act(mediator, mediation, .sign, [("signatory", tiaojie1.id!.uuidString), ("method", "mediator")], test: test)
            let sealed = try await Self.act(mediator, mediation, .seal, test: test)
            XCTAssertEqual(sealed.status, .seeOther, sealed.body)
            current = try await Self.fresh(test, mediation)
            XCTAssertEqual(current.mediationState, .agreed)
            XCTAssertEqual(current.agreementEffectiveOn, "2026-12-07")

            let printed = try await citizen.get("/mediations/\(mediation.id!)/agreement.html")
            XCTAssertEqual(printed.status, .ok, "a party prints their agreement")
            XCTAssertTrue(printed.contains("人民调解协议书") && printed.contains(mediation.number) && printed.contains("修好卫生间防水"))
            XCTAssertTrue(printed.contains("2027年1月6日"), "30 days for judicial confirmation")
            let stranger = Browser(test)
            let refused = try await stranger.get("/mediations/\(mediation.id!)/agreement.html")
            XCTAssertEqual(refused.status, .notFound, "nobody else reads it")

            // Reminders on day 20 and 27, each once.
            let service = MediationService(scope: ServiceScope(db: test.db, services: test.app.fayuan, now: chinaNoon("2026-12-26")))
            let reference = try await test.app.fayuan.referenceData(on: test.db)
            let none = try await service.sendConfirmationReminders(reference: reference)
            XCTAssertEqual(none, 0, "nothing before day 20")
            let day20 = MediationService(scope: ServiceScope(db: test.db, services: test.app.fayuan, now: chinaNoon("2026-12-27")))
            let first = try await day20.sendConfirmationReminders(reference: reference)
            let again = try await day20.sendConfirmationReminders(reference: reference)
            XCTAssertEqual([first, again], [1, 0], "day 20 reminds once")
            let reminders = try await SMSOutboxModel.query(on: test.db).filter(\.$template == ConfirmationReminder.template).all()
            XCTAssertEqual(Set(reminders.map(\.phone)), [DemoSeed.citizenPhone, "13900000077"], "both parties")

            let visit = try await Self.act(mediator, mediation, .visit, [("performed", "yes"), ("visitNote", "回访李示例：防水已修好，1500元已收到。")], test: test)
            XCTAssertEqual(visit.status, .seeOther, visit.body)
            current = try await Self.fresh(test, mediation)
            XCTAssertEqual(current.mediationState, .closed)
            XCTAssertEqual(current.performed, true)
            let steps = try await MediationService(scope: ServiceScope(db: test.db, services: test.app.fayuan)).steps(of: mediation.id!).map(\.event)
            XCTAssertEqual(Array(steps.prefix(4)), ["start", "opened", "accept", "assign"], "the record reads in the order things happened, under one frozen clock")
            XCTAssertTrue(steps.contains("visit") && steps.contains("reminder"))
            // The dispute's words are sealed where they are stored (facts, claims, reasons, notes, numbers, 笔录, the agreement).
            let sql = test.db as! any SQLDatabase
            for (table, column) in [("mediations", "facts"), ("mediations", "claims"), ("mediations", "return_visit"), ("mediation_steps", "note"),
                                    ("mediation_parties", "phone"), ("mediation_sessions", "record"), ("mediation_agreements", "terms")] {
                let rows = try await sql.raw("SELECT \(unsafeRaw: column) AS v FROM \(unsafeRaw: table) WHERE \(unsafeRaw: column) IS NOT NULL").all()
                XCTAssertFalse(rows.isEmpty, "\(table).\(column) holds something")
                for row in rows {
                    let stored = try row.decode(column: "v", as: String.self)
                    XCTAssertFalse(["漏水", "防水", "1390000", "陈述", "回访"].contains { stored.contains($0) }, "\(table).\(column) is sealed")
                }
            }
            let audit = try await test.auditTrail().filter(\.$target == "mediation:\(mediation.id!)").all().map(\.event)
            for event in ["mediation.start", "mediation.accept", "mediation.assign", "mediation.session", "mediation.sign", "mediation.seal", "mediation.view", "mediation.visit"] {
                XCTAssertTrue(audit.contains(event), "audited: \(event)")
            }
        }
    }
}
