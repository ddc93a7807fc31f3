import Foundation

/// What the applicant is told when their application moves: an in-app message and an SMS.
/// Neither carries case facts, ID numbers or reasons in full: the SMS may be read by anyone
/// holding the phone, so it points to the status page instead. Each message says what
/// happened and what comes next, once.
public enum ApplicantNotice {

    /// - Parameter aidAlreadyGiven: aid was given first and a lawyer assigned (先行提供, 第44条),
    ///   so a decision completes the paperwork rather than starting an assignment.
    public static func forTransition(_ transition: Transition, applicationNumber number: String, aidAlreadyGiven: Bool = false) -> Notice? {
        let again = "如仍需帮助，可以重新申请或拨打12348热线。"
        // What happened (for the SMS too), then what comes next (in-app only).
        let happened: String
        let next: String
        switch transition.event {
        case .submit:
            happened = "已提交"
            next = "街道法律援助工作站将进行初审，可能通过视频与您核对信息，请保持电话畅通。"
        case .requestMaterials:
            let supplyBy = transition.payload["supplyBy"].flatMap(LocalDate.init(iso:))?.chinese ?? ""
            happened = "需要补充材料，请于\(supplyBy)前补充"
            next = "所需材料的完整清单请在申请页面或进度查询中查看。补齐之前审查期限暂停计算；逾期未补充的，视为撤回申请。"
        case .supplyMaterials:
            happened = "补充材料已收到"
            next = "审查继续进行，期限自今日起恢复计算。"
        case .preReject:
            happened = "未通过初审"
            next = "请在申请页面查看原因和建议的其他办理途径。"
        case .preApprove:
            happened = "已通过初审并报送法律援助中心"
            next = "中心将自收到申请之日起7日内作出是否给予法律援助的决定。"
        case .accept:
            happened = "已由法律援助中心受理"
            next = "中心正在审查，将在法定期限内作出决定。"
        case .fileReview, .returnForReview: return nil  // internal steps: nothing changes for the applicant
        case .approve:
            happened = "经审查，中心决定给予法律援助"
            next = aidAlreadyGiven
                ? "补办手续已经完成，由已指派的律师继续办理。"
                : "中心将自决定之日起3日内指派律师，律师会主动与您联系。"
        case .deny:
            happened = "经审查，中心决定不予法律援助"
            next = "请查看不予法律援助决定书；如有异议，可以向司法局提出，司法局在5日内作出决定。"
        case .withdraw:
            happened = "已撤回"
            next = again
        case .deemWithdrawn:
            happened = "因未在期限内补充材料，视为撤回"
            next = again
        case .reopenAfterObjection:
            happened = "经司法局审查异议，已责令法律援助中心重新审查"
            next = "中心将在7日内重新作出决定。"
        }
        return Notice(ApplicationProgress(state: transition.to.chinese, number: number, happened: happened, next: next))
    }
}
