import Foundation

/// Where a legal aid application stands (DOMAIN §3; 法律援助法 第38–43条; seed 000).
public enum ApplicationState: String, Codable, Sendable, CaseIterable {
    case draft
    /// At the workstation or liaison centre, waiting for pre-review (初审).
    case submitted
    /// Pre-review asked once for everything missing (一次性告知).
    case preReviewMaterialsRequested
    case preRejected
    /// Pre-approved and received by the legal aid centre: the 7-day clock runs.
    case forwarded
    /// Accepted by the centre's reviewer and under review.
    case underReview
    /// The centre asked for missing materials; the decision clock is stopped.
    case centreMaterialsRequested
    /// The reviewer has given an opinion; the director decides.
    case awaitingDecision
    case approved
    case denied
    case withdrawn
    /// Missing materials were not supplied in time (法律援助法 第43条).
    case deemedWithdrawn

    public var chinese: String {
        switch self {
        case .draft: "草稿"
        case .submitted: "已提交，等待初审"
        case .preReviewMaterialsRequested: "初审待补充材料"
        case .preRejected: "初审未通过"
        case .forwarded: "初审通过，已报送法律援助中心"
        case .underReview: "法律援助中心审查中"
        case .centreMaterialsRequested: "审查待补充材料"
        case .awaitingDecision: "等待审批"
        case .approved: "决定给予法律援助"
        case .denied: "决定不予法律援助"
        case .withdrawn: "已撤回"
        case .deemedWithdrawn: "视为撤回"
        }
    }

    /// What happens next, in words an applicant understands.
    public var nextStep: String {
        switch self {
        case .draft: "申请尚未提交。请补全信息后点击“提交申请”。"
        case .submitted: "街道法律援助工作站将对您的申请进行初审，可能通过视频与您核对信息，请保持电话畅通。"
        case .preReviewMaterialsRequested, .centreMaterialsRequested: "请在期限内补充下方列出的材料。补齐之前审查期限暂停计算；逾期未补充的，视为撤回申请。"
        case .preRejected: "您的申请未通过初审，请查看原因及建议的其他办理途径。"
        case .forwarded: "申请已送达法律援助中心，中心将自收到之日起7日内作出是否给予法律援助的决定。"
        case .underReview: "法律援助中心正在审查您的申请。"
        case .awaitingDecision: "审查已完成，正在等待中心负责人审批。"
        case .approved: "中心已决定给予法律援助，将在3日内指派律师，律师会主动与您联系。"
        case .denied: "中心决定不予法律援助。如有异议，可自收到决定之日起向司法局提出。"
        case .withdrawn, .deemedWithdrawn: "本申请已结束。如仍需帮助，可以重新申请或拨打12348热线。"
        }
    }

    /// What happens next, as staff read it: whose move it is and under which rule.
    public var staffNextStep: String {
        switch self {
        case .draft: "申请人尚未提交。"
        case .submitted: "待初审：核对申请人身份和材料（可视频核对），材料不全的一次性告知，或作出初审意见。"
        case .preReviewMaterialsRequested: "等待申请人补充材料；逾期未补充的，可以按视为撤回处理。"
        case .preRejected: "初审未通过，已告知申请人理由和其他途径。"
        case .forwarded: "待法律援助中心受理。中心应自收到申请之日起7日内作出决定（法律援助法第43条）。"
        case .underReview: "审查员审查后提出审查意见，报中心负责人审批。"
        case .centreMaterialsRequested: "等待申请人补充材料，决定期限暂停计算；逾期未补充的，可以按视为撤回处理。"
        case .awaitingDecision: "待中心负责人审批：决定给予或者不予法律援助。"
        case .approved: "已决定给予法律援助，进入案件指派和办理。"
        case .denied: "已决定不予法律援助。申请人可以向司法局提出异议（法律援助法第49条）。"
        case .withdrawn, .deemedWithdrawn: "本申请已结束。"
        }
    }

    public var isTerminal: Bool {
        switch self {
        case .preRejected, .approved, .denied, .withdrawn, .deemedWithdrawn: true
        default: false
        }
    }

    /// Pre-review happens at a workstation or liaison centre; the rest at the centre.
    public var isAtPreReview: Bool { self == .submitted || self == .preReviewMaterialsRequested }
    public var isAtCentre: Bool { [.forwarded, .underReview, .centreMaterialsRequested, .awaitingDecision].contains(self) }
    public var awaitsMaterials: Bool { self == .preReviewMaterialsRequested || self == .centreMaterialsRequested }
}
