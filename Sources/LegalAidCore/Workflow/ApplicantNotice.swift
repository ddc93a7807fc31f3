import Foundation

/// What the applicant is told when their application moves: an in-app message and an SMS.
/// Neither carries case facts, ID numbers or reasons in full: the SMS may be read by anyone
/// holding the phone, so it points to the status page instead.
public struct ApplicantNotice: Hashable, Sendable {
    public var title: String
    public var body: String
    public var sms: String

    public static func forTransition(_ transition: Transition, applicationNumber number: String) -> ApplicantNotice? {
        let lookup = "可凭申请编号和手机号后四位在“法援在线”查询进度，或拨打12348。"
        let headline: String
        switch transition.event {
        case .submit: headline = "已提交，等待街道法律援助工作站初审"
        case .requestMaterials:
            let supplyBy = transition.payload["supplyBy"].flatMap(LocalDate.init(iso:))?.chinese ?? ""
            headline = "需要补充材料，请于\(supplyBy)前补充"
        case .supplyMaterials: headline = "补充材料已收到，审查继续进行"
        case .preReject: headline = "未通过初审，请查看原因和建议的其他途径"
        case .preApprove: headline = "已通过初审并报送法律援助中心，中心将在7日内作出决定"
        case .accept: headline = "法律援助中心已受理，正在审查"
        case .fileReview, .returnForReview: return nil  // internal steps: nothing changes for the applicant
        case .approve: headline = "中心决定给予法律援助，将在3日内指派律师"
        case .deny: headline = "中心决定不予法律援助，您可查看决定书及异议途径"
        case .withdraw: headline = "已撤回"
        case .deemWithdrawn: headline = "因未在期限内补充材料，视为撤回"
        case .reopenAfterObjection: headline = "经司法局审查异议，已责令法律援助中心重新审查，中心将在7日内重新作出决定"
        }
        let body = "您的法律援助申请（\(number)）\(headline)。"
        return ApplicantNotice(title: transition.to.chinese, body: body + transition.to.nextStep, sms: "【法援在线】" + body + lookup)
    }
}
