import Foundation

/// How long each kind of personal data is kept (PIPL: no longer than the purpose needs).
/// `purge-expired` deletes what has passed its period; the rest is listed for the record.
public enum RetentionCategory: String, CaseIterable, Sendable {
    case unsubmittedDraft
    case smsOutbox
    case inAppMessage
    case apiToken
    /// Answers kept for `Idempotency-Key` retries and one-time form tokens.
    case repeatGuard
    /// Wrong status-lookup tries per number and day.
    case lookupFailure
    case auditTrail
    case decidedApplication

    /// Days after the reference moment; nil when nothing is deleted automatically.
    public var days: Int? {
        switch self {
        case .unsubmittedDraft: 180
        case .smsOutbox: 90
        case .inAppMessage: 730
        case .apiToken: 0
        case .repeatGuard: 1
        case .lookupFailure: 2
        case .auditTrail: nil      // ≥ 183 days; pruned by hand with prune-audit
        case .decidedApplication: nil // archived with the case file (法律援助档案), not purged here
        }
    }

    /// A short name, for the audit trail.
    public var label: String {
        switch self {
        case .unsubmittedDraft: "草稿"
        case .smsOutbox: "短信记录"
        case .inAppMessage: "站内消息"
        case .apiToken: "接口令牌"
        case .repeatGuard: "防重复提交记录"
        case .lookupFailure: "查询错误记录"
        case .auditTrail: "审计日志"
        case .decidedApplication: "已决定的申请"
        }
    }

    public var chinese: String {
        switch self {
        case .unsubmittedDraft: "未提交的申请草稿：最后修改后180天删除（含附件）"
        case .smsOutbox: "短信发送记录（含手机号）：生成后90天删除"
        case .inAppMessage: "站内消息：生成后2年删除"
        case .apiToken: "接口令牌：过期即删除"
        case .repeatGuard: "防重复提交记录（含接口返回内容，加密保存）：24小时后删除"
        case .lookupFailure: "进度查询错误次数：2天后删除"
        case .auditTrail: "审计日志：至少保存6个月，由审计管理员按需用 prune-audit 清理"
        case .decidedApplication: "已决定或已结束的申请：随法律援助案卷归档保存，不自动删除"
        }
    }
}
