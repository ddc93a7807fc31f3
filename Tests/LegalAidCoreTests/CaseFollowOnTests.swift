import XCTest
@testable import LegalAidCore

/// What each case step issues and tells the applicant (第43、48条), decided in the domain.
final class CaseFollowOnTests: XCTestCase {
    private func followOn(_ event: CaseEventKind, _ payload: [String: String] = [:]) -> FollowOn {
        CaseTransition(from: .awaitingAssignment, to: .inProgress, event: event, at: Date(timeIntervalSince1970: 0), payload: payload)
            .followOn(applicationNumber: "FY2026-000001")
    }

    func test_everyWayOfAssigningIssuesTheNoticeAndTheLetterAndTellsTheApplicantWho_art43() {
        for event in [CaseEventKind.assignLawyer, .nominateLawyer, .changeLawyer, .assignCentreStaff] {
            let result = followOn(event, ["lawyer": "许丽"])
            XCTAssertEqual(result.documents, [.assignmentNotice, .officialLetter], "\(event)")
            XCTAssertEqual(result.notice?.template, LawyerAssigned.template)
            XCTAssertEqual(result.notice?.parameters["lawyer"], "许丽")
        }
    }

    func test_terminationIssuesADecisionAndTellsTheApplicant_art48() {
        XCTAssertEqual(followOn(.terminate), FollowOn(documents: [.terminationDecision], notice: Notice(AidTerminated(number: "FY2026-000001"))))
    }

    func test_transferSendsTheLetterAndNamesTheReceivingCentre() {
        let result = followOn(.transfer, ["toCentre": "邻区法律援助中心"])
        XCTAssertEqual(result.documents, [.transferLetter])
        XCTAssertEqual(result.notice?.parameters["centre"], "邻区法律援助中心")
    }

    func test_closingTellsTheApplicantAndIssuesNothing() {
        XCTAssertEqual(followOn(.close), FollowOn(notice: Notice(CaseClosed(number: "FY2026-000001"))))
    }

    func test_stepsInsideTheCentreIssueNothingAndTellNobody() {
        for event in [CaseEventKind.assignFirm, .fileClosingReport, .returnClosingReport, .reviewQuality, .recordReturnVisit, .reinstate] {
            XCTAssertEqual(followOn(event), FollowOn(), "\(event)")
        }
    }
}
