import Foundation

/// How long legal aid keeps what applicants tell it (PIPL: no longer than the purpose needs).
extension RetentionCategory {
    public static let unsubmittedDraft = RetentionCategory(key: "unsubmittedDraft", days: 180, label: "草稿",
                                                           chinese: "未提交的申请草稿：最后修改后180天删除（含附件）")
    /// Wrong status-lookup tries per number and day.
    public static let lookupFailure = RetentionCategory(key: "lookupFailure", days: 2, label: "查询错误记录", chinese: "进度查询错误次数：2天后删除")
    /// Archived with the case file (法律援助档案), not purged here.
    public static let decidedApplication = RetentionCategory(key: "decidedApplication", days: nil, label: "已决定的申请",
                                                             chinese: "已决定或已结束的申请：随法律援助案卷归档保存，不自动删除")
}
