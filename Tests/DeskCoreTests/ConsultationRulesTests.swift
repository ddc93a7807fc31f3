@testable import DeskCore
import SpecSupport
import XCTest

/// The consultation desk's rules (DOMAIN §4, seed 004, issue #12), with the clock passed in.
final class ConsultationRulesTests: XCTestCase {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    let lawyer = Actor(accountID: UUID(), roles: try! RoleSet([.lawyer]), organisationID: UUID())
    let colleague = Actor(accountID: UUID(), roles: try! RoleSet([.centreReviewer]), organisationID: UUID())
    let supervisor = Actor(accountID: UUID(), roles: try! RoleSet([.supervisor]), organisationID: UUID())
    let admin = Actor(accountID: UUID(), roles: try! RoleSet([.systemAdmin]), organisationID: UUID())

    func waiting(queuedAt: Date? = nil) -> ConsultationSnapshot {
        ConsultationSnapshot(state: .waiting, channel: .live, askerAccountID: nil, responsibleAccountID: nil, queuedAt: queuedAt ?? t0)
    }

    func desk(_ onDuty: [Actor], chats: [UUID: Int] = [:]) -> ConsultationWorkflow.Desk {
        .init(onDuty: Set(onDuty.map(\.accountID)), openChats: chats)
    }

    func apply(_ event: ConsultationEvent, _ c: ConsultationSnapshot, by party: ConsultationParty, desk: ConsultationWorkflow.Desk? = nil,
               at now: Date? = nil) -> Result<ConsultationTransition, ConsultationError> {
        ConsultationWorkflow.apply(event, to: c, by: party, desk: desk ?? self.desk([lawyer, colleague]), now: now ?? t0)
    }

    // MARK: Taking a request: 首问负责

    func test_theFirstPersonToTakeALiveRequestBecomesResponsible() throws {
        let taken = try apply(.take, waiting(), by: .staff(lawyer)).get().snapshot
        XCTAssertEqual(taken.state, .active)
        XCTAssertEqual(taken.responsibleAccountID, lawyer.accountID)
        XCTAssertEqual(apply(.take, taken, by: .staff(colleague)), .failure(.notWaiting))
    }

    func test_onlySomeoneOnDutyTakesALiveRequest() {
        XCTAssertEqual(apply(.take, waiting(), by: .staff(lawyer), desk: desk([colleague])), .failure(.notOnDuty))
        XCTAssertEqual(apply(.take, waiting(), by: .staff(admin), desk: desk([admin])), .failure(.notAllowed))
        XCTAssertEqual(apply(.take, waiting(), by: .asker), .failure(.notAllowed))
    }

    func test_nobodyHoldsMoreThanTheParallelChatLimit() {
        let full = desk([lawyer], chats: [lawyer.accountID: DeskRules.standard.maxParallelChats])
        XCTAssertEqual(apply(.take, waiting(), by: .staff(lawyer), desk: full), .failure(.atCapacity(3)))
    }

    func test_handingOverNeedsANamedOnDutyColleagueAndANote() throws {
        let mine = try apply(.take, waiting(), by: .staff(lawyer)).get().snapshot
        XCTAssertEqual(apply(.handOver(to: colleague.accountID, note: " "), mine, by: .staff(lawyer)), .failure(.handOverNeedsNote))
        XCTAssertEqual(apply(.handOver(to: lawyer.accountID, note: "工伤认定"), mine, by: .staff(lawyer)), .failure(.handOverToSelf))
        XCTAssertEqual(apply(.handOver(to: UUID(), note: "工伤认定"), mine, by: .staff(lawyer)), .failure(.recipientNotOnDuty))
        XCTAssertEqual(apply(.handOver(to: lawyer.accountID, note: "工伤认定"), mine, by: .staff(colleague)), .failure(.notResponsible))
        let handed = try apply(.handOver(to: colleague.accountID, note: "已了解用工情况，请接续解答工伤认定"), mine, by: .staff(lawyer)).get().snapshot
        XCTAssertEqual(handed.responsibleAccountID, colleague.accountID)
        XCTAssertEqual(handed.handledBy, [lawyer.accountID, colleague.accountID])
        XCTAssertEqual(apply(.sendMessage, handed, by: .staff(lawyer)), .failure(.notResponsible), "the former holder no longer answers")
    }

    func test_onlyTheResponsiblePersonClosesAndThePersonIsAskedToRate() throws {
        let mine = try apply(.take, waiting(), by: .staff(lawyer)).get().snapshot
        XCTAssertEqual(apply(.close(.answered), mine, by: .staff(colleague)), .failure(.notResponsible))
        let closed = try apply(.close(.answered), mine, by: .staff(lawyer)).get()
        XCTAssertEqual(closed.snapshot.state, .closed)
        XCTAssertEqual(closed.effects, [.askForRating])
    }

    func test_nothingMoreIsSaidInAClosedConversation() throws {
        let closed = try apply(.close(.answered), try apply(.take, waiting(), by: .staff(lawyer)).get().snapshot, by: .staff(lawyer)).get().snapshot
        XCTAssertEqual(apply(.sendMessage, closed, by: .asker), .failure(.closed))
        XCTAssertEqual(apply(.sendMessage, closed, by: .staff(lawyer)), .failure(.closed))
    }

    // MARK: Three minutes (seed 004)

    func test_aLiveRequestNobodyTakesWithinThreeMinutesGoesToTheHotlineForACallBack() throws {
        XCTAssertEqual(apply(.escalate, waiting(), by: .system, at: t0.addingTimeInterval(179)),
                       .failure(.tooEarlyToEscalate(until: t0.addingTimeInterval(180))))
        let escalated = try apply(.escalate, waiting(), by: .system, at: t0.addingTimeInterval(180)).get()
        XCTAssertEqual(escalated.snapshot.state, .callback)
        XCTAssertEqual(escalated.effects, [.tellAskerOfCallback])
    }

    func test_aTakenRequestIsNotEscalated() throws {
        let taken = try apply(.take, waiting(), by: .staff(lawyer)).get().snapshot
        XCTAssertEqual(apply(.escalate, taken, by: .system, at: t0.addingTimeInterval(600)), .failure(.notWaiting))
    }

    // MARK: Call backs

    func test_aCallBackIsTriedAtMostThreeTimesEachRecorded() throws {
        var owed = try apply(.escalate, waiting(), by: .system, at: t0.addingTimeInterval(200)).get().snapshot
        owed = try apply(.callbackAttempt(.noAnswer, note: ""), owed, by: .staff(lawyer)).get().snapshot
        XCTAssertEqual(owed.state, .callback)
        XCTAssertEqual(apply(.sendMessage, owed, by: .asker).map(\.snapshot.state), .success(.callback), "the person may add to the question meanwhile")
        XCTAssertEqual(apply(.callbackAttempt(.busy, note: ""), owed, by: .staff(colleague)), .failure(.notResponsible), "the first caller keeps it")
        owed = try apply(.callbackAttempt(.busy, note: ""), owed, by: .staff(lawyer)).get().snapshot
        owed = try apply(.callbackAttempt(.noAnswer, note: ""), owed, by: .staff(lawyer)).get().snapshot
        XCTAssertEqual(owed.callbackAttempts, 3)
        XCTAssertEqual(owed.state, .abandoned)
        XCTAssertEqual(apply(.callbackAttempt(.noAnswer, note: ""), owed, by: .staff(lawyer)), .failure(.closed))
    }

    func test_aCallBackThatReachesThePersonBecomesAConversationHeldByTheCaller() throws {
        let owed = try apply(.escalate, waiting(), by: .system, at: t0.addingTimeInterval(200)).get().snapshot
        let reached = try apply(.callbackAttempt(.reached, note: "已回电"), owed, by: .staff(colleague)).get().snapshot
        XCTAssertEqual(reached.state, .active)
        XCTAssertEqual(reached.responsibleAccountID, colleague.accountID)
    }

    // MARK: Message board: 24 hours

    func test_aWrittenQuestionOnAWorkingDayIsDueTwentyFourHoursAfterItIsAsked() {
        let rules = DeskRules.standard
        let tuesdayMorning = day("2026-11-24").startOfDay.addingTimeInterval(10 * 3600)
        let due = rules.replyDue(askedAt: tuesdayMorning, calendar: calendar2026)
        XCTAssertEqual(due, tuesdayMorning.addingTimeInterval(86_400))
        XCTAssertEqual(rules.replyClock(due: due, now: tuesdayMorning.addingTimeInterval(3600)), .running(due))
        XCTAssertEqual(rules.replyClock(due: due, now: tuesdayMorning.addingTimeInterval(21 * 3600)), .dueSoon(due))
        XCTAssertEqual(rules.replyClock(due: due, now: due), .overdue(since: due))
    }

    /// Issue #23 item 24: the 24 hours run as the desk works, on the holiday calendar.
    func test_theTwentyFourHoursRunOnWorkingDaysOnly() {
        let rules = DeskRules.standard
        // Asked on National Day: the desk is closed until 10-08, so the clock starts then.
        let nationalDay = day("2026-10-01").startOfDay.addingTimeInterval(10 * 3600)
        XCTAssertEqual(rules.replyDue(askedAt: nationalDay, calendar: calendar2026), day("2026-10-09").startOfDay)
        // Friday 18:00: six hours that Friday, the other eighteen on Monday.
        let fridayEvening = day("2026-11-27").startOfDay.addingTimeInterval(18 * 3600)
        XCTAssertEqual(rules.replyDue(askedAt: fridayEvening, calendar: calendar2026), day("2026-11-30").startOfDay.addingTimeInterval(18 * 3600))
        // 09-30 (a working day) at noon: twelve hours, then the holiday, then twelve on 10-08.
        let beforeTheHoliday = day("2026-09-30").startOfDay.addingTimeInterval(12 * 3600)
        XCTAssertEqual(rules.replyDue(askedAt: beforeTheHoliday, calendar: calendar2026), day("2026-10-08").startOfDay.addingTimeInterval(12 * 3600))
        // A make-up Saturday counts as a working day.
        let makeUpSaturday = day("2026-10-10").startOfDay.addingTimeInterval(9 * 3600)
        XCTAssertEqual(rules.replyDue(askedAt: makeUpSaturday, calendar: calendar2026), day("2026-10-12").startOfDay.addingTimeInterval(9 * 3600))
    }

    func test_answeringAWrittenQuestionClosesItAndTellsTheAsker() throws {
        let question = ConsultationSnapshot(state: .awaitingReply, channel: .messageBoard, askerAccountID: nil, responsibleAccountID: nil, queuedAt: t0)
        let answered = try apply(.reply, question, by: .staff(colleague), desk: desk([])).get()
        XCTAssertEqual(answered.snapshot.state, .closed)
        XCTAssertEqual(answered.effects, [.tellAskerOfReply, .askForRating])
        XCTAssertEqual(apply(.reply, waiting(), by: .staff(colleague)), .failure(.wrongChannel))
    }

    // MARK: Who may read a conversation

    func test_aConversationIsReadByItsPartiesTheDeskWhileItWaitsAndSupervisors() throws {
        XCTAssertTrue(ConsultationWorkflow.canView(waiting(), by: .staff(colleague)), "the desk sees the queue to take from it")
        let mine = try apply(.take, waiting(), by: .staff(lawyer)).get().snapshot
        XCTAssertTrue(ConsultationWorkflow.canView(mine, by: .staff(lawyer)))
        XCTAssertFalse(ConsultationWorkflow.canView(mine, by: .staff(colleague)), "another's conversation is private")
        XCTAssertTrue(ConsultationWorkflow.canView(mine, by: .staff(supervisor)))
        XCTAssertFalse(ConsultationWorkflow.canView(waiting(), by: .staff(admin)))
    }

    // MARK: Outcomes and ratings

    func test_everyOutcomeButAPlainAnswerSaysWhatWasHandedOn() {
        XCTAssertEqual(ConsultationOutcome.parse(code: "answered", note: "", consent: false), .success(.answered))
        if case .failure(let error) = ConsultationOutcome.parse(code: "passedOn.12333", note: "", consent: false) {
            XCTAssertEqual(error.field, "note")
        } else { XCTFail("a hand-over to 12333 needs a note") }
        XCTAssertEqual(ConsultationOutcome.parse(code: "passedOn.12333", note: "社保欠缴，已告知12333受理", consent: false), .success(.passedOn(.labour12333)))
        XCTAssertEqual(ConsultationOutcome.parse(code: "referred.mediation", note: "邻里纠纷转社区调委会", consent: false), .success(.referred(.mediation)))
        if case .failure(let error) = ConsultationOutcome.parse(code: "passedOn.110", note: "x", consent: false) { XCTAssertEqual(error.field, "outcome") } else { XCTFail() }
    }

    func test_aConsultationBecomesAnApplicationOnlyWithThePersonsConsent() {
        if case .failure(let error) = ConsultationOutcome.parse(code: "application", note: "", consent: false) {
            XCTAssertEqual(error.code, "consentRequired")
        } else { XCTFail("consent is required") }
        XCTAssertEqual(ConsultationOutcome.parse(code: "application", note: "", consent: true), .success(.application(consentRecorded: true)))
    }

    func test_aRatingIsOneToFiveStars() throws {
        XCTAssertEqual(try ConsultationRating.parse(stars: 5, comment: " 很耐心 ").get().comment, "很耐心")
        for bad in [nil, 0, 6] as [Int?] {
            if case .success = ConsultationRating.parse(stars: bad, comment: nil) { XCTFail("\(String(describing: bad)) stars accepted") }
        }
    }

    // MARK: Webhooks

    func test_aWebhookIsRefusedWhenStaleOrSeenBefore() {
        let rule = WebhookFreshness(window: 300)
        XCTAssertEqual(rule.check(timestamp: t0, now: t0.addingTimeInterval(299), alreadySeen: false), .fresh)
        XCTAssertEqual(rule.check(timestamp: t0, now: t0.addingTimeInterval(301), alreadySeen: false), .stale)
        XCTAssertEqual(rule.check(timestamp: t0.addingTimeInterval(301), now: t0, alreadySeen: false), .stale, "a clock far ahead is refused too")
        XCTAssertEqual(rule.check(timestamp: t0, now: t0, alreadySeen: true), .replayed)
    }
}

/// Queue order and fairness (issue #12 item 2).
final class DeskQueueTests: XCTestCase {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    let rules = DeskRules.standard

    func request(_ secondsAgo: Double) -> WaitingRequest { WaitingRequest(id: UUID(), queuedAt: Date(timeIntervalSince1970: 1_800_000_000 - secondsAgo)) }

    func test_theLongestWaitingRequestIsOfferedFirst() {
        let a = UUID()
        let old = request(120), new = request(10)
        let offers = DeskQueue.offers(waiting: [new, old], duty: [DutyMember(accountID: a, onDutySince: t0, openChats: 2, lastTookAt: nil)], rules: rules)
        XCTAssertEqual(offers, [DeskQueue.Offer(request: old.id, to: a)], "one free place: the older request gets it")
    }

    func test_requestsSpreadAcrossStaffFewestChatsFirstThenLongestIdle() {
        let busy = DutyMember(accountID: UUID(), onDutySince: t0, openChats: 2, lastTookAt: t0.addingTimeInterval(-60))
        let idleLong = DutyMember(accountID: UUID(), onDutySince: t0, openChats: 0, lastTookAt: t0.addingTimeInterval(-900))
        let idleShort = DutyMember(accountID: UUID(), onDutySince: t0, openChats: 0, lastTookAt: t0.addingTimeInterval(-30))
        let requests = [request(300), request(200), request(100)]
        let offers = DeskQueue.offers(waiting: requests, duty: [busy, idleShort, idleLong], rules: rules)
        XCTAssertEqual(offers.map(\.to), [idleLong.accountID, idleShort.accountID, idleLong.accountID])
    }

    func test_nobodyIsOfferedBeyondTheLimit() {
        let a = DutyMember(accountID: UUID(), onDutySince: t0, openChats: 3, lastTookAt: nil)
        XCTAssertEqual(DeskQueue.offers(waiting: [request(5)], duty: [a], rules: rules), [])
        XCTAssertNil(DeskQueue.next(for: a.accountID, waiting: [request(5)], duty: [a], rules: rules))
    }

    func test_whenNothingIsOfferedToMeITakeTheLongestWaitingRequest() {
        let me = DutyMember(accountID: UUID(), onDutySince: t0, openChats: 1, lastTookAt: t0)
        let away = DutyMember(accountID: UUID(), onDutySince: t0, openChats: 0, lastTookAt: nil)
        let only = request(60)
        XCTAssertEqual(DeskQueue.offers(waiting: [only], duty: [me, away], rules: rules).first?.to, away.accountID)
        XCTAssertEqual(DeskQueue.next(for: me.accountID, waiting: [only], duty: [me, away], rules: rules), only.id)
    }

    func test_thePlaceInTheQueueAndAnHonestWait() {
        let requests = (0..<8).map { request(Double(100 - $0)) }
        let one = DutyMember(accountID: UUID(), onDutySince: t0, openChats: 3, lastTookAt: nil)
        let second = DeskQueue.position(of: requests[1].id, waiting: requests, duty: [one], rules: rules, averageChat: 6 * 60)
        XCTAssertEqual(second?.place, 2)
        XCTAssertEqual(second?.estimate, .about(minutes: 4), "2 ahead of free places; 3 places freed per 6 minutes")
        XCTAssertTrue(second!.chinese(escalateAfter: 180).contains("12348"), "a wait beyond three minutes says a call back follows")
        let free = DutyMember(accountID: UUID(), onDutySince: t0, openChats: 0, lastTookAt: nil)
        XCTAssertEqual(DeskQueue.position(of: requests[0].id, waiting: requests, duty: [free], rules: rules, averageChat: nil)?.estimate, .soon)
        XCTAssertEqual(DeskQueue.position(of: requests[0].id, waiting: requests, duty: [], rules: rules, averageChat: nil)?.estimate, .nobodyOnDuty)
    }

    func test_theDeskSaysWhenItNextOpens() {
        // Friday 2027-01-15 at 16:30 China time: closed; opens Monday 09:30.
        let friday = LocalDate(year: 2027, month: 1, day: 15)!.startOfDay.addingTimeInterval(16.5 * 3600)
        let opens = ServiceHours.onlineDesk.nextOpening(atOrAfter: friday, calendar: HolidayCalendar(entries: []))
        XCTAssertEqual(opens, LocalDate(year: 2027, month: 1, day: 18)!.startOfDay.addingTimeInterval(9.5 * 3600))
        let morning = LocalDate(year: 2027, month: 1, day: 18)!.startOfDay.addingTimeInterval(10 * 3600)
        XCTAssertEqual(ServiceHours.onlineDesk.nextOpening(atOrAfter: morning, calendar: HolidayCalendar(entries: [])), morning)
    }
}

/// 12348 calls reported by the PBX (issue #12 item 5).
final class HotlineCallRuleTests: XCTestCase {
    func test_aRingingCallWaits_anAnsweredCallIsHeld_aMissedCallOrVoicemailIsOwedACallBack() {
        XCTAssertEqual(HotlineCallRule.next(.ringing, current: nil), .waiting)
        XCTAssertEqual(HotlineCallRule.next(.answered, current: .waiting), .active)
        XCTAssertEqual(HotlineCallRule.next(.missed, current: .waiting), .callback)
        XCTAssertEqual(HotlineCallRule.next(.voicemail, current: nil), .callback)
    }

    func test_eventsOutOfOrderChangeNothing() {
        XCTAssertNil(HotlineCallRule.next(.ringing, current: .active))
        XCTAssertNil(HotlineCallRule.next(.missed, current: .active), "a call answered is not missed")
        XCTAssertNil(HotlineCallRule.next(.ended, current: .active), "ending a call leaves the record for the agent to log")
        XCTAssertTrue(CallEventKind.voicemail.owesCallback)
    }

    func test_aCallThatEndsWhileRinging_orRingsForTenMinutesWithNoWord_isOwedACallBack() {
        XCTAssertEqual(HotlineCallRule.next(.ended, current: .waiting), .callback, "the caller hung up before anyone answered")
        let rang = Date(timeIntervalSince1970: 1_800_000_000)
        XCTAssertFalse(HotlineCallRule.ringingIsLost(since: rang, now: rang.addingTimeInterval(9 * 60)))
        XCTAssertTrue(HotlineCallRule.ringingIsLost(since: rang, now: rang.addingTimeInterval(10 * 60)))
    }
}
