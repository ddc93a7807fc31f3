import XCTest
@testable import LegalAidCore

/// The application workflow (DOMAIN §3; 法律援助法 第38–43条; seed 000), one row per legal move.
final class WorkflowTests: XCTestCase {
    let owner = UUID()
    let now = noon("2026-03-02")
    let future = day("2026-03-20")

    struct Row {
        var from: ApplicationState
        var event: ApplicationEvent
        var role: Role
        var to: ApplicationState
        var documents: [DocumentKind] = []
    }

    var legalMoves: [Row] {
        [
            Row(from: .draft, event: .submit, role: .citizen, to: .submitted, documents: [.applicationForm]),
            Row(from: .draft, event: .submit, role: .communityStaff, to: .submitted, documents: [.applicationForm]),
            Row(from: .submitted, event: .requestMaterials(.init(items: ["工资欠条"], supplyBy: future)), role: .workstationStaff,
                to: .preReviewMaterialsRequested, documents: [.materialsNotice]),
            Row(from: .submitted, event: .requestMaterials(.init(items: ["残疾证"], supplyBy: future)), role: .liaisonStaff,
                to: .preReviewMaterialsRequested, documents: [.materialsNotice]),
            Row(from: .preReviewMaterialsRequested, event: .supplyMaterials(note: "已上传"), role: .citizen, to: .submitted),
            Row(from: .preReviewMaterialsRequested, event: .supplyMaterials(note: "已收到"), role: .communityStaff, to: .submitted),
            Row(from: .submitted, event: .preReject(reason: "不属于援助事项", referral: "人民调解委员会"), role: .workstationStaff,
                to: .preRejected, documents: [.preRejectionNotice]),
            Row(from: .submitted, event: .preApprove(opinion: "符合条件"), role: .workstationStaff, to: .forwarded,
                documents: [.preReviewApproval, .acceptanceNotice]),
            Row(from: .forwarded, event: .accept, role: .centreReviewer, to: .underReview),
            Row(from: .underReview, event: .requestMaterials(.init(items: ["劳动合同"], supplyBy: future)), role: .centreReviewer,
                to: .centreMaterialsRequested, documents: [.materialsNotice]),
            Row(from: .centreMaterialsRequested, event: .supplyMaterials(note: ""), role: .centreReviewer, to: .underReview),
            Row(from: .underReview, event: .fileReview(.init(recommendApproval: true, opinion: "符合条件")), role: .centreReviewer, to: .awaitingDecision),
            Row(from: .awaitingDecision, event: .approve(note: ""), role: .centreDirector, to: .approved, documents: [.grantDecision]),
            Row(from: .awaitingDecision, event: .deny(reasons: "收入高于标准"), role: .centreDirector, to: .denied, documents: [.denialDecision]),
            Row(from: .awaitingDecision, event: .returnForReview(reason: "核实收入"), role: .centreDirector, to: .underReview),
            Row(from: .underReview, event: .withdraw(reason: "已和解"), role: .citizen, to: .withdrawn),
            Row(from: .submitted, event: .withdraw(reason: "本人要求"), role: .communityStaff, to: .withdrawn),
        ]
    }

    func test_everyLegalMoveReachesItsStateAndIssuesItsDocuments() throws {
        for row in legalMoves {
            let current = ApplicationCase(state: row.from, ownerAccountID: owner)
            let who = actor(row.role, id: row.role == .citizen ? owner : UUID())
            let transition = try Workflow.apply(row.event, to: current, by: who, at: now).get()
            XCTAssertEqual(transition.to, row.to, "\(row.from) + \(row.event.kind)")
            XCTAssertEqual(transition.from, row.from)
            XCTAssertEqual(transition.documents, row.documents, "\(row.event.kind)")
            XCTAssertEqual(transition.actorID, who.accountID)
            XCTAssertEqual(transition.at, now)
        }
    }

    func test_everyOtherStateRefusesTheEventWithAClearReason() {
        for row in legalMoves {
            let allowedFrom = Set(legalMoves.filter { $0.event.kind == row.event.kind }.map(\.from))
            for state in ApplicationState.allCases where !allowedFrom.contains(state) && !Workflow.rules[row.event.kind]!.from.contains(state) {
                let result = Workflow.apply(row.event, to: ApplicationCase(state: state, ownerAccountID: owner),
                                            by: actor(row.role, id: owner), at: now)
                XCTAssertEqual(result, .failure(.illegalTransition(from: state, event: row.event.kind)), "\(state) + \(row.event.kind)")
            }
        }
        let message = WorkflowError.illegalTransition(from: .approved, event: .submit).message
        XCTAssertEqual(message, "申请当前状态为“决定给予法律援助”，不能执行“提交申请”")
    }

    /// Except that the bureau, upholding an objection to a denial, reopens it (第49条).
    func test_terminalStatesAcceptNoEvent() {
        for state in ApplicationState.allCases where state.isTerminal {
            for role in Role.allCases {
                let expected: [ApplicationEventKind] = state == .denied && role == .supervisor ? [.reopenAfterObjection] : []
                XCTAssertEqual(Workflow.availableEvents(in: state, for: actor(role)), expected, "\(state) \(role)")
            }
        }
    }

    func test_onlyPreReviewStaffMayPreApprove() {
        for role in Role.allCases where role != .workstationStaff && role != .liaisonStaff {
            let result = Workflow.apply(.preApprove(opinion: "同意"), to: ApplicationCase(state: .submitted, ownerAccountID: owner), by: actor(role, id: owner), at: now)
            XCTAssertEqual(result, .failure(.roleNotPermitted(event: .preApprove)), "\(role)")
        }
    }

    func test_onlyTheDirectorDecides() {
        for role in [Role.centreReviewer, .workstationStaff, .citizen, .supervisor, .systemAdmin] {
            let result = Workflow.apply(.approve(note: ""), to: ApplicationCase(state: .awaitingDecision, ownerAccountID: owner), by: actor(role, id: owner), at: now)
            XCTAssertEqual(result, .failure(.roleNotPermitted(event: .approve)), "\(role)")
        }
    }

    func test_citizenActsOnlyOnTheirOwnApplication() {
        let stranger = actor(.citizen)
        let result = Workflow.apply(.submit, to: ApplicationCase(state: .draft, ownerAccountID: owner), by: stranger, at: now)
        XCTAssertEqual(result, .failure(.notOwner))
    }

    func test_denialMustStateReasons_art43() {
        let result = Workflow.apply(.deny(reasons: "  "), to: ApplicationCase(state: .awaitingDecision), by: actor(.centreDirector), at: now)
        XCTAssertEqual(result, .failure(.missingField(field: "reasons", message: "不予法律援助必须写明理由")))
    }

    func test_preRejectionMustSayWhereElseToGo() {
        let result = Workflow.apply(.preReject(reason: "不属于援助事项", referral: ""), to: ApplicationCase(state: .submitted), by: actor(.workstationStaff), at: now)
        XCTAssertEqual(result.failureField, "referral")
    }

    func test_materialsRequestListsEverythingAtOnceWithAFutureDate() {
        let empty = Workflow.apply(.requestMaterials(.init(items: [" "], supplyBy: future)), to: ApplicationCase(state: .submitted), by: actor(.workstationStaff), at: now)
        XCTAssertEqual(empty.failureField, "items")
        let past = Workflow.apply(.requestMaterials(.init(items: ["欠条"], supplyBy: day("2026-03-02"))), to: ApplicationCase(state: .submitted), by: actor(.workstationStaff), at: now)
        XCTAssertEqual(past, .failure(.supplyDateNotInFuture))
    }

    func test_overridingTheEligibilityFindingNeedsAReason() {
        let review = ReviewOpinion(recommendApproval: true, opinion: "同意", eligibilityOverride: " ")
        let result = Workflow.apply(.fileReview(review), to: ApplicationCase(state: .underReview), by: actor(.centreReviewer), at: now)
        XCTAssertEqual(result.failureField, "eligibilityOverride")
    }

    func test_recommendingAgainstTheRulesFindingNeedsARecordedReason() {
        let ineligible = ApplicationCase(state: .underReview, eligibility: .ineligible)
        let bare = Workflow.apply(.fileReview(.init(recommendApproval: true, opinion: "同意")), to: ineligible, by: actor(.centreReviewer), at: now)
        XCTAssertEqual(bare.failureField, "eligibilityOverride")
        let reasoned = Workflow.apply(.fileReview(.init(recommendApproval: true, opinion: "同意", eligibilityOverride: "申请人突发重病，收入骤降")),
                                      to: ineligible, by: actor(.centreReviewer), at: now)
        XCTAssertEqual(try reasoned.get().payload["eligibilityOverride"], "申请人突发重病，收入骤降")
        let agreeing = Workflow.apply(.fileReview(.init(recommendApproval: false, opinion: "收入超标")), to: ineligible, by: actor(.centreReviewer), at: now)
        XCTAssertEqual(try agreeing.get().to, .awaitingDecision)
    }

    func test_decisionIsDueSevenDaysAfterReceipt_art43() throws {
        let submitted = ApplicationCase(state: .submitted, ownerAccountID: owner)
        let forward = try Workflow.apply(.preApprove(opinion: "同意"), to: submitted, by: actor(.workstationStaff), at: now).get()
        let atCentre = submitted.applying(forward)
        XCTAssertEqual(atCentre.receivedOn, day("2026-03-02"))
        XCTAssertEqual(atCentre.decisionDeadline?.lastDay(asOf: day("2026-03-02"), calendar: calendar2026), day("2026-03-09"))
    }

    func test_centreMaterialsRequestStopsTheDecisionClockUntilSupplied() throws {
        var current = ApplicationCase(state: .underReview, ownerAccountID: owner, receivedOn: day("2026-03-02"))
        let ask = try Workflow.apply(.requestMaterials(.init(items: ["欠条"], supplyBy: future)), to: current, by: actor(.centreReviewer), at: noon("2026-03-03")).get()
        current = current.applying(ask)
        XCTAssertEqual(current.supplyBy, future)
        XCTAssertTrue(current.decisionDeadline!.isPaused)
        let supply = try Workflow.apply(.supplyMaterials(note: "已补"), to: current, by: actor(.citizen, id: owner), at: noon("2026-03-06")).get()
        current = current.applying(supply)
        XCTAssertNil(current.supplyBy)
        XCTAssertFalse(current.decisionDeadline!.isPaused)
        // 7 days + 3 stopped days after 03-02 = 03-12.
        XCTAssertEqual(current.decisionDeadline?.lastDay(asOf: day("2026-03-06"), calendar: calendar2026), day("2026-03-12"))
    }

    func test_unsuppliedMaterialsAreDeemedWithdrawnOnlyAfterTheSupplyDate_art43() {
        let waiting = ApplicationCase(state: .preReviewMaterialsRequested, ownerAccountID: owner, supplyBy: day("2026-03-10"))
        XCTAssertEqual(Workflow.apply(.deemWithdrawn, to: waiting, by: actor(.workstationStaff), at: noon("2026-03-10")),
                       .failure(.materialsPeriodNotOver(supplyBy: day("2026-03-10"))))
        let result = Workflow.apply(.deemWithdrawn, to: waiting, by: actor(.workstationStaff), at: noon("2026-03-11"))
        XCTAssertEqual(try result.get().to, .deemedWithdrawn)
    }

    func test_noWithdrawalAfterTheDecision() {
        let result = Workflow.apply(.withdraw(reason: ""), to: ApplicationCase(state: .approved, ownerAccountID: owner), by: actor(.citizen, id: owner), at: now)
        XCTAssertEqual(result, .failure(.illegalTransition(from: .approved, event: .withdraw)))
    }

    func test_buttonsOfferedMatchTheRules() {
        XCTAssertEqual(Workflow.availableEvents(in: .submitted, for: actor(.workstationStaff)),
                       [.requestMaterials, .preReject, .preApprove, .withdraw])
        XCTAssertEqual(Workflow.availableEvents(in: .awaitingDecision, for: actor(.centreDirector)), [.approve, .deny, .returnForReview])
    }
}

extension Result where Failure == WorkflowError {
    var failureField: String? {
        if case .failure(let error) = self { return error.field }
        return nil
    }
}
