import Kernel

/// How long the platform keeps what it holds about people: messages sent, tokens, repeat guards
/// and the audit trail.
extension RetentionCategory {
    static let smsOutbox = RetentionCategory(key: "smsOutbox", days: 90, label: "短信记录", chinese: "短信发送记录（含手机号）：生成后90天删除")
    static let inAppMessage = RetentionCategory(key: "inAppMessage", days: 730, label: "站内消息", chinese: "站内消息：生成后2年删除")
    static let apiToken = RetentionCategory(key: "apiToken", days: 0, label: "接口令牌", chinese: "接口令牌：过期即删除")
    /// Answers kept for `Idempotency-Key` retries and one-time form tokens.
    static let repeatGuard = RetentionCategory(key: "repeatGuard", days: 1, label: "防重复提交记录",
                                               chinese: "防重复提交记录（含接口返回内容，加密保存）：24小时后删除")
    /// At least 183 days; pruned by hand with `prune-audit`.
    static let auditTrail = RetentionCategory(key: "auditTrail", days: nil, label: "审计日志",
                                              chinese: "审计日志：至少保存6个月，由审计管理员按需用 prune-audit 清理")
}
