import Foundation

/// What the workflow needs to know about one application to decide what may happen next.
public struct ApplicationCase: Hashable, Sendable {
    public var state: ApplicationState
    /// The citizen account that owns it, if it was filed from one.
    public var ownerAccountID: UUID?
    /// The day the legal aid centre received it (法律援助法 第43条: the 7 days run from here).
    public var receivedOn: LocalDate?
    /// Days on which the decision clock stood still for missing materials.
    public var pauses: [ClockPause]
    /// While materials are awaited: the day by which they must arrive.
    public var supplyBy: LocalDate?
    /// What the eligibility rules concluded, if they have run.
    public var eligibility: EligibilityFinding.Outcome?

    public init(state: ApplicationState, ownerAccountID: UUID? = nil, receivedOn: LocalDate? = nil, pauses: [ClockPause] = [], supplyBy: LocalDate? = nil,
                eligibility: EligibilityFinding.Outcome? = nil) {
        self.eligibility = eligibility
        self.state = state
        self.ownerAccountID = ownerAccountID
        self.receivedOn = receivedOn
        self.pauses = pauses
        self.supplyBy = supplyBy
    }

    /// The decision deadline, once the centre has the application.
    public var decisionDeadline: Deadline? {
        receivedOn.map { Deadline(started: $0, calendarDays: Workflow.decisionPeriodDays, pauses: pauses) }
    }

    /// The case after a transition: the state changes and the clocks follow.
    public func applying(_ transition: Transition) -> ApplicationCase {
        var next = self
        next.state = transition.to
        let today = LocalDate(transition.at)
        switch transition.clock {
        case .none: break
        case .startDecisionClock:
            next.receivedOn = today
            next.pauses = []
        case .pause(let supplyBy):
            next.supplyBy = supplyBy
            if receivedOn != nil { next.pauses.append(ClockPause(from: today, until: nil)) }
        case .resume:
            next.supplyBy = nil
            if let open = next.pauses.lastIndex(where: { $0.until == nil }) { next.pauses[open].until = today }
        case .stop:
            next.supplyBy = nil
            if let open = next.pauses.lastIndex(where: { $0.until == nil }) { next.pauses[open].until = today }
        }
        return next
    }
}
