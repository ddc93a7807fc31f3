import Foundation

/// The record of one accepted event: who moved the application from where to where, when and why.
public struct Transition: Hashable, Sendable {
    public enum ClockEffect: Hashable, Sendable {
        case none
        /// The centre has received the application: the decision period starts.
        case startDecisionClock
        /// Materials were asked for: the clock stops until they arrive.
        case pause(supplyBy: LocalDate)
        /// Materials arrived: the clock runs again.
        case resume
        /// The application left the workflow.
        case stop
    }

    public var from: ApplicationState
    public var to: ApplicationState
    public var event: ApplicationEventKind
    public var actorID: UUID
    public var at: Date
    /// A short code for the reason where the event has one (e.g. the recommendation).
    public var reasonCode: String?
    /// The event's own data, for the record and for the documents it produces.
    public var payload: [String: String]
    public var clock: ClockEffect
    /// Documents this transition issues.
    public var documents: [DocumentKind]

    public init(from: ApplicationState, to: ApplicationState, event: ApplicationEventKind, actorID: UUID, at: Date,
                reasonCode: String? = nil, payload: [String: String] = [:], clock: ClockEffect = .none, documents: [DocumentKind] = []) {
        self.from = from
        self.to = to
        self.event = event
        self.actorID = actorID
        self.at = at
        self.reasonCode = reasonCode
        self.payload = payload
        self.clock = clock
        self.documents = documents
    }
}
