import MediationCore
import SpecSupport
import XCTest

/// 人民调解法 第17–33条 as the mediation's steps.
final class MediationWorkflowTests: XCTestCase {
    func step(_ event: MediationEvent, from state: MediationState, _ facts: MediationWorkflow.Facts = .init()) -> MediationState? {
        try? MediationWorkflow.apply(event, to: state, facts: facts).get()
    }

    // 第17条: 当事人一方明确拒绝调解的，不得调解.
    func test_theOtherSideIsAskedFirst_andMayRefuse_withTheReasonKept() {
        XCTAssertEqual(MediationWorkflow.start(.partyApplication, jointApplication: false), .awaitingReply)
        XCTAssertEqual(MediationWorkflow.start(.committeeInitiative, jointApplication: false), .awaitingReply)
        XCTAssertEqual(MediationWorkflow.start(.courtReferral, jointApplication: false), .awaitingReply)
        XCTAssertEqual(step(.otherSideRefuses(reason: "不同意调解，要起诉"), from: .awaitingReply), .refused)
        XCTAssertEqual(MediationWorkflow.apply(.otherSideRefuses(reason: "  "), to: .awaitingReply), .failure(.reasonRequired))
        XCTAssertEqual(step(.otherSideAccepts, from: .awaitingReply), .accepted)
    }

    func test_whenEveryPartyApplied_nobodyIsAsked() {
        XCTAssertEqual(MediationWorkflow.start(.partyApplication, jointApplication: true), .accepted)
    }

    func test_silencePastTheReplyDeadline_endsIt() {
        XCTAssertEqual(step(.replyDeadlinePassed, from: .awaitingReply), .lapsed)
        XCTAssertNil(step(.replyDeadlinePassed, from: .accepted), "an accepted mediation has no reply deadline")
    }

    // 第24条: a party may ask for another mediator; the replacement is assigned the same way.
    func test_aMediatorIsAssigned_andMayBeReplaced() {
        XCTAssertEqual(step(.assignMediator, from: .accepted), .mediating)
        XCTAssertEqual(step(.assignMediator, from: .mediating), .mediating)
        XCTAssertNil(step(.assignMediator, from: .awaitingReply), "not before the other side has agreed")
    }

    // 第24条 (回避): the objected mediator steps down, with the reason kept, until another is assigned.
    func test_aRecusedMediatorStepsDown_withTheReason() {
        XCTAssertEqual(step(.recuse(reason: "调解员是对方亲戚"), from: .mediating), .accepted)
        XCTAssertEqual(MediationWorkflow.apply(.recuse(reason: " "), to: .mediating), .failure(.reasonRequired))
        XCTAssertNil(step(.recuse(reason: "亲戚"), from: .accepted), "nobody to recuse yet")
    }

    // 第29条: effective when every party and the mediator have signed and the committee has sealed.
    func test_anAgreementEndsItOnlyOnceItHasTakenEffect() {
        XCTAssertEqual(MediationWorkflow.apply(.agreementTakesEffect, to: .mediating), .failure(.agreementNotEffective))
        XCTAssertEqual(step(.agreementTakesEffect, from: .mediating, .init(agreementEffective: true)), .agreed)
    }

    // 第26条: 调解不成的，应当终止调解，并告知当事人其他途径.
    func test_aFailedMediationEnds_withItsReason_andTheRoutesStillOpen() {
        XCTAssertEqual(step(.fail(reason: "双方对赔偿数额分歧过大"), from: .mediating), .failed)
        XCTAssertEqual(MediationWorkflow.apply(.fail(reason: ""), to: .mediating), .failure(.reasonRequired))
        XCTAssertTrue(MediationState.failed.endedUnsettled)
        let labour = RoutesStillOpen.routes(for: .labour).map(\.title)
        XCTAssertEqual(labour.first, "申请劳动争议仲裁")
        XCTAssertTrue(labour.contains("申请法律援助"))
        XCTAssertFalse(RoutesStillOpen.routes(for: .neighbour).map(\.title).contains("申请劳动争议仲裁"))
    }

    // 第31条: the committee follows up performance; the file closes after the return visit.
    func test_theFileClosesOnlyAfterTheReturnVisit() {
        XCTAssertEqual(MediationWorkflow.apply(.close, to: .agreed), .failure(.returnVisitMissing))
        XCTAssertEqual(step(.close, from: .agreed, .init(returnVisitRecorded: true)), .closed)
    }

    func test_nothingFollowsAnEnd() {
        for state in MediationState.allCases where state.isFinal {
            for event: MediationEvent in [.otherSideAccepts, .assignMediator, .agreementTakesEffect, .fail(reason: "x"), .withdraw(reason: "x"), .close] {
                XCTAssertNil(step(event, from: state, .init(agreementEffective: true, returnVisitRecorded: true)), "\(state) → \(event.name)")
            }
        }
    }

    // 第23条: a party may ask to stop at any time before the agreement.
    func test_aPartyMayStopItBeforeTheAgreement_butNotAfter() {
        for state: MediationState in [.awaitingReply, .accepted, .mediating] {
            XCTAssertEqual(step(.withdraw(reason: "已自行和解"), from: state), .withdrawn)
        }
        XCTAssertNil(step(.withdraw(reason: "反悔"), from: .agreed))
    }
}
