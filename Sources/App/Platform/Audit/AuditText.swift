import LegalAidCore

/// The audit trail in Chinese for the audit administrator: event codes stay stable in storage
/// (they are what the chain hashes and what filters match), and are shown by name.
enum AuditText {
    /// Families of events, for the filter on `/audit`: the platform's and every feature's.
    static var families: [(prefix: String, label: String)] { platformFamilies + features.flatMap(\.auditVocabulary.families) }

    private static let featureNames: [String: String] = features.reduce(into: [:]) { names, feature in
        names.merge(feature.auditVocabulary.events) { first, _ in first }
    }

    private static let platformFamilies: [(prefix: String, label: String)] = [
        ("auth.", "登录与身份验证"),
        ("account.", "账号注册"),
        ("personalData.", "查看个人信息"),
        ("access.", "越权访问被拒绝"),
        ("admin.", "系统管理"),
        ("security.", "安全管理"),
        ("audit.", "审计管理"),
        ("retention.", "数据保存期限"),
    ]

    private static let names: [String: String] = [
        "auth.signIn": "登录",
        "auth.signOut": "退出登录",
        "auth.token": "签发接口令牌",
        "auth.secondFactor": "动态验证码验证",
        "auth.secondFactorEnrolled": "启用动态验证码",
        "auth.smsCode": "短信验证码验证",
        "auth.smsCodeSent": "发送短信验证码",
        "auth.smsSecondFactor": "短信验证码设置",
        "auth.passwordChanged": "修改密码",
        "auth.sessionEnded": "会话超时结束",
        "auth.logoutEverywhere": "在所有设备上退出",
        "auth.lockout": "账号锁定",
        "account.register": "注册账号",
        "personalData.view": "查看个人信息",
        "personalData.reveal": "显示完整证件号和手机号",
        "access.denied": "越权访问被拒绝",
        "admin.accountCreated": "创建工作人员账号",
        "admin.holidayAdded": "录入节假日",
        "admin.holidayRemoved": "删除节假日",
        "security.roleChange": "岗位授权变更",
        "security.unlock": "解除账号锁定",
        "audit.export": "导出审计记录",
        "audit.pruned": "清理过期审计记录",
        "retention.purge": "清理过期数据",
    ]

    /// `auth.signIn` → 登录; a feature's event by the name its vocabulary gives.
    static func event(_ code: String) -> String {
        if let name = names[code] ?? featureNames[code] { return name }
        return families.first { code.hasPrefix($0.prefix) }.map { $0.label } ?? "其他事件"
    }

    static func outcome(_ outcome: String) -> String {
        switch outcome {
        case "success": "成功"
        case "failure": "失败"
        case "denied": "拒绝"
        default: outcome
        }
    }

    /// `application:FY2026-000001` → 申请 FY2026-000001.
    static func target(_ target: String) -> String {
        let kinds = [("account:", "账号 "), ("holiday:", "节假日 "), ("path:", "页面 ")]
            + features.flatMap(\.auditVocabulary.targets).map { ($0.prefix, $0.label + " ") }
        for (prefix, name) in kinds where target.hasPrefix(prefix) { return name + target.dropFirst(prefix.count) }
        switch target {
        case "audit": return "审计记录"
        case "holidays": return "节假日安排"
        default: return target
        }
    }

    /// `centreReviewer,lawyer` → 法援中心审查员、承办律师.
    static func roles(_ roles: some Collection<Role>) -> String {
        roles.sorted { $0.rawValue < $1.rawValue }.map(\.chinese).joined(separator: "、")
    }
}
