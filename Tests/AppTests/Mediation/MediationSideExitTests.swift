import Fluent
import XCTVapor
import XCTest
@testable import App
@testable import LegalAidCore
@testable import MediationCore
@testable import DeskCore

/// Every way a mediation leaves the main road (issue #26), and the conflicts that must not lose
/// or half-write anything.
final class MediationSideExitTests: XCTestCase {
    typealias J = MediationJourneyTests

    // 第17条: 当事人一方明确拒绝调解的，不得调解 — the reason kept, the applicant told the routes still open.
    func test_theOtherSideRefuses_throughTheirLink_andTheApplicantSeesTheRoutesStillOpen() async throws {
        try await withTestApp(now: J.monday) { test in
            let (citizen, mediation, key) = try await J.applied(test)
            let respondent = try await J.party(test, mediation, .respondent)
            let other = Browser(test)
            try await other.post("/m/\(respondent.id!)/open", [("key", key)])
            let noReason = try await other.post("/m/\(respondent.id!)/reply", [("answer", "refuse")])
            XCTAssertEqual(noReason.status, .unprocessableEntity, "a refusal says why")
            XCTAssertTrue(noReason.contains("不同意调解的原因"))
            let refused = try await other.post("/m/\(respondent.id!)/reply", [("answer", "refuse"), ("reason", "漏水不是我家造成的")])
            XCTAssertEqual(refused.status, .seeOther, refused.body)
            let again = try await other.post("/m/\(respondent.id!)/reply", [("answer", "accept")])
            XCTAssertEqual(again.status, .conflict, "one answer only")
            let current = try await J.fresh(test, mediation)
            XCTAssertEqual(current.mediationState, .refused)
            XCTAssertEqual(current.endedReason, "漏水不是我家造成的")
            let applicant = try await J.party(test, mediation, .applicant)
            let page = try await citizen.get("/m/\(applicant.id!)")
            XCTAssertTrue(page.contains("对方拒绝调解") && page.contains("向人民法院起诉") && page.contains("申请法律援助"))
            let told = try await MessageModel.query(on: test.db).filter(\.$title == MediationAnswered.title!).count()
            XCTAssertEqual(told, 1, "an in-app message to the applicant's account")
        }
    }

    func test_silencePastTheReplyDeadline_endsIt_andTheApplicantIsTold() async throws {
        try await withTestApp(now: J.monday) { test in
            let (_, mediation, _) = try await J.applied(test)
            let onTheLastDay = MediationService(scope: ServiceScope(db: test.db, services: test.app.fayuan, now: chinaNoon("2026-12-14")))
            let none = try await onTheLastDay.lapseUnanswered()
            XCTAssertEqual(none, 0, "the last day is still theirs")
            let after = MediationService(scope: ServiceScope(db: test.db, services: test.app.fayuan, now: chinaNoon("2026-12-15")))
            let waiting = try await MediationModel.query(on: test.db).filter(\.$state == "awaitingReply").count()
            let lapsed = try await after.lapseUnanswered()
            XCTAssertEqual(lapsed, waiting, "every one past its deadline (the demo's too)")
            let again = try await after.lapseUnanswered()
            XCTAssertEqual(again, 0, "once")
            let current = try await J.fresh(test, mediation)
            XCTAssertEqual(current.mediationState, .lapsed)
            let told = try await SMSOutboxModel.query(on: test.db).filter(\.$template == MediationAnswered.template).all()
            XCTAssertEqual(told.filter { $0.phone == DemoSeed.citizenPhone }.count, 1)
        }
    }

    func test_aReplyLinkOpensOnlyItsOwnParty_andANewLinkRetiresTheOld() async throws {
        try await withTestApp(now: J.monday) { test in
            let (_, mediation, key) = try await J.applied(test)
            let respondent = try await J.party(test, mediation, .respondent)
            let applicant = try await J.party(test, mediation, .applicant)
            let stranger = Browser(test)
            let wrongKey = try await stranger.post("/m/\(respondent.id!)/open", [("key", "not-the-key")])
            XCTAssertEqual(wrongKey.status, .notFound)
            let otherParty = try await stranger.post("/m/\(applicant.id!)/open", [("key", key)])
            XCTAssertEqual(otherParty.status, .notFound, "the respondent's key does not open the applicant's page")
            let nothing = try await stranger.get("/m/\(respondent.id!)")
            XCTAssertEqual(nothing.status, .notFound)
            let answer = try await stranger.post("/m/\(respondent.id!)/reply", [("answer", "refuse"), ("reason", "冒充")])
            XCTAssertEqual(answer.status, .notFound, "nobody answers for them")

            let mediator = Browser(test)
            try await mediator.login("tiaojie1", DemoSeed.staffPassword)
            try await J.act(mediator, mediation, .invite, [("party", respondent.id!.uuidString)], test: test)
            let old = try await Browser(test).post("/m/\(respondent.id!)/open", [("key", key)])
            XCTAssertEqual(old.status, .notFound, "the old link stops working")
            let current = try await J.fresh(test, mediation)
            XCTAssertEqual(current.mediationState, .awaitingReply, "nothing answered")
        }
    }

    // 人民调解工作若干规定: a mediation generally ends within one month of acceptance; the list warns
    // a week before and once it is over; one extension with a reason moves the day.
    func test_theOneMonthPeriod_warnsAWeekBefore_andWhenOver_andAnExtensionMovesIt() async throws {
        try await withTestApp(now: J.monday) { test in
            let (_, mediation, mediator) = try await J.accepted(test)
            var current = try await J.fresh(test, mediation)
            XCTAssertEqual(current.dueOn, "2027-01-07", "one month from acceptance on 7 December")
            let tiaojie1 = try await test.account("tiaojie1")
            func listed(_ due: MediationService.Due, on day: String) async throws -> [String] {
                let service = MediationService(scope: ServiceScope(db: test.db, services: test.app.fayuan, now: chinaNoon(day)))
                return try await service.list(for: tiaojie1, state: nil, due: due, page: ListPage(number: 1, size: 50)).items.map(\.number)
            }
            let early = try await listed(.soon, on: "2026-12-30")
            XCTAssertFalse(early.contains(mediation.number), "not yet: eight days left")
            let soon = try await listed(.soon, on: "2026-12-31")
            XCTAssertTrue(soon.contains(mediation.number), "a week before")
            let onTheDay = try await listed(.overdue, on: "2027-01-07")
            XCTAssertFalse(onTheDay.contains(mediation.number), "the last day is still within the period")
            let over = try await listed(.overdue, on: "2027-01-08")
            XCTAssertTrue(over.contains(mediation.number))

            try await J.act(mediator, mediation, .extend, [("reason", "双方需要时间筹款")], test: test)
            current = try await J.fresh(test, mediation)
            XCTAssertEqual(current.dueOn, "2027-02-08", "extended once, by a month; 7 February 2027 is a Sunday, so the next working day (民法典 第203条)")
            let afterExtension = try await listed(.overdue, on: "2027-01-08")
            XCTAssertFalse(afterExtension.contains(mediation.number))
            let twice = try await J.act(mediator, mediation, .extend, [("reason", "还要再延长")], test: test)
            XCTAssertEqual(twice.status, .conflict)
            XCTAssertTrue(twice.contains("调解期限只能延长一次"))

            test.clock.set(chinaNoon("2027-02-09"))
            let late = Browser(test)
            try await late.login("tiaojie1", DemoSeed.staffPassword)
            let page = try await late.get("/mediations")
            XCTAssertTrue(page.contains("已超过调解期限"), "the committee's list says so first")
            let overdueList = try await late.get("/mediations?due=overdue")
            XCTAssertTrue(overdueList.contains(mediation.number))
        }
    }

    // For someone a text may not reach: a printed invitation, whose code replaces the SMS link.
    func test_aPrintedInvitation_carriesANewLinkForTheOtherSideOnly() async throws {
        try await withTestApp(now: J.monday, adjust: { $0.publicURL = "https://fayuan.example.gov.cn" }) { test in
            let (_, mediation, key) = try await J.applied(test)
            let respondent = try await J.party(test, mediation, .respondent)
            let applicant = try await J.party(test, mediation, .applicant)
            let mediator = Browser(test)
            try await mediator.login("tiaojie1", DemoSeed.staffPassword)
            let notApplicant = try await J.act(mediator, mediation, .notice, [("party", applicant.id!.uuidString)], test: test)
            XCTAssertEqual(notApplicant.status, .conflict, "the applicant is not invited")
            let notice = try await J.act(mediator, mediation, .notice, [("party", respondent.id!.uuidString)], test: test)
            XCTAssertEqual(notice.status, .ok)
            XCTAssertTrue(notice.contains("人民调解邀请通知书") && notice.contains("楼上王某：") && notice.contains("2026年12月14日"))
            XCTAssertTrue(notice.contains("class=\"qr\""), "a code to scan (its content is decoded in the browser journey)")
            let old = try await Browser(test).post("/m/\(respondent.id!)/open", [("key", key)])
            XCTAssertEqual(old.status, .notFound, "the SMS link gave way to the printed one")
            let steps = try await MediationStepModel.query(on: test.db).filter(\.$mediationID == mediation.id!).filter(\.$event == "notice").count()
            XCTAssertEqual(steps, 1)
        }
    }

    func test_twoMediatorsActingAtOnce_theSecondIsToldAndNothingIsLost() async throws {
        try await withTestApp(now: J.monday) { test in
            let (_, mediation, key) = try await J.applied(test)
            _ = try await J.respondentAccepts(test, mediation, key: key)
            let first = Browser(test), second = Browser(test)
            try await first.login("tiaojie1", DemoSeed.staffPassword)
            try await second.login("tiaojie2", DemoSeed.staffPassword)
            let drawnOn = try await J.fresh(test, mediation).version
            let one = try await test.account("tiaojie1"), two = try await test.account("tiaojie2")
            try await first.get("/mediations/\(mediation.id!)")
            try await second.get("/mediations/\(mediation.id!)")
            let won = try await first.post("/mediations/\(mediation.id!)/assign", [("mediator", one.id!.uuidString), ("version", String(drawnOn))])
            let lost = try await second.post("/mediations/\(mediation.id!)/assign", [("mediator", two.id!.uuidString), ("version", String(drawnOn))])
            XCTAssertEqual(won.status, .seeOther)
            XCTAssertEqual(lost.status, .conflict)
            XCTAssertTrue(lost.contains("刚刚被他人处理过"))
            let current = try await J.fresh(test, mediation)
            XCTAssertEqual(current.mediatorAccountID, one.id, "the first one stands")
            let steps = try await MediationStepModel.query(on: test.db).filter(\.$mediationID == mediation.id!).filter(\.$event == "assign").count()
            XCTAssertEqual(steps, 1, "no half-written step for the refused one")
        }
    }

    // 第24条: a party may ask for the mediator's recusal; the same one is never assigned again.
    func test_aRecusedMediatorStepsDown_andIsNotAssignedAgain() async throws {
        try await withTestApp(now: J.monday) { test in
            let (_, mediation, mediator) = try await J.accepted(test, mediator: "tiaojie2")
            let one = try await test.account("tiaojie1")
            try await J.act(mediator, mediation, .assign, [("mediator", one.id!.uuidString)], test: test)
            let noReason = try await J.act(mediator, mediation, .recuse, [("reason", " ")], test: test)
            XCTAssertEqual(noReason.status, .conflict)
            try await J.act(mediator, mediation, .recuse, [("reason", "刘调解与被申请人是亲戚")], test: test)
            var current = try await J.fresh(test, mediation)
            XCTAssertEqual(current.mediationState, .accepted)
            XCTAssertNil(current.mediatorAccountID)
            let again = try await J.act(mediator, mediation, .assign, [("mediator", one.id!.uuidString)], test: test)
            XCTAssertEqual(again.status, .unprocessableEntity)
            XCTAssertTrue(again.contains("回避"))
            let page = try await mediator.get("/mediations/\(mediation.id!)")
            XCTAssertFalse(page.contains("<option value=\"\(one.id!.uuidString)\""), "not offered again")
            let two = try await test.account("tiaojie2")
            XCTAssertTrue(page.contains("<option value=\"\(two.id!.uuidString)\""), "another is")
            current = try await J.fresh(test, mediation)
            XCTAssertEqual(current.recused, [one.id!])
        }
    }

    // 第29条: a change after a signature is a new version that everyone signs again.
    func test_anAgreementChangedAfterASignature_isANewVersionEveryoneSignsAgain() async throws {
        try await withTestApp(now: J.monday) { test in
            let (_, mediation, mediator) = try await J.accepted(test, mediator: "tiaojie1")
            let me = try await test.account("tiaojie1")
            try await J.act(mediator, mediation, .assign, [("mediator", me.id!.uuidString)], test: test)
            let facts = ("agreementFacts", "楼上卫生间漏水致楼下天花板发霉。")
            try await J.act(mediator, mediation, .agreement, [facts, ("terms", "王某赔偿1500元。")], test: test)
            try await J.act(mediator, mediation, .sign, [("signatory", me.id!.uuidString), ("method", "mediator")], test: test)
            try await J.act(mediator, mediation, .agreement, [facts, ("terms", "王某赔偿1800元。")], test: test)
            let versions = try await MediationAgreementModel.query(on: test.db).filter(\.$mediationID == mediation.id!).sort(\.$version).all()
            XCTAssertEqual(versions.map(\.version), [1, 2])
            XCTAssertEqual(versions.map(\.superseded), [true, false])
            XCTAssertEqual(versions[0].terms, "王某赔偿1500元。", "the signed version is kept as it was")
            let signedOnNew = try await MediationSignatureModel.query(on: test.db).filter(\.$agreementID == versions[1].id!).count()
            XCTAssertEqual(signedOnNew, 0, "everyone signs the new version again")
            let page = try await mediator.get("/mediations/\(mediation.id!)")
            XCTAssertTrue(page.contains("第2版") && page.contains("1800"))
        }
    }

    // A mediation held remotely: a party signs on their own phone, once, with their own code.
    func test_aPartySignsOnTheirOwnPage_withTheCodeTheirPhoneReceived_once() async throws {
        try await withTestApp(now: J.monday) { test in
            let (citizen, mediation, mediator) = try await J.accepted(test, mediator: "tiaojie1")
            let me = try await test.account("tiaojie1")
            try await J.act(mediator, mediation, .assign, [("mediator", me.id!.uuidString)], test: test)
            let applicant = try await J.party(test, mediation, .applicant)
            let before = try await citizen.get("/m/\(applicant.id!)")
            XCTAssertFalse(before.contains("在协议上签名"), "nothing to sign yet")
            try await J.act(mediator, mediation, .agreement, [("agreementFacts", "楼上卫生间漏水致楼下天花板发霉。"), ("terms", "王某赔偿1500元。")], test: test)
            let page = try await citizen.get("/m/\(applicant.id!)")
            XCTAssertTrue(page.contains("在协议上签名") && page.contains("王某赔偿1500元"))
            try await citizen.post("/m/\(applicant.id!)/code", [])
            let code = try await J.lastCode(test, to: DemoSeed.citizenPhone)
            let version = try await J.fresh(test, mediation).version
            let wrong = try await citizen.post("/m/\(applicant.id!)/sign", [("code", code == "000000" ? "111111" : "000000"), ("version", String(version))])
            XCTAssertEqual(wrong.status, .unprocessableEntity)
            XCTAssertTrue(wrong.contains("验证码不正确"))
            let signed = try await citizen.post("/m/\(applicant.id!)/sign", [("code", code), ("version", String(version))])
            XCTAssertEqual(signed.status, .seeOther, signed.body)
            let signatures = try await MediationSignatureModel.query(on: test.db).all()
            XCTAssertEqual(signatures.map(\.signatoryID), [applicant.id!], "their own signature, and only theirs")
            let after = try await citizen.get("/m/\(applicant.id!)")
            XCTAssertFalse(after.contains("确认签名"), "signed once; the form is gone")
            try await citizen.post("/m/\(applicant.id!)/code", [])
            let again = try await citizen.post("/m/\(applicant.id!)/sign", [("code", try await J.lastCode(test, to: DemoSeed.citizenPhone)),
                                                                             ("version", String(try await J.fresh(test, mediation).version))])
            XCTAssertEqual(again.status, .conflict, "a party signs once")
        }
    }

    func test_aLawyersAidCaseWhoseRecipientConsentedIsReferred_withWhatIsAlreadyKnown() async throws {
        try await withTestApp(now: J.monday) { test in
            let application = try await test.applicationAwaitingDecision(name: "调解测试", sequence: 47, byCitizen: true)
            try await test.decide(application, approve: true)
            let record = try await test.legalAidCase(of: application)
            let reviewer = try await test.staffBrowser("shencha")
            let assigned = try await reviewer.post("/cases/\(record.id!.uuidString)/actions/assignLawyer",
                                                   [("version", "0"), ("lawyerID", try await test.account("lvshi1").id!.uuidString)])
            XCTAssertEqual(assigned.status, .seeOther)
            let aidCase = try await test.legalAidCase(of: application)
            let browser = Browser(test)
            try await browser.login("lvshi1", DemoSeed.staffPassword)
            let before = try await browser.get("/mediations/new?case=\(aidCase.id!)")
            XCTAssertEqual(before.status, .conflict, "not before the recipient has agreed to try mediation")
            let consent = try await browser.post("/cases/\(aidCase.id!)/mediation", [("consent", "consented"), ("how", "电话确认")])
            XCTAssertEqual(consent.status, .seeOther, consent.body)
            let casePage = try await browser.get("/cases/\(aidCase.id!)")
            XCTAssertTrue(casePage.contains("/mediations/new?case=\(aidCase.id!)"), "the case page leads there")
            let page = try await browser.get("/mediations/new?case=\(aidCase.id!)")
            XCTAssertEqual(page.status, .ok)
            let name = application.form.applicant.name
            XCTAssertTrue(page.contains("value=\"\(name)\""), "the applicant's name is already filled in")
            XCTAssertTrue(page.contains("<option value=\"legalAidCase\" selected>"))
            let other = Browser(test)
            try await other.login("lvshi2", DemoSeed.staffPassword)
            let refused = try await other.get("/mediations/new?case=\(aidCase.id!)")
            XCTAssertEqual(refused.status, .notFound, "only someone who may read the case starts from it")
        }
    }

    func test_aFailedMediationBecomesALegalAidApplication_prefilledFromTheMediation() async throws {
        try await withTestApp(now: J.monday) { test in
            let (_, mediation, mediator) = try await J.accepted(test, mediator: "tiaojie1")
            let early = try await J.act(mediator, mediation, .application, [("point", UUID().uuidString)], test: test)
            XCTAssertEqual(early.status, .conflict, "not while the mediation runs")
            try await J.act(mediator, mediation, .fail, [("reason", "双方对赔偿金额分歧太大")], test: test)
            let page = try await mediator.get("/mediations/\(mediation.id!)")
            XCTAssertTrue(page.contains("向人民法院起诉") && page.contains("转为法律援助申请"))
            let point = try await test.organisation("幸福街道幸福一社区法律援助联系点")
            let filed = try await J.act(mediator, mediation, .application, [("point", point.id!.uuidString)], test: test)
            XCTAssertEqual(filed.status, .seeOther, filed.body)
            let draft = try await ApplicationModel.query(on: test.db).filter(\.$channel == "mediation").first()
            let application = try XCTUnwrap(draft)
            XCTAssertEqual(application.form.applicant.name, "李示例")
            XCTAssertEqual(application.form.matter.opposingParty, "楼上王某")
            XCTAssertTrue(application.form.matter.facts.contains("楼上卫生间漏水"))
            let owner = try await test.account(DemoSeed.citizenPhone)
            XCTAssertEqual(application.ownerAccountID, owner.id, "the applicant finishes it in their own account")
        }
    }

    func test_anEmptyApplication_namesEveryMissingField_andStoresNothing() async throws {
        try await withTestApp(now: J.monday) { test in
            let citizen = Browser(test)
            try await citizen.login(DemoSeed.citizenPhone, DemoSeed.citizenPassword)
            try await citizen.get("/disputes/apply")
            let before = try await MediationModel.query(on: test.db).count()
            let page = try await citizen.post("/disputes/apply", [("applicantName", "李示例"), ("applicantPhone", "123"), ("facts", "短")])
            XCTAssertEqual(page.status, .unprocessableEntity)
            for message in ["请选择纠纷类型", "纠纷经过请写", "请写明希望通过调解解决什么", "申请人的手机号应为11位数字", "请填写对方当事人的姓名", "请选择对方（或您自己）所在的村（社区）"] {
                XCTAssertTrue(page.contains(message), message)
            }
            XCTAssertTrue(page.contains("value=\"李示例\""), "what was typed stays")
            let stored = try await MediationModel.query(on: test.db).count()
            XCTAssertEqual(stored, before, "nothing stored")
        }
    }

    // 第25条: a dispute at risk of escalating is seen at once by the supervisor, until followed up.
    func test_anEscalationFlag_isSeenAtOnceByTheSupervisor_untilItsFollowUpIsRecorded() async throws {
        try await withTestApp(now: J.monday) { test in
            let (_, mediation, _) = try await J.applied(test)
            let mediator = Browser(test)
            try await mediator.login("tiaojie1", DemoSeed.staffPassword)
            let none = try await J.act(mediator, mediation, .flag, [], test: test)
            XCTAssertEqual(none.status, .unprocessableEntity)
            try await J.act(mediator, mediation, .flag, [("risks", "threats"), ("risks", "repeatedVisits"), ("note", "王某扬言报复")], test: test)
            let supervisor = Browser(test)
            try await supervisor.login("jiandu", DemoSeed.staffPassword)
            let flagged = try await supervisor.get("/mediations?flagged=1")
            XCTAssertTrue(flagged.contains(mediation.number), "the bureau sees it at once")
            XCTAssertTrue(flagged.contains("风险预警"))
            let detail = try await supervisor.get("/mediations/\(mediation.id!)")
            XCTAssertTrue(detail.contains("扬言报复或威胁"))
            XCTAssertFalse(detail.contains("/unflag\""), "the supervisor reads; the committee acts")
            try await J.act(mediator, mediation, .unflag, [("followUp", "已联系社区民警，双方情绪稳定")], test: test)
            let after = try await supervisor.get("/mediations?flagged=1")
            XCTAssertFalse(after.contains(mediation.number))
            let other = Browser(test)
            try await other.login("tiaojie3", DemoSeed.staffPassword)
            let elsewhere = try await other.get("/mediations/\(mediation.id!)")
            XCTAssertEqual(elsewhere.status, .notFound, "another committee's mediator does not see it")
        }
    }

    func test_theFigures_countMediationsByCommitteeAndMonth() async throws {
        try await withTestApp(now: J.monday) { test in
            let (_, mediation, _) = try await J.applied(test)
            let figures = try await test.app.figures(from: chinaNoon("2026-12-01"), to: chinaNoon("2027-01-01"), on: test.db)
            let started = figures.filter { $0.name == "mediation.started" }
            let stored = try await MediationModel.query(on: test.db).all()
            let byCommittee = Dictionary(grouping: stored, by: \.committeeID).mapValues(\.count)
            XCTAssertEqual(Dictionary(uniqueKeysWithValues: started.map { ($0.organisationID, $0.count) }), byCommittee)
            XCTAssertEqual(Set(started.map(\.month)), ["2026-12"])
            XCTAssertTrue(started.contains { $0.organisationID == mediation.committeeID })
        }
    }
}

/// The consultation desk's door: a conversation closed as "referred to mediation" is registered
/// with what the person already said.
final class MediationFromConsultationTests: XCTestCase {
    func test_aConsultationReferredToMediation_isRegisteredWithWhatThePersonAlreadySaid() async throws {
        try await withTestApp(now: MediationJourneyTests.monday) { test in
            let staff = try await test.account("shencha")
            let consultation = ConsultationModel()
            consultation.channel = ConsultationChannel.live.rawValue
            consultation.topic = ConsultationTopic.tort.rawValue
            consultation.state = ConsultationState.closed.rawValue
            consultation.version = 3
            consultation.deskID = try await test.organisation("示范区法律援助中心").id!
            consultation.askerName = "周女士"
            consultation.askerAccountID = try await test.account(DemoSeed.citizenPhone).id
            consultation.phone = "13900000055"
            consultation.responsibleAccountID = staff.id
            consultation.handledBy = [staff.id!]
            consultation.queuedAt = test.clock.now()
            consultation.callbackAttempts = 0
            consultation.messageCount = 1
            consultation.outcome = "referred.mediation"
            try await consultation.create(on: test.db)
            let said = ConsultationMessageModel()
            said.consultationID = consultation.id!
            said.seq = 1
            said.author = ConsultationMessageModel.Author.asker.rawValue
            said.authorName = "周女士"
            said.body = "邻居家的狗总在楼道里叫，还咬伤过我孩子，怎么办？"
            said.at = test.clock.now()
            try await said.create(on: test.db)

            let desk = try await test.staffBrowser("shencha")
            let conversation = try await desk.get("/consult/\(consultation.id!)")
            XCTAssertTrue(conversation.contains("/mediations/new?consultation=\(consultation.id!)"), "the closed conversation leads there")
            let page = try await desk.get("/mediations/new?consultation=\(consultation.id!)")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.contains("value=\"周女士\"") && page.contains("value=\"13900000055\"") && page.contains("咬伤过我孩子"))
            XCTAssertTrue(page.contains("<option value=\"consultation\" selected>"))
            let place = try await MediationJourneyTests.xingfuYi(test).id!
            let sent = try await desk.post("/mediations/new", [("source", "consultation"), ("sourceRef", consultation.id!.uuidString), ("type", "neighbour"),
                                                               ("applicantName", "周女士"), ("applicantPhone", "13900000055"), ("respondentName", "邻居赵某"),
                                                               ("respondentPlace", place.uuidString), ("facts", "邻居家的狗总在楼道里叫，还咬伤过我孩子。"),
                                                               ("claims", "请对方拴好狗并赔偿医药费")])
            XCTAssertEqual(sent.status, .ok, "the desk is told where it went (it cannot open the committee's record)")
            XCTAssertTrue(sent.contains("幸福一社区人民调解委员会"))
            let stored = try await MediationModel.query(on: test.db).filter(\.$source == "consultation").first()
            XCTAssertEqual(stored?.mediationSource, .consultation)
            XCTAssertEqual(stored?.sourceRef, consultation.id)
            XCTAssertEqual(stored?.mediationState, .awaitingReply, "no number for the other side: the mediator tells them in person")
            let owner = try await test.account(DemoSeed.citizenPhone)
            XCTAssertEqual(stored?.applicantAccountID, owner.id, "the asker follows it in their own account")
            let citizen = Browser(test)
            try await citizen.login(DemoSeed.citizenPhone, DemoSeed.citizenPassword)
            let mine = try await citizen.get("/disputes/mine")
            XCTAssertTrue(mine.contains(stored?.number ?? "—"))

            // Someone who may not read the consultation cannot tie a mediation to its asker.
            let before = try await MediationModel.query(on: test.db).count()
            let mediator = try await test.staffBrowser("tiaojie3")
            try await mediator.get("/mediations/new")
            let refused = try await mediator.post("/mediations/new", [("source", "consultation"), ("sourceRef", consultation.id!.uuidString), ("type", "neighbour"),
                                                                      ("applicantName", "周女士"), ("applicantPhone", "13900000055"), ("respondentName", "邻居赵某"),
                                                                      ("respondentPlace", place.uuidString), ("facts", "邻居家的狗总在楼道里叫，还咬伤过我孩子。"),
                                                                      ("claims", "请对方拴好狗")])
            XCTAssertEqual(refused.status, .notFound)
            let after = try await MediationModel.query(on: test.db).count()
            XCTAssertEqual(after, before, "nothing stored")
        }
    }
}
