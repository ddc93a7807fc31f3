import Foundation

public enum ConsultationState: String, Codable, Sendable, CaseIterable {
    /// A live request in the queue.
    case waiting
    /// A live chat (or a call back that reached the person) held by its responsible person.
    case active
    /// A message-board question waiting for its written answer (24-hour clock).
    case awaitingReply
    /// The hotline owes the person a call back: a live request nobody took in time, a missed
    /// call or a voicemail.
    case callback
    /// Ended with an outcome.
    case closed
    /// The person left before anyone took the request, or could not be reached after every try.
    case abandoned

    public var chinese: String {
        switch self {
        case .waiting: "排队中"
        case .active: "咨询中"
        case .awaitingReply: "待回复"
        case .callback: "待回电"
        case .closed: "已办结"
        case .abandoned: "未接通"
        }
    }

    public var isOpen: Bool { self != .closed && self != .abandoned }
}

/// What a consultation is, as far as the rules need to know.
public struct ConsultationSnapshot: Hashable, Sendable {
    public var state: ConsultationState
    public var channel: ConsultationChannel
    /// The asker's account, when they were signed in (anonymous askers prove themselves by a
    /// conversation key the service checks; the core sees them as `.asker`).
    public var askerAccountID: UUID?
    /// 首问负责: the first person to take it, until they formally hand it on.
    public var responsibleAccountID: UUID?
    /// Everyone who has been responsible, for "who may read it afterwards".
    public var handledBy: Set<UUID>
    public var queuedAt: Date
    public var callbackAttempts: Int

    public init(state: ConsultationState, channel: ConsultationChannel, askerAccountID: UUID?, responsibleAccountID: UUID?,
                handledBy: Set<UUID> = [], queuedAt: Date, callbackAttempts: Int = 0) {
        self.state = state
        self.channel = channel
        self.askerAccountID = askerAccountID
        self.responsibleAccountID = responsibleAccountID
        self.handledBy = handledBy
        self.queuedAt = queuedAt
        self.callbackAttempts = callbackAttempts
    }
}

/// Who is acting on a consultation.
public enum ConsultationParty: Hashable, Sendable {
    /// The person who asked (signed in, or holding the conversation's key).
    case asker
    case staff(Actor)
    /// The platform's own rounds (the three-minute rule).
    case system
}

public enum CallbackResult: String, Codable, Sendable, CaseIterable {
    case reached, noAnswer, busy, unreachable, wrongNumber

    public var chinese: String {
        switch self {
        case .reached: "已接通"
        case .noAnswer: "无人接听"
        case .busy: "占线"
        case .unreachable: "无法接通"
        case .wrongNumber: "号码有误"
        }
    }
}

public enum ConsultationEvent: Hashable, Sendable {
    case take
    case handOver(to: UUID, note: String)
    case escalate
    case callbackAttempt(CallbackResult, note: String)
    case reply
    case close(ConsultationOutcome)
    case withdraw
    case sendMessage

    public var code: String {
        switch self {
        case .take: "take"
        case .handOver: "handOver"
        case .escalate: "escalate"
        case .callbackAttempt: "callbackAttempt"
        case .reply: "reply"
        case .close: "close"
        case .withdraw: "withdraw"
        case .sendMessage: "message"
        }
    }
}

/// What the service must do besides storing the new snapshot.
public enum ConsultationEffect: Hashable, Sendable {
    /// Tell the asker their request went to the hotline for a call back (page and SMS).
    case tellAskerOfCallback
    /// Tell the asker their written question has its answer.
    case tellAskerOfReply
    /// Ask the person to rate the service (page, or an SMS link after a call).
    case askForRating
}

public struct ConsultationTransition: Hashable, Sendable {
    public var from: ConsultationState
    public var snapshot: ConsultationSnapshot
    public var effects: [ConsultationEffect]
}

public enum ConsultationError: Error, Hashable, Sendable {
    case notAllowed
    case closed
    case notWaiting
    case notOnDuty
    case atCapacity(Int)
    case notResponsible
    case handOverNeedsNote
    case handOverToSelf
    case recipientNotOnDuty
    case tooEarlyToEscalate(until: Date)
    case noCallbackOwed
    case wrongChannel

    public var code: String {
        switch self {
        case .notAllowed: "forbidden"
        case .closed: "consultationClosed"
        case .notWaiting: "alreadyTaken"
        case .notOnDuty: "notOnDuty"
        case .atCapacity: "atCapacity"
        case .notResponsible: "notResponsible"
        case .handOverNeedsNote: "handOverNeedsNote"
        case .handOverToSelf: "handOverToSelf"
        case .recipientNotOnDuty: "recipientNotOnDuty"
        case .tooEarlyToEscalate: "tooEarly"
        case .noCallbackOwed: "noCallbackOwed"
        case .wrongChannel: "wrongChannel"
        }
    }

    /// The form field a page marks, where the error is about one.
    public var field: String? {
        switch self {
        case .handOverNeedsNote: "note"
        case .handOverToSelf, .recipientNotOnDuty: "to"
        default: nil
        }
    }

    public var chinese: String {
        switch self {
        case .notAllowed: "您无权处理这条咨询"
        case .closed: "这条咨询已结束，不能再发送消息。如有新问题，请重新发起咨询。"
        case .notWaiting: "这条咨询已由其他工作人员接入"
        case .notOnDuty: "请先开始值班，再接入咨询"
        case .atCapacity(let limit): "您已同时接待\(limit)位咨询人，请先结束一条再接入"
        case .notResponsible: "这条咨询由首问负责人办理；如需转交，请由负责人填写说明后转交"
        case .handOverNeedsNote: "转交时请写明已了解的情况和需要接续办理的事项"
        case .handOverToSelf: "不能转交给自己"
        case .recipientNotOnDuty: "只能转交给正在值班的同事"
        case .tooEarlyToEscalate: "等待尚未满规定时间"
        case .noCallbackOwed: "这条咨询没有待回电任务"
        case .wrongChannel: "此操作不适用于该咨询渠道"
        }
    }
}

/// The consultation's rules as one pure function (DOMAIN §4, seed 004): who may do what, in
/// which state, and what follows. The clock and the desk's state are passed in.
public enum ConsultationWorkflow {
    /// Roles that serve the desk: they may go on duty, take requests and answer.
    public static let deskRoles: Set<Role> = [.lawyer, .centreReviewer, .centreDirector, .workstationStaff, .liaisonStaff, .communityStaff]

    public static func servesDesk(_ actor: Actor) -> Bool { actor.roles.containsAny(deskRoles) }

    /// The desk as the rule needs it: who is on duty, and how many chats the actor holds.
    public struct Desk: Hashable, Sendable {
        public var onDuty: Set<UUID>
        public var openChats: [UUID: Int]
        public init(onDuty: Set<UUID>, openChats: [UUID: Int]) {
            self.onDuty = onDuty
            self.openChats = openChats
        }
    }

    public static func apply(_ event: ConsultationEvent, to consultation: ConsultationSnapshot, by party: ConsultationParty,
                             desk: Desk, now: Date, rules: DeskRules = .standard) -> Result<ConsultationTransition, ConsultationError> {
        var next = consultation
        var effects: [ConsultationEffect] = []
        let from = consultation.state
        func done() -> Result<ConsultationTransition, ConsultationError> { .success(ConsultationTransition(from: from, snapshot: next, effects: effects)) }

        guard consultation.state.isOpen else { return .failure(.closed) }
        switch event {
        case .take:
            guard case .staff(let actor) = party, servesDesk(actor) else { return .failure(.notAllowed) }
            switch consultation.state {
            case .waiting:
                guard desk.onDuty.contains(actor.accountID) else { return .failure(.notOnDuty) }
                let holding = desk.openChats[actor.accountID, default: 0]
                guard holding < rules.maxParallelChats else { return .failure(.atCapacity(rules.maxParallelChats)) }
            case .awaitingReply, .callback:
                // A written question or a call back is picked up by whoever answers it; it
                // becomes theirs from then on (首问负责).
                if let holder = consultation.responsibleAccountID, holder != actor.accountID { return .failure(.notResponsible) }
            default:
                return .failure(.notWaiting)
            }
            next.responsibleAccountID = actor.accountID
            next.handledBy.insert(actor.accountID)
            if consultation.state == .waiting { next.state = .active }
            return done()

        case .handOver(let to, let note):
            guard case .staff(let actor) = party, servesDesk(actor) else { return .failure(.notAllowed) }
            guard consultation.responsibleAccountID == actor.accountID else { return .failure(.notResponsible) }
            guard to != actor.accountID else { return .failure(.handOverToSelf) }
            guard note.trimmingCharacters(in: .whitespacesAndNewlines).count >= 2 else { return .failure(.handOverNeedsNote) }
            if consultation.channel == .live, consultation.state == .active, !desk.onDuty.contains(to) { return .failure(.recipientNotOnDuty) }
            next.responsibleAccountID = to
            next.handledBy.insert(to)
            return done()

        case .escalate:
            guard case .system = party else { return .failure(.notAllowed) }
            guard consultation.state == .waiting else { return .failure(.notWaiting) }
            let due = rules.escalationDue(queuedAt: consultation.queuedAt)
            guard now >= due else { return .failure(.tooEarlyToEscalate(until: due)) }
            next.state = .callback
            effects.append(.tellAskerOfCallback)
            return done()

        case .callbackAttempt(let result, _):
            guard case .staff(let actor) = party, servesDesk(actor) else { return .failure(.notAllowed) }
            guard consultation.state == .callback else { return .failure(.noCallbackOwed) }
            if let holder = consultation.responsibleAccountID, holder != actor.accountID { return .failure(.notResponsible) }
            next.responsibleAccountID = actor.accountID
            next.handledBy.insert(actor.accountID)
            next.callbackAttempts += 1
            if result == .reached {
                next.state = .active
            } else if next.callbackAttempts >= rules.maxCallbackAttempts || result == .wrongNumber {
                next.state = .abandoned
            }
            return done()

        case .reply:
            guard case .staff(let actor) = party, servesDesk(actor) else { return .failure(.notAllowed) }
            guard consultation.channel == .messageBoard, consultation.state == .awaitingReply else { return .failure(.wrongChannel) }
            if let holder = consultation.responsibleAccountID, holder != actor.accountID { return .failure(.notResponsible) }
            next.responsibleAccountID = actor.accountID
            next.handledBy.insert(actor.accountID)
            next.state = .closed
            effects += [.tellAskerOfReply, .askForRating]
            return done()

        case .close:
            guard case .staff(let actor) = party, servesDesk(actor) else { return .failure(.notAllowed) }
            guard consultation.responsibleAccountID == actor.accountID else { return .failure(.notResponsible) }
            guard consultation.state == .active || consultation.state == .awaitingReply else { return .failure(.notWaiting) }
            next.state = .closed
            effects.append(.askForRating)
            return done()

        case .withdraw:
            guard case .asker = party else { return .failure(.notAllowed) }
            guard consultation.state == .waiting else { return .failure(.notWaiting) }
            next.state = .abandoned
            return done()

        case .sendMessage:
            switch party {
            case .asker:
                // While a call back is owed the person may still add to their question.
                guard [.waiting, .active, .callback].contains(consultation.state) else { return .failure(.closed) }
            case .staff(let actor):
                guard consultation.responsibleAccountID == actor.accountID, consultation.state == .active else { return .failure(.notResponsible) }
            case .system:
                return .failure(.notAllowed)
            }
            return done()
        }
    }

    /// Who may read a consultation: the asker; the person responsible and everyone who was;
    /// anyone serving the desk while it waits for someone to take it (queue, call back, written
    /// question); supervisors always (they see every number, and the conversations behind them).
    public static func canView(_ consultation: ConsultationSnapshot, by party: ConsultationParty) -> Bool {
        switch party {
        case .asker, .system: return true
        case .staff(let actor):
            if actor.has(.supervisor) { return true }
            guard servesDesk(actor) else { return false }
            if consultation.handledBy.contains(actor.accountID) { return true }
            return consultation.responsibleAccountID == nil && [.waiting, .callback, .awaitingReply].contains(consultation.state)
        }
    }
}
