import Foundation

/// Where a mediation stands (人民调解法 第17–33条).
public enum MediationState: String, Codable, CaseIterable, Sendable {
    /// The other side has been asked and has not answered yet.
    case awaitingReply
    /// Every party has agreed to mediation; the committee has accepted it; no mediator yet.
    case accepted
    /// A mediator is acting.
    case mediating
    /// The agreement has taken effect (第29条) or an oral agreement was recorded (第30条).
    case agreed
    /// Ended without agreement (第26条: 调解不成的，应当终止调解).
    case failed
    /// The other side refused (第17条).
    case refused
    /// The other side did not answer by the deadline.
    case lapsed
    /// The party who applied withdrew, or a party asked to stop (第23条: 要求终止调解).
    case withdrawn
    /// After the agreement: its performance checked (第31条) and the file closed.
    case closed

    public var chinese: String {
        switch self {
        case .awaitingReply: "等待对方答复"
        case .accepted: "已受理，待指定调解员"
        case .mediating: "调解中"
        case .agreed: "已达成调解协议"
        case .failed: "调解不成"
        case .refused: "对方拒绝调解"
        case .lapsed: "对方逾期未答复"
        case .withdrawn: "已撤回或终止"
        case .closed: "已结案"
        }
    }

    /// Nothing more happens to it (a closed, failed or refused mediation may be followed by
    /// another route, not by another step here).
    public var isFinal: Bool { [.failed, .refused, .lapsed, .withdrawn, .closed].contains(self) }

    /// Ended without an agreement: the applicant is told the routes still open.
    public var endedUnsettled: Bool { [.failed, .refused, .lapsed, .withdrawn].contains(self) }
}

/// What happens to a mediation.
public enum MediationEvent: Hashable, Sendable {
    case otherSideAccepts
    case otherSideRefuses(reason: String)
    case replyDeadlinePassed
    /// A mediator is assigned, chosen by the parties, or replaced after a recusal.
    case assignMediator
    /// A party objected to the mediator (回避, 第24条): they step down and another is assigned.
    case recuse(reason: String)
    /// The agreement has every signature and the seal (or an oral agreement is recorded).
    case agreementTakesEffect
    case fail(reason: String)
    case withdraw(reason: String)
    /// The return visit found the agreement performed or not; the file closes either way.
    case close

    public var name: String {
        switch self {
        case .otherSideAccepts: "otherSideAccepts"
        case .otherSideRefuses: "otherSideRefuses"
        case .replyDeadlinePassed: "replyDeadlinePassed"
        case .assignMediator: "assignMediator"
        case .recuse: "recuse"
        case .agreementTakesEffect: "agreementTakesEffect"
        case .fail: "fail"
        case .withdraw: "withdraw"
        case .close: "close"
        }
    }
}

/// Why a step was refused, in words a person can act on.
public enum MediationError: Error, Equatable, Sendable {
    case notAllowed(from: MediationState, event: String)
    case reasonRequired
    case agreementNotEffective
    case returnVisitMissing
    case rightsNotAcknowledged(parties: [String])
    case alreadySigned(who: String)
    case notASignatory(who: String)
    case sealBeforeSignatures
    case changedAfterSigning
    case extendedAlready
    case noExtensionReason

    public var chinese: String {
        switch self {
        case .notAllowed(let from, _): "调解处于“\(from.chinese)”状态，不能进行这一步"
        case .reasonRequired: "请写明原因"
        case .agreementNotEffective: "调解协议尚未生效：须各方当事人和调解员签名，并加盖调解委员会印章"
        case .returnVisitMissing: "请先记录回访（协议履行情况），再结案"
        case .rightsNotAcknowledged(let parties): "调解前须告知当事人权利义务：\(parties.joined(separator: "、"))尚未确认"
        case .alreadySigned(let who): "\(who)已经签过名，不能重复签名"
        case .notASignatory(let who): "\(who)不是这份协议的签名人"
        case .sealBeforeSignatures: "各方签名后才能加盖调解委员会印章"
        case .changedAfterSigning: "协议已有人签名；修改协议须生成新版本，由各方重新签名"
        case .extendedAlready: "调解期限只能延长一次"
        case .noExtensionReason: "延长调解期限须写明理由"
        }
    }
}

/// The mediation's steps: which event is allowed in which state, and where it leads.
public enum MediationWorkflow {
    /// Where a new mediation starts, whatever door it came through: waiting for the other side,
    /// who may refuse (第17条: 当事人一方明确拒绝调解的，不得调解), unless every party applied.
    public static func start(_ source: MediationSource, jointApplication: Bool) -> MediationState {
        jointApplication ? .accepted : .awaitingReply
    }

    /// What the guards need to know beyond the state.
    public struct Facts: Sendable {
        public var agreementEffective: Bool
        public var returnVisitRecorded: Bool

        public init(agreementEffective: Bool = false, returnVisitRecorded: Bool = false) {
            self.agreementEffective = agreementEffective
            self.returnVisitRecorded = returnVisitRecorded
        }
    }

    public static func apply(_ event: MediationEvent, to state: MediationState, facts: Facts = Facts()) -> Result<MediationState, MediationError> {
        let refused = MediationError.notAllowed(from: state, event: event.name)
        switch (state, event) {
        case (.awaitingReply, .otherSideAccepts):
            return .success(.accepted)
        case (.awaitingReply, .otherSideRefuses(let reason)):
            return reason.trimmed.isEmpty ? .failure(.reasonRequired) : .success(.refused)
        case (.awaitingReply, .replyDeadlinePassed):
            return .success(.lapsed)
        case (.accepted, .assignMediator), (.mediating, .assignMediator):
            return .success(.mediating)
        case (.mediating, .recuse(let reason)):
            return reason.trimmed.isEmpty ? .failure(.reasonRequired) : .success(.accepted)
        case (.mediating, .agreementTakesEffect):
            return facts.agreementEffective ? .success(.agreed) : .failure(.agreementNotEffective)
        case (.accepted, .fail(let reason)), (.mediating, .fail(let reason)):
            return reason.trimmed.isEmpty ? .failure(.reasonRequired) : .success(.failed)
        case (.awaitingReply, .withdraw(let reason)), (.accepted, .withdraw(let reason)), (.mediating, .withdraw(let reason)):
            return reason.trimmed.isEmpty ? .failure(.reasonRequired) : .success(.withdrawn)
        case (.agreed, .close):
            return facts.returnVisitRecorded ? .success(.closed) : .failure(.returnVisitMissing)
        default:
            return .failure(refused)
        }
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
