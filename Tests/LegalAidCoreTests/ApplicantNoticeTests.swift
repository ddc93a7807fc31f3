import XCTest
@testable import LegalAidCore

/// What the applicant and staff are told next: said once, true for how the case began,
/// and addressed to the right reader.
final class ApplicantNoticeTests: XCTestCase {
    private func notice(_ kind: ApplicationEventKind, to state: ApplicationState, aidAlreadyGiven: Bool = false) -> Notice? {
        let transition = Transition(from: .awaitingDecision, to: state, event: kind, actorID: UUID(), at: noon("2026-03-02"),
                                    payload: ["supplyBy": "2026-03-17"])
        return ApplicantNotice.forTransition(transition, applicationNumber: "FY2026-000001", aidAlreadyGiven: aidAlreadyGiven)
    }

    private func sentences(_ text: String) -> [String] {
        text.split(whereSeparator: { "。；，".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func test_noMessageSaysTheSameThingTwice() {
        for kind in ApplicationEventKind.allCases {
            guard let message = notice(kind, to: .approved) else { continue }
            let parts = sentences(message.body!)
            XCTAssertEqual(parts.count, Set(parts).count, "\(kind): \(message.body)")
            XCTAssertFalse(message.body!.contains("下方"), "a message has nothing below it: \(kind)")
        }
    }

    func test_anApplicationStepsFollowOn_isItsDocumentsAndTheApplicantsNotice_asACaseStepsIs() {
        let approval = Transition(from: .awaitingDecision, to: .approved, event: .approve, actorID: UUID(), at: noon("2026-03-02"),
                                  documents: [.grantDecision])
        let followOn = approval.followOn(applicationNumber: "FY2026-000001")
        XCTAssertEqual(followOn.documents, [.grantDecision])
        XCTAssertEqual(followOn.notice, ApplicantNotice.forTransition(approval, applicationNumber: "FY2026-000001"))
        let internalStep = Transition(from: .underReview, to: .awaitingDecision, event: .fileReview, actorID: UUID(), at: noon("2026-03-02"))
        XCTAssertNil(internalStep.followOn(applicationNumber: "FY2026-000001").notice, "a step inside the centre tells nobody")
    }

    func test_approvalPromisesAssignmentWithinThreeDays_art43() {
        XCTAssertTrue(notice(.approve, to: .approved)!.body!.contains("3日内指派律师"))
    }

    func test_approvalAfterUrgentAidSaysThePaperworkIsDoneNotThatALawyerWillBeAssigned_art44() {
        let body = notice(.approve, to: .approved, aidAlreadyGiven: true)!.body!
        XCTAssertFalse(body.contains("3日内"))
        XCTAssertTrue(body.contains("补办手续已经完成"))
    }

    func test_smsCarriesNoNextStepDetailsButPointsToTheLookup() {
        let sms = notice(.deny, to: .denied)!.sms
        XCTAssertTrue(sms.hasPrefix("【法援在线】"))
        XCTAssertTrue(sms.contains("查询进度"))
    }

    func test_urgentAidNextStepIsTheSameDayNotThreeDays_art44() {
        let urgent = CaseState.awaitingAssignment.applicantNextStep(origin: .urgent)
        XCTAssertFalse(urgent.contains("3日"))
        XCTAssertTrue(urgent.contains("当日指派"))
        XCTAssertTrue(CaseState.awaitingAssignment.applicantNextStep(origin: .decision).contains("自决定之日起3日内"))
        XCTAssertTrue(CaseState.awaitingAssignment.applicantNextStep(origin: .notification).contains("收到通知之日起3日内"))
    }

    func test_staffAreNotAddressedAsTheApplicant() {
        for state in ApplicationState.allCases {
            XCTAssertFalse(state.staffNextStep.contains("您"), "\(state): \(state.staffNextStep)")
        }
        for state in CaseState.allCases {
            for origin in CaseOrigin.allCases {
                XCTAssertFalse(state.staffNextStep(origin: origin).contains("您"), "\(state)")
            }
        }
    }
}

/// A second application by the same person about the same matter within days is flagged.
final class DuplicateApplicationTests: XCTestCase {
    func test_sameMatterWithinThirtyDaysIsFlagged() {
        let earlier = [DuplicateApplication.Earlier(number: "FY2026-000001", matter: .labourWages, submittedAt: noon("2026-03-01"))]
        XCTAssertEqual(DuplicateApplication.likelyRepeatOf(matter: .labourWages, submittedAt: noon("2026-03-01").addingTimeInterval(2), among: earlier)?.number,
                       "FY2026-000001")
        XCTAssertEqual(DuplicateApplication.likelyRepeatOf(matter: .labourWages, submittedAt: noon("2026-03-31"), among: earlier)?.number, "FY2026-000001")
    }

    func test_anotherMatterOrAnOldApplicationIsNotFlagged() {
        let earlier = [DuplicateApplication.Earlier(number: "FY2026-000001", matter: .labourWages, submittedAt: noon("2026-03-01"))]
        XCTAssertNil(DuplicateApplication.likelyRepeatOf(matter: .divorce, submittedAt: noon("2026-03-02"), among: earlier))
        XCTAssertNil(DuplicateApplication.likelyRepeatOf(matter: .labourWages, submittedAt: noon("2026-04-15"), among: earlier))
    }
}
