import Foundation

/// Why an action on an application was refused. Each case has a stable code for the API
/// and a Chinese message for the page.
public enum WorkflowError: Error, Hashable, Sendable {
    case illegalTransition(from: ApplicationState, event: ApplicationEventKind)
    case roleNotPermitted(event: ApplicationEventKind)
    case notOwner
    case missingField(field: String, message: String)
    case materialsPeriodNotOver(supplyBy: LocalDate)
    case supplyDateNotInFuture
    /// Someone else changed the application since this person loaded it.
    case changedConcurrently

    public var code: String {
        switch self {
        case .illegalTransition: "illegalTransition"
        case .roleNotPermitted: "forbidden"
        case .notOwner: "forbidden"
        case .missingField: "invalidField"
        case .materialsPeriodNotOver: "materialsPeriodNotOver"
        case .supplyDateNotInFuture: "invalidField"
        case .changedConcurrently: "conflict"
        }
    }

    public var field: String? {
        switch self {
        case .missingField(let field, _): field
        case .supplyDateNotInFuture: "supplyBy"
        default: nil
        }
    }

    public var message: String {
        switch self {
        case let .illegalTransition(from, event):
            "申请当前状态为“\(from.chinese)”，不能执行“\(event.chinese)”"
        case let .roleNotPermitted(event):
            "您的岗位无权执行“\(event.chinese)”"
        case .notOwner: "只能办理本人提交的申请"
        case let .missingField(_, message): message
        case let .materialsPeriodNotOver(supplyBy): "补充材料期限至\(supplyBy.chinese)，期限届满前不能视为撤回"
        case .supplyDateNotInFuture: "补充材料期限应晚于今天"
        case .changedConcurrently: "该申请刚刚已被他人处理，请刷新页面查看最新状态后再操作"
        }
    }
}

