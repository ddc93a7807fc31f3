import Foundation

/// A legal aid case after the decision to give aid (DOMAIN §3 steps 4–6; 法律援助法 第43–50条).
public enum CaseState: String, Codable, Sendable, CaseIterable {
    /// Aid granted (or a criminal notification received); no one assigned yet.
    case awaitingAssignment
    /// Assigned to a law firm, which names the lawyer.
    case awaitingFirmNomination
    /// A lawyer (or centre staff) handles it.
    case inProgress
    /// The lawyer filed the closing report (结案报告, 第50条); the centre checks it.
    case closingReported
    case closed
    /// 质量评定 done; the return visit (回访) remains.
    case qualityReviewed
    case followedUp
    /// 第48条.
    case terminated
    /// 异地协作: handed to another region's centre with the file.
    case transferred

    public var chinese: String {
        switch self {
        case .awaitingAssignment: "待指派"
        case .awaitingFirmNomination: "待律师事务所确定承办律师"
        case .inProgress: "承办中"
        case .closingReported: "已提交结案报告，待审查"
        case .closed: "已结案"
        case .qualityReviewed: "已质量评定，待回访"
        case .followedUp: "已回访"
        case .terminated: "已终止法律援助"
        case .transferred: "已移交异地法律援助机构"
        }
    }

    public var isTerminal: Bool { [.followedUp, .terminated, .transferred].contains(self) }

    /// What happens next, in words the recipient understands. How soon a lawyer is assigned
    /// depends on how the case began: 3 days from the decision (第43条) or the notice (第36条),
    /// the same day when aid was given first (第44条).
    public func applicantNextStep(origin: CaseOrigin) -> String {
        switch self {
        case .awaitingAssignment, .awaitingFirmNomination:
            switch origin {
            case .decision: "法律援助中心正在指派律师（自决定之日起3日内），律师会主动与您联系。"
            case .notification: "法律援助中心正在指派律师（自收到通知之日起3日内），律师会主动与您联系。"
            case .urgent: "法律援助中心已决定先行提供法律援助，当日指派律师，律师会尽快与您联系。请在规定期限内补办申请手续。"
            }
        case .inProgress: "律师正在办理您的案件，会向您通报进展。如律师不履行职责，可以申请更换律师。"
        case .closingReported, .closed: "案件已办结，中心正在审查结案材料，之后会回访您，请对律师的服务作出评价。"
        case .qualityReviewed: "中心将对您进行回访，请对律师的服务作出评价。"
        case .followedUp: "案件已全部办结。如有新的法律问题，可以再次申请或拨打12348。"
        case .terminated: "法律援助已终止，请查看终止决定书。如有异议，可以向司法局提出，司法局在5日内作出决定。"
        case .transferred: "案件已移交异地法律援助机构办理，对方将与您联系。"
        }
    }

    /// What happens next, as staff read it.
    public func staffNextStep(origin: CaseOrigin) -> String {
        switch self {
        case .awaitingAssignment: "待指派：\(origin.assignmentRule)。"
        case .awaitingFirmNomination: "待律师事务所确定承办律师。"
        case .inProgress: "承办人办理，记录进展并告知受援人；办结后提交结案报告（法律援助法第50条）。"
        case .closingReported: "中心审查结案报告：通过则结案，不通过则退回。"
        case .closed: "待质量评定。"
        case .qualityReviewed: "待回访受援人并记录满意度。"
        case .followedUp: "案件已全部办结。"
        case .terminated: "法律援助已终止。受援人可以向司法局提出异议（法律援助法第49条）。"
        case .transferred: "案件已移交异地法律援助机构。"
        }
    }
}

/// 法律援助法 第48条: grounds on which aid ends.
public enum TerminationGround: String, Codable, Sendable, CaseIterable {
    case deception, concealedFacts, illegalUse, noLongerInHardship, caseEnded, ownLawyerHired, applicantRequest

    public var chinese: String {
        switch self {
        case .deception: "受援人以欺骗或者其他不正当手段获得法律援助"
        case .concealedFacts: "受援人故意隐瞒与案件有关的重要事实或者提供虚假证据"
        case .illegalUse: "受援人利用法律援助从事违法活动"
        case .noLongerInHardship: "受援人的经济状况发生变化，不再符合法律援助条件"
        case .caseEnded: "案件终止审理或者已经被撤销"
        case .ownLawyerHired: "受援人自行委托律师或者其他代理人"
        case .applicantRequest: "受援人有正当理由要求终止法律援助"
        }
    }
}

/// 质量评定 grades.
public enum QualityGrade: String, Codable, Sendable, CaseIterable {
    case excellent, good, pass, fail
    public var chinese: String {
        switch self {
        case .excellent: "优"
        case .good: "良"
        case .pass: "合格"
        case .fail: "不合格"
        }
    }
}

public enum CaseEvent: Hashable, Sendable {
    case assignLawyer(LawyerCandidate, needs: AssignmentNeeds)
    case assignFirm(firmID: UUID)
    /// The centre's own staff handle it (法律援助法 第43条: 指派…或者安排本机构具有律师资格或者法律职业资格的工作人员).
    case assignCentreStaff(accountID: UUID, name: String)
    case nominateLawyer(LawyerCandidate, needs: AssignmentNeeds)
    case changeLawyer(LawyerCandidate, needs: AssignmentNeeds, reason: String)
    case fileClosingReport(outcome: String)
    case returnClosingReport(reason: String)
    case close
    case reviewQuality(QualityGrade, remarks: String)
    case recordReturnVisit(satisfaction: Int, comments: String)
    case terminate(TerminationGround, explanation: String)
    case transfer(toCentre: String, reason: String)
    /// 第49条: the bureau upheld an objection to the termination and ordered the centre to correct it.
    case reinstate(order: String, hasLawyer: Bool)

    public var kind: CaseEventKind {
        switch self {
        case .assignLawyer: .assignLawyer
        case .assignFirm: .assignFirm
        case .assignCentreStaff: .assignCentreStaff
        case .nominateLawyer: .nominateLawyer
        case .changeLawyer: .changeLawyer
        case .fileClosingReport: .fileClosingReport
        case .returnClosingReport: .returnClosingReport
        case .close: .close
        case .reviewQuality: .reviewQuality
        case .recordReturnVisit: .recordReturnVisit
        case .terminate: .terminate
        case .transfer: .transfer
        case .reinstate: .reinstate
        }
    }
}

/// The kinds of step on a case: what the record stores, the API names and the pages post.
public enum CaseEventKind: String, Codable, Sendable, CaseIterable {
    case assignLawyer, assignFirm, assignCentreStaff, nominateLawyer, changeLawyer
    case fileClosingReport, returnClosingReport, close, reviewQuality, recordReturnVisit
    case terminate, transfer, reinstate

    public var chinese: String {
        switch self {
        case .assignLawyer: "指派律师"
        case .assignFirm: "指派律师事务所"
        case .assignCentreStaff: "安排本中心工作人员承办"
        case .nominateLawyer: "律师事务所确定承办律师"
        case .changeLawyer: "更换承办律师"
        case .fileClosingReport: "提交结案报告"
        case .returnClosingReport: "退回结案报告"
        case .close: "结案"
        case .reviewQuality: "质量评定"
        case .recordReturnVisit: "回访"
        case .terminate: "终止法律援助"
        case .transfer: "移交异地"
        case .reinstate: "司法局责令改正，恢复法律援助"
        }
    }

    /// Who may take the step: lets a page refuse before reading any input.
    public var permittedRoles: Set<Role> {
        switch self {
        case .assignLawyer, .assignFirm, .assignCentreStaff, .changeLawyer, .returnClosingReport, .close, .recordReturnVisit:
            CaseWorkflow.assigners
        case .nominateLawyer: [.lawyer]
        // 第50条: the handler files it; the centre's own staff may be the handler.
        case .fileClosingReport: [.lawyer, .centreReviewer, .centreDirector]
        case .reviewQuality: CaseWorkflow.assigners.union([.supervisor])
        case .terminate, .transfer: [.centreDirector]
        case .reinstate: [.supervisor]
        }
    }

    /// Reinstating comes only through the bureau's objection decision (第49条), never as a
    /// step asked for on the case.
    public var isRequestable: Bool { self != .reinstate }

    /// The step names who handles the case (a lawyer or the centre's own staff).
    public var assignsHandler: Bool { [.assignLawyer, .nominateLawyer, .changeLawyer, .assignCentreStaff].contains(self) }
}

public enum CaseError: Error, Hashable, Sendable {
    case illegal(from: CaseState, event: CaseEventKind)
    case roleNotPermitted(event: CaseEventKind)
    case assignment(AssignmentRefusal)
    case missingField(field: String, message: String)

    public var message: String {
        switch self {
        case let .illegal(from, _): "案件当前状态为“\(from.chinese)”，不能进行此操作"
        case .roleNotPermitted: "您的岗位无权进行此操作"
        case .assignment(let refusal): refusal.message
        case let .missingField(_, message): message
        }
    }
}

/// One accepted case event.
public struct CaseTransition: Hashable, Sendable {
    public var from: CaseState
    public var to: CaseState
    public var event: CaseEventKind
    public var at: Date
    public var payload: [String: String]
}

/// The case workflow as one pure function, like `Workflow` for applications.
public enum CaseWorkflow {
    /// 法律援助法 第43条: assign within 3 days of the decision.
    public static let assignmentPeriodDays = 3
    /// 法律援助法 第36条: assign within 3 days of a criminal notification.
    public static let criminalNotificationAssignmentDays = 3
    /// 法律援助法 第49条: the bureau decides an objection within 5 days.
    public static let objectionPeriodDays = 5

    static let assigners: Set<Role> = [.centreReviewer, .centreDirector]

    public static func apply(_ event: CaseEvent, in state: CaseState, by actor: Actor, at now: Date) -> Result<CaseTransition, CaseError> {
        func move(_ allowed: Set<CaseState>, to target: CaseState, _ payload: [String: String] = [:]) -> Result<CaseTransition, CaseError> {
            guard allowed.contains(state) else { return .failure(.illegal(from: state, event: event.kind)) }
            guard actor.roles.containsAny(event.kind.permittedRoles) else { return .failure(.roleNotPermitted(event: event.kind)) }
            return .success(CaseTransition(from: state, to: target, event: event.kind, at: now, payload: payload))
        }
        switch event {
        case let .assignLawyer(lawyer, needs):
            if let refusal = Assignment.refusal(lawyer, for: needs) { return .failure(.assignment(refusal)) }
            return move([.awaitingAssignment], to: .inProgress, ["lawyerID": lawyer.id.uuidString, "lawyer": lawyer.name])
        case .assignFirm(let firm):
            return move([.awaitingAssignment], to: .awaitingFirmNomination, ["firmID": firm.uuidString])
        case let .assignCentreStaff(account, name):
            return move([.awaitingAssignment], to: .inProgress, ["staffID": account.uuidString, "lawyer": name])
        case let .nominateLawyer(lawyer, needs):
            if let refusal = Assignment.refusal(lawyer, for: needs) { return .failure(.assignment(refusal)) }
            return move([.awaitingFirmNomination], to: .inProgress, ["lawyerID": lawyer.id.uuidString, "lawyer": lawyer.name])
        case let .changeLawyer(lawyer, needs, reason):
            guard !reason.trimmed.isEmpty else { return .failure(.missingField(field: "reason", message: "请写明更换承办律师的理由")) }
            if let refusal = Assignment.refusal(lawyer, for: needs) { return .failure(.assignment(refusal)) }
            return move([.inProgress], to: .inProgress, ["lawyerID": lawyer.id.uuidString, "lawyer": lawyer.name, "reason": reason.trimmed])
        case .fileClosingReport(let outcome):
            guard !outcome.trimmed.isEmpty else { return .failure(.missingField(field: "outcome", message: "请填写办理结果")) }
            return move([.inProgress], to: .closingReported, ["outcome": outcome.trimmed])
        case .returnClosingReport(let reason):
            guard !reason.trimmed.isEmpty else { return .failure(.missingField(field: "reason", message: "请写明退回结案报告的理由")) }
            return move([.closingReported], to: .inProgress, ["reason": reason.trimmed])
        case .close:
            return move([.closingReported], to: .closed)
        case let .reviewQuality(grade, remarks):
            return move([.closed], to: .qualityReviewed, ["grade": grade.rawValue, "remarks": remarks.trimmed])
        case let .recordReturnVisit(satisfaction, comments):
            guard (1...5).contains(satisfaction) else { return .failure(.missingField(field: "satisfaction", message: "满意度请在1到5分之间选择")) }
            return move([.qualityReviewed], to: .followedUp, ["satisfaction": String(satisfaction), "comments": comments.trimmed])
        case let .terminate(ground, explanation):
            guard !explanation.trimmed.isEmpty else { return .failure(.missingField(field: "explanation", message: "请写明终止法律援助的事实和理由")) }
            return move([.awaitingAssignment, .awaitingFirmNomination, .inProgress], to: .terminated,
                        ["ground": ground.rawValue, "explanation": explanation.trimmed])
        case let .transfer(centre, reason):
            guard !centre.trimmed.isEmpty else { return .failure(.missingField(field: "toCentre", message: "请填写接收的法律援助机构")) }
            return move([.awaitingAssignment], to: .transferred, ["toCentre": centre.trimmed, "reason": reason.trimmed])
        case let .reinstate(order, hasLawyer):
            guard !order.trimmed.isEmpty else { return .failure(.missingField(field: "explanation", message: "请写明责令改正的理由")) }
            return move([.terminated], to: hasLawyer ? .inProgress : .awaitingAssignment, ["order": order.trimmed])
        }
    }
}
