import XCTest
@testable import LegalAidCore

/// The case after the decision (法律援助法 第26、36、43、44、48–50条).
final class CaseWorkflowTests: XCTestCase {
    let now = noon("2026-03-02")
    let wages = AssignmentNeeds(matter: .labourWages)

    func lawyer(_ name: String, open: Int = 0, years: Int = 5, criminal: Int = 0, specialities: Set<MatterType> = [], id: UUID = UUID()) -> LawyerCandidate {
        LawyerCandidate(id: id, name: name, firmID: nil, openCases: open, practiceYears: years, criminalPracticeYears: criminal, specialities: specialities)
    }

    func test_fullLifeFromAssignmentToReturnVisit() throws {
        var state = CaseState.awaitingAssignment
        let steps: [(CaseEvent, Role, CaseState)] = [
            (.assignLawyer(lawyer("秦"), needs: wages), .centreReviewer, .inProgress),
            (.fileClosingReport(outcome: "调解结案，追回工资两万元"), .lawyer, .closingReported),
            (.close, .centreReviewer, .closed),
            (.reviewQuality(.good, remarks: "材料齐全"), .centreReviewer, .qualityReviewed),
            (.recordReturnVisit(satisfaction: 5, comments: "满意"), .centreReviewer, .followedUp),
        ]
        for (event, role, expected) in steps {
            state = try CaseWorkflow.apply(event, in: state, by: actor(role), at: now).get().to
            XCTAssertEqual(state, expected, event.kind.rawValue)
        }
        XCTAssertTrue(state.isTerminal)
    }

    func test_firmNamesTheLawyerAfterAssignment() throws {
        let firm = try CaseWorkflow.apply(.assignFirm(firmID: UUID()), in: .awaitingAssignment, by: actor(.centreDirector), at: now).get()
        XCTAssertEqual(firm.to, .awaitingFirmNomination)
        let named = try CaseWorkflow.apply(.nominateLawyer(lawyer("许"), needs: wages), in: .awaitingFirmNomination, by: actor(.lawyer), at: now).get()
        XCTAssertEqual(named.to, .inProgress)
    }

    func test_lifeOrDeathCasesNeedThreeYearsCriminalPractice_art26() {
        let needs = AssignmentNeeds(matter: .criminalDefence, possibleLifeOrDeathSentence: true)
        let junior = lawyer("新", criminal: 2)
        XCTAssertEqual(CaseWorkflow.apply(.assignLawyer(junior, needs: needs), in: .awaitingAssignment, by: actor(.centreReviewer), at: now),
                       .failure(.assignment(.needsThreeYearsCriminalPractice(lawyer: "新"))))
        XCTAssertNoThrow(try CaseWorkflow.apply(.assignLawyer(lawyer("老", criminal: 3), needs: needs), in: .awaitingAssignment,
                                                by: actor(.centreReviewer), at: now).get())
    }

    func test_aSecondClosingReportIsRefused_art50() {
        let result = CaseWorkflow.apply(.fileClosingReport(outcome: "再次报告"), in: .closingReported, by: actor(.lawyer), at: now)
        XCTAssertEqual(result, .failure(.illegal(from: .closingReported, event: .fileClosingReport)))
    }

    func test_terminationNeedsAGroundAndTheDirector_art48() {
        let byReviewer = CaseWorkflow.apply(.terminate(.ownLawyerHired, explanation: "自行委托律师"), in: .inProgress, by: actor(.centreReviewer), at: now)
        XCTAssertEqual(byReviewer, .failure(.roleNotPermitted(event: .terminate)))
        let result = CaseWorkflow.apply(.terminate(.ownLawyerHired, explanation: "受援人自行委托律师"), in: .inProgress, by: actor(.centreDirector), at: now)
        XCTAssertEqual(try result.get().payload["ground"], "ownLawyerHired")
    }

    func test_returnVisitSatisfactionIsOneToFive() {
        let result = CaseWorkflow.apply(.recordReturnVisit(satisfaction: 6, comments: ""), in: .qualityReviewed, by: actor(.centreReviewer), at: now)
        XCTAssertEqual(result, .failure(.missingField(field: "satisfaction", message: "满意度请在1到5分之间选择")))
    }

    func test_assignmentIsDueThreeDaysAfterTheDecision_art43() {
        // Decided Thursday 2026-09-24: day 3 is Sunday 09-27 (中秋节) → Monday 09-28.
        XCTAssertEqual(Period.lastDay(ofCalendarDays: CaseWorkflow.assignmentPeriodDays, after: day("2026-09-24"), calendar: calendar2026), day("2026-09-28"))
    }

    func test_objectionIsDecidedWithinFiveDays_art49() {
        XCTAssertEqual(Period.lastDay(ofCalendarDays: CaseWorkflow.objectionPeriodDays, after: day("2026-03-02"), calendar: calendar2026), day("2026-03-09"))
    }

    func test_urgentAidOnlyUnderArticle44sConditions() {
        XCTAssertTrue(UrgentAid.allowed(daysToDeadline: 6, urgentPreservation: false))
        XCTAssertFalse(UrgentAid.allowed(daysToDeadline: 7, urgentPreservation: false))
        XCTAssertTrue(UrgentAid.allowed(daysToDeadline: nil, urgentPreservation: true))
        XCTAssertFalse(UrgentAid.allowed(daysToDeadline: nil, urgentPreservation: false))
    }

    func test_detainedRequestIsForwardedWithin24Hours_art39() {
        XCTAssertEqual(DetainedRequest.forwardingDue(receivedAt: now), now.addingTimeInterval(86_400))
    }
}

final class AssignmentFairnessTests: XCTestCase {
    func candidate(_ name: String, open: Int, criminal: Int = 0, specialities: Set<MatterType> = [], available: Bool = true, id: String) -> LawyerCandidate {
        LawyerCandidate(id: UUID(uuidString: id)!, name: name, firmID: nil, openCases: open, practiceYears: 5, criminalPracticeYears: criminal,
                        specialities: specialities, available: available)
    }

    lazy var a = candidate("甲", open: 2, id: "00000000-0000-0000-0000-00000000000A")
    lazy var b = candidate("乙", open: 1, id: "00000000-0000-0000-0000-00000000000B")
    lazy var c = candidate("丙", open: 1, id: "00000000-0000-0000-0000-00000000000C")

    func test_lightestLoadIsSuggested() throws {
        let suggestion = try Assignment.suggest([a, b], for: AssignmentNeeds(matter: .support), lastAssigned: nil).get()
        XCTAssertEqual(suggestion.lawyer.name, "乙")
    }

    func test_tiesRotateAfterTheLastAssigned() throws {
        let first = try Assignment.suggest([a, b, c], for: AssignmentNeeds(matter: .support), lastAssigned: nil).get()
        XCTAssertEqual(first.lawyer.name, "乙")
        let second = try Assignment.suggest([a, b, c], for: AssignmentNeeds(matter: .support), lastAssigned: b.id).get()
        XCTAssertEqual(second.lawyer.name, "丙")
        let wrapped = try Assignment.suggest([a, b, c], for: AssignmentNeeds(matter: .support), lastAssigned: c.id).get()
        XCTAssertEqual(wrapped.lawyer.name, "乙")
    }

    func test_matchingSpecialityCountsAsHalfACaseLess() throws {
        let specialist = candidate("丁", open: 2, specialities: [.workInjury], id: "00000000-0000-0000-0000-00000000000D")
        let generalist = candidate("戊", open: 2, id: "00000000-0000-0000-0000-00000000000E")
        XCTAssertEqual(try Assignment.suggest([generalist, specialist], for: AssignmentNeeds(matter: .workInjury), lastAssigned: nil).get().lawyer.name, "丁")
    }

    func test_preferredLawyerIsHonouredWhenEligible() throws {
        let needs = AssignmentNeeds(matter: .support, preferredLawyerID: a.id)
        XCTAssertEqual(try Assignment.suggest([a, b], for: needs, lastAssigned: nil).get().reason, "申请人指定的律师")
        let unavailable = candidate("甲", open: 0, available: false, id: "00000000-0000-0000-0000-00000000000A")
        XCTAssertEqual(try Assignment.suggest([unavailable, b], for: needs, lastAssigned: nil).get().lawyer.name, "乙")
    }

    func test_threeYearRuleFiltersTheSuggestion_art26() {
        let needs = AssignmentNeeds(matter: .criminalDefence, possibleLifeOrDeathSentence: true)
        XCTAssertEqual(Assignment.suggest([a, b], for: needs, lastAssigned: nil), .failure(.noEligibleLawyer))
        let senior = candidate("己", open: 9, criminal: 10, id: "00000000-0000-0000-0000-00000000000F")
        XCTAssertEqual(try Assignment.suggest([a, b, senior], for: needs, lastAssigned: nil).get().lawyer.name, "己")
    }

    func test_theCentreMayArrangeItsOwnStaffToHandleACase_art43() throws {
        let staff = UUID()
        let transition = try CaseWorkflow.apply(.assignCentreStaff(accountID: staff, name: "王审查"), in: .awaitingAssignment, by: actor(.centreDirector), at: noon("2026-03-02")).get()
        XCTAssertEqual(transition.to, .inProgress)
        XCTAssertEqual(transition.payload["staffID"], staff.uuidString)
        XCTAssertEqual(CaseWorkflow.apply(.assignCentreStaff(accountID: staff, name: "王审查"), in: .awaitingAssignment, by: actor(.lawyer), at: noon("2026-03-02")).map(\.to),
                       .failure(.roleNotPermitted(event: .assignCentreStaff)))
        // The staff handler files the closing report like a lawyer would (第50条).
        XCTAssertEqual(CaseWorkflow.apply(.fileClosingReport(outcome: "调解结案"), in: .inProgress, by: actor(.centreReviewer), at: noon("2026-03-02")).map(\.to), .success(.closingReported))
    }
}
