import XCTest
@testable import LegalAidCore

/// The side exits of a case and the rules that govern them (法律援助法 第36、39、44、46、49条;
/// seed 002 on mediation first and group matters).
final class SideExitTests: XCTestCase {
    // MARK: 第49条 — objections to the bureau

    func test_objectionIsOnlyAgainstADenialOrATermination_art49() {
        let table: [(ApplicationState, CaseState?, Objection.Subject?)] = [
            (.denied, nil, .denial),
            (.approved, .terminated, .termination),
            (.approved, .inProgress, nil),
            (.approved, .followedUp, nil),
            (.underReview, nil, nil),
            (.preRejected, nil, nil),  // pre-review rejection is advice, not a centre decision
        ]
        for (application, caseState, expected) in table {
            XCTAssertEqual(Objection.subject(application: application, caseState: caseState), expected, "\(application) / \(String(describing: caseState))")
        }
    }

    func test_bureauDecidesWithinFiveDaysOfReceipt_art49() throws {
        let table: [(received: String, lastDay: String, why: String)] = [
            ("2026-03-04", "2026-03-09", "Wednesday + 5 calendar days = Monday: 日 means calendar days, not working days"),
            ("2026-03-02", "2026-03-09", "day 5 is Saturday 03-07: the period ends on the next working day"),
            ("2026-09-21", "2026-09-28", "day 5 is 09-26 (中秋 rest), so the next working day"),
            ("2026-09-28", "2026-10-08", "day 5 is 10-03 inside 国庆; the first working day after is 10-08"),
        ]
        for row in table {
            let (subject, lastDay) = try Objection.file(application: .denied, caseState: nil, pendingObjection: false, reason: "我符合条件",
                                                        receivedOn: day(row.received), calendar: calendar2026).get()
            XCTAssertEqual(subject, .denial)
            XCTAssertEqual(lastDay, day(row.lastDay), row.why)
        }
    }

    func test_objectionNeedsAReasonAndOneAtATime() {
        XCTAssertEqual(Objection.file(application: .denied, caseState: nil, pendingObjection: false, reason: "  ", receivedOn: day("2026-03-02"), calendar: calendar2026).map(\.0),
                       .failure(.missingReason))
        XCTAssertEqual(Objection.file(application: .denied, caseState: nil, pendingObjection: true, reason: "理由", receivedOn: day("2026-03-02"), calendar: calendar2026).map(\.0),
                       .failure(.alreadyPending))
        XCTAssertEqual(Objection.file(application: .approved, caseState: .inProgress, pendingObjection: false, reason: "理由", receivedOn: day("2026-03-02"), calendar: calendar2026).map(\.0),
                       .failure(.nothingToObjectTo))
    }

    func test_onlyTheBureauDecides_onceAndWithReasons_art49() {
        XCTAssertEqual(Objection.decide(.pending, outcome: .upheld, explanation: "事实清楚", byBureau: false), .failure(.notBureau))
        XCTAssertEqual(Objection.decide(.pending, outcome: .upheld, explanation: "", byBureau: true), .failure(.missingExplanation))
        XCTAssertEqual(Objection.decide(.upheld, outcome: .correctionOrdered, explanation: "改判", byBureau: true), .failure(.alreadyDecided))
        XCTAssertEqual(Objection.decide(.pending, outcome: .correctionOrdered, explanation: "收入计算有误", byBureau: true), .success(.correctionOrdered))
    }

    func test_correctionOrderedReopensADenialOnAFreshSevenDayClock_art49() throws {
        let denied = ApplicationCase(state: .denied, receivedOn: day("2026-03-02"), pauses: [ClockPause(from: day("2026-03-03"), until: day("2026-03-05"))])
        let transition = try Workflow.apply(.reopenAfterObjection(order: "收入计算有误"), to: denied, by: actor(.supervisor), at: noon("2026-03-20")).get()
        XCTAssertEqual(transition.to, .underReview)
        let reopened = denied.applying(transition)
        XCTAssertEqual(reopened.receivedOn, day("2026-03-20"))
        XCTAssertEqual(reopened.pauses, [])
        XCTAssertEqual(reopened.decisionDeadline?.lastDay(asOf: day("2026-03-20"), calendar: calendar2026), day("2026-03-27"))
        XCTAssertEqual(Workflow.apply(.reopenAfterObjection(order: "x"), to: denied, by: actor(.centreDirector), at: noon("2026-03-20")).map(\.to),
                       .failure(.roleNotPermitted(event: .reopenAfterObjection)), "the centre cannot reopen its own denial")
    }

    func test_correctionOrderedReinstatesATerminatedCase_art49() throws {
        let withLawyer = try CaseWorkflow.apply(.reinstate(order: "终止理由不成立", hasLawyer: true), in: .terminated, by: actor(.supervisor), at: noon("2026-03-20")).get()
        XCTAssertEqual(withLawyer.to, .inProgress)
        let without = try CaseWorkflow.apply(.reinstate(order: "终止理由不成立", hasLawyer: false), in: .terminated, by: actor(.supervisor), at: noon("2026-03-20")).get()
        XCTAssertEqual(without.to, .awaitingAssignment)
        XCTAssertEqual(CaseWorkflow.apply(.reinstate(order: "x", hasLawyer: true), in: .inProgress, by: actor(.supervisor), at: noon("2026-03-20")).map(\.to),
                       .failure(.illegal(from: .inProgress, event: .reinstate)))
    }

    // MARK: 第44条 — urgent aid first

    func test_urgentAidOnlyUnderArticle44sConditions() {
        let director = actor(.centreDirector)
        let table: [(days: Int?, preservation: Bool, state: ApplicationState, role: Role, caseExists: Bool, expected: UrgentAid.Refusal?)] = [
            (6, false, .underReview, .centreDirector, false, nil),               // fewer than 7 days to the limitation period
            (0, false, .forwarded, .centreDirector, false, nil),                 // the last day itself
            (7, false, .underReview, .centreDirector, false, .conditionsNotMet), // 7 days is not "fewer than 7"
            (nil, true, .awaitingDecision, .centreDirector, false, nil),         // urgent preservation or advance execution
            (nil, false, .underReview, .centreDirector, false, .conditionsNotMet),
            (-1, false, .underReview, .centreDirector, false, .conditionsNotMet), // already past: nothing to save
            (-1, true, .underReview, .centreDirector, false, .daysOutOfRange),   // a day count that cannot be, even with preservation
            (3651, true, .underReview, .centreDirector, false, .daysOutOfRange),
            (3650, true, .underReview, .centreDirector, false, nil),
            (3, false, .submitted, .centreDirector, false, .notAtCentre),
            (3, false, .approved, .centreDirector, false, .notAtCentre),
            (3, false, .underReview, .centreReviewer, false, .roleNotPermitted),
            (3, false, .underReview, .centreDirector, true, .alreadyOpen),
        ]
        for row in table {
            let result = UrgentAid.grant(application: row.state, caseExists: row.caseExists, daysToDeadline: row.days, urgentPreservation: row.preservation,
                                         reason: "起诉期限将满", actor: row.role == .centreDirector ? director : actor(row.role), today: day("2026-03-02"), calendar: calendar2026)
            switch (result, row.expected) {
            case let (.success(dates), nil):
                XCTAssertEqual(dates.assignBy, day("2026-03-02"), "assigned at once")
                XCTAssertEqual(dates.paperworkBy, day("2026-03-09"))
            case let (.failure(refusal), expected?): XCTAssertEqual(refusal, expected, "\(row)")
            default: XCTFail("\(row): got \(result)")
            }
        }
    }

    // MARK: 第36条 — criminal notification; 第39条 — detained applicants

    func test_criminalNotificationIsAssignedWithinThreeDaysOfTheNotice_art36() {
        XCTAssertEqual(CriminalNotification.assignmentDue(receivedOn: day("2026-03-02"), calendar: calendar2026), day("2026-03-05"))
        XCTAssertEqual(CriminalNotification.assignmentDue(receivedOn: day("2026-09-30"), calendar: calendar2026), day("2026-10-08"),
                       "day 3 falls in 国庆: the next working day")
        let errors = CriminalNotification.validate(authorityName: "", personName: "赵某", charge: "盗窃", receivedOn: day("2026-03-03"), today: day("2026-03-02"))
        XCTAssertEqual(errors.map(\.field), ["authorityName", "receivedOn"])
    }

    func test_detainedRequestIsForwardedWithin24Hours_art39() {
        let received = noon("2026-03-02").addingTimeInterval(-3 * 3600)
        XCTAssertEqual(DetainedRequest.forwardingDue(receivedAt: received), received.addingTimeInterval(24 * 3600))
        XCTAssertEqual(DetainedRequest.validate(placeName: "示范区看守所", personName: "", receivedAt: nil, now: noon("2026-03-02")).map(\.field),
                       ["detaineeName", "receivedAt"])
    }

    // MARK: 第46、55条 — the recipient asks to change lawyer

    func test_changeOfLawyerRequest_art46() {
        XCTAssertEqual(LawyerChangeRequest.file(caseState: .awaitingAssignment, pending: false, reason: "联系不上"), .failure(.noLawyerYet))
        XCTAssertEqual(LawyerChangeRequest.file(caseState: .inProgress, pending: false, reason: " "), .failure(.missingReason))
        XCTAssertEqual(LawyerChangeRequest.file(caseState: .inProgress, pending: true, reason: "联系不上"), .failure(.alreadyPending))
        XCTAssertNoThrow(try LawyerChangeRequest.file(caseState: .inProgress, pending: false, reason: "律师一个月未与我联系").get())
        XCTAssertEqual(LawyerChangeRequest.refuse(.pending, response: ""), .failure(.missingResponse))
        XCTAssertEqual(LawyerChangeRequest.refuse(.granted, response: "已处理"), .failure(.alreadyDecided))
    }

    // MARK: Seed 002 — mediation first and group matters

    func test_mediationFirstIsForNonCriminalMattersWithConsentRecorded() {
        XCTAssertFalse(CaseMediationFirst.applies(to: .criminalDefence))
        XCTAssertTrue(CaseMediationFirst.applies(to: .labourWages))
        XCTAssertEqual(CaseMediationFirst.record(.consented, how: "电话", matter: .criminalDefence, caseState: .inProgress), .failure(.notApplicable))
        XCTAssertEqual(CaseMediationFirst.record(.consented, how: "", matter: .support, caseState: .inProgress), .failure(.missingHow))
        XCTAssertEqual(CaseMediationFirst.record(.declined, how: "当面表示", matter: .support, caseState: .inProgress), .success(.declined))
        XCTAssertEqual(CaseMediationFirst.record(.consented, how: "电话", matter: .support, caseState: .closed), .failure(.notInProgress))
    }

    func test_groupMatterMembersParseWholeOrNotAtAll() throws {
        let members = try GroupMatter.parse("张一，13900000011\n李二 13900000012\n\n王三").get()
        XCTAssertEqual(members.map(\.name), ["张一", "李二", "王三"])
        XCTAssertEqual(members.map(\.phone), ["13900000011", "13900000012", ""])
        XCTAssertEqual(GroupMatter.parse("张一，13900000011\n李二，1234").map(\.count), .failure(FieldError(field: "members", code: "invalid", message: "第2行：手机号码应为11位数字")))
        XCTAssertTrue(GroupMatter.isLarge(coApplicants: 49), "49 co-applicants and the recipient make 50 (seed 002)")
        XCTAssertFalse(GroupMatter.isLarge(coApplicants: 48))
    }
}

/// The clocks and their alerts (DOMAIN §3; 民法典 第203条: a day period ends at 24:00).
final class DeadlineWatchTests: XCTestCase {
    let reviewer = UUID(), director = UUID()

    func watched(_ kind: DeadlineKind, lastDay: String) -> WatchedDeadline {
        WatchedDeadline(kind: kind, subjectID: UUID(), label: "FY2026-000001", lastDay: day(lastDay), responsible: [reviewer], supervisors: [director], link: "/x")
    }

    func test_alertBeforeTheDeadlineAndAgainWhenItPasses() {
        let assignment = watched(.assignment, lastDay: "2026-03-05")
        let table: [(at: Date, expected: AlertLevel?)] = [
            (noon("2026-03-04"), nil),                                                  // 36 hours left
            (day("2026-03-05").startOfDay, .dueSoon),                                   // the last day begins
            (day("2026-03-05").endOfDay, .dueSoon),                                     // 23:59:59 is still in time
            (day("2026-03-06").startOfDay, .overdue),
        ]
        for row in table { XCTAssertEqual(DeadlineWatch.level(of: assignment, at: row.at), row.expected, "\(row.at)") }
    }

    func test_alertsGoToTheResponsiblePersonAndTheirSupervisor_onceEach() {
        let assignment = watched(.assignment, lastDay: "2026-03-05")
        let alerts = DeadlineWatch.alerts(for: [assignment], at: day("2026-03-06").startOfDay)
        XCTAssertEqual(Set(alerts.map(\.recipient)), [reviewer, director])
        XCTAssertEqual(Set(alerts.map(\.key)).count, 1, "one key per deadline and level: re-raising is a no-op")
        XCTAssertTrue(alerts[0].message.contains("已于2026年3月5日超期"))
        let soon = DeadlineWatch.alerts(for: [assignment], at: noon("2026-03-05"))
        XCTAssertNotEqual(soon[0].key, alerts[0].key, "the overdue alert is a second alert, not the first one again")
    }

    func test_the24HourForwardingClockWarnsSixHoursAhead_art39() {
        let received = noon("2026-03-02")
        let forwarding = WatchedDeadline(kind: .forwarding, subjectID: UUID(), label: "羁押申请", due: DetainedRequest.forwardingDue(receivedAt: received),
                                         responsible: [reviewer], supervisors: [director], link: "/x")
        XCTAssertNil(DeadlineWatch.level(of: forwarding, at: received.addingTimeInterval(17 * 3600)))
        XCTAssertEqual(DeadlineWatch.level(of: forwarding, at: received.addingTimeInterval(19 * 3600)), .dueSoon)
        XCTAssertEqual(DeadlineWatch.level(of: forwarding, at: received.addingTimeInterval(24 * 3600 + 1)), .overdue)
    }

    func test_dueTodayAndOverdueForTheWorkbench() {
        let deadline = watched(.objection, lastDay: "2026-03-05")
        XCTAssertTrue(deadline.isDueToday(at: noon("2026-03-05")))
        XCTAssertFalse(deadline.isDueToday(at: noon("2026-03-04")))
        XCTAssertTrue(deadline.isOverdue(at: noon("2026-03-06")))
        XCTAssertFalse(deadline.isDueToday(at: noon("2026-03-06")))
    }

    func test_followUpIsScheduledAfterClosing() {
        XCTAssertEqual(CaseFollowUp.qualityReviewDue(closedOn: day("2026-03-02"), calendar: calendar2026), day("2026-04-01"))
        XCTAssertEqual(CaseFollowUp.returnVisitDue(reviewedOn: day("2026-09-01"), calendar: calendar2026), day("2026-10-08"),
                       "day 30 is 10-01 (国庆): the next working day")
    }
}

/// The practice record the picker relies on (法律援助法 第26条).
final class LawyerProfileInputTests: XCTestCase {
    func test_yearsAreWholeNumbersAndCriminalPracticeIsPartOfAllPractice() {
        XCTAssertEqual(try LawyerProfileInput.parse(practiceYears: "8", criminalYears: "5", specialities: ["criminalDefence", "nonsense"], available: true).get(),
                       LawyerProfileInput(practiceYears: 8, criminalYears: 5, specialities: [.criminalDefence], available: true))
        let table: [(String, String, [String])] = [
            ("八", "0", ["practiceYears"]),
            ("3", "5", ["criminalYears"]),
            ("-1", "", ["practiceYears", "criminalYears"]),
            ("61", "0", ["practiceYears"]),
        ]
        for (practice, criminal, fields) in table {
            guard case .failure(let errors) = LawyerProfileInput.parse(practiceYears: practice, criminalYears: criminal, specialities: [], available: true) else {
                XCTFail("\(practice)/\(criminal) accepted"); continue
            }
            XCTAssertEqual(errors.errors.map(\.field), fields, "\(practice)/\(criminal)")
        }
    }
}
