import Foundation

/// 一次性告知: one complete list of what is missing, and the day by which to supply it.
public struct MaterialsRequest: Hashable, Codable, Sendable {
    public var items: [String]
    public var supplyBy: LocalDate

    public init(items: [String], supplyBy: LocalDate) {
        self.items = items
        self.supplyBy = supplyBy
    }
}

/// The reviewer's opinion for the director (审查意见).
public struct ReviewOpinion: Hashable, Codable, Sendable {
    public var recommendApproval: Bool
    public var opinion: String
    /// Set when the reviewer departs from the rule engine's finding: why (recorded, shown to the director).
    public var eligibilityOverride: String?

    public init(recommendApproval: Bool, opinion: String, eligibilityOverride: String? = nil) {
        self.recommendApproval = recommendApproval
        self.opinion = opinion
        self.eligibilityOverride = eligibilityOverride
    }
}

/// Something a person does to an application.
public enum ApplicationEvent: Hashable, Sendable {
    case submit
    case requestMaterials(MaterialsRequest)
    case supplyMaterials(note: String)
    /// Reason, and where else the applicant can go.
    case preReject(reason: String, referral: String)
    case preApprove(opinion: String)
    case accept
    case fileReview(ReviewOpinion)
    case approve(note: String)
    case deny(reasons: String)
    case returnForReview(reason: String)
    case withdraw(reason: String)
    case deemWithdrawn
    /// 法律援助法 第49条: the bureau upheld an objection to a denial and ordered the centre to correct it.
    case reopenAfterObjection(order: String)

    public var kind: ApplicationEventKind {
        switch self {
        case .submit: .submit
        case .requestMaterials: .requestMaterials
        case .supplyMaterials: .supplyMaterials
        case .preReject: .preReject
        case .preApprove: .preApprove
        case .accept: .accept
        case .fileReview: .fileReview
        case .approve: .approve
        case .deny: .deny
        case .returnForReview: .returnForReview
        case .withdraw: .withdraw
        case .deemWithdrawn: .deemWithdrawn
        case .reopenAfterObjection: .reopenAfterObjection
        }
    }
}

/// The kind of an event, without its data: the stable code stored with each event record.
public enum ApplicationEventKind: String, Codable, Sendable, CaseIterable {
    case submit, requestMaterials, supplyMaterials, preReject, preApprove, accept
    case fileReview, approve, deny, returnForReview, withdraw, deemWithdrawn, reopenAfterObjection

    public var chinese: String {
        switch self {
        case .submit: "提交申请"
        case .requestMaterials: "一次性告知补充材料"
        case .supplyMaterials: "补充材料"
        case .preReject: "初审不通过"
        case .preApprove: "初审通过"
        case .accept: "中心受理"
        case .fileReview: "提出审查意见"
        case .approve: "决定给予法律援助"
        case .deny: "决定不予法律援助"
        case .returnForReview: "退回重新审查"
        case .withdraw: "撤回申请"
        case .deemWithdrawn: "视为撤回"
        case .reopenAfterObjection: "司法局责令改正，重新审查"
        }
    }
}
