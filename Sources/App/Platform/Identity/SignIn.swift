import Fluent
import LegalAidCore
import Vapor

/// One sign-in attempt, for pages and the API alike: checks the password and the lockout,
/// audits the outcome, and says plainly why it failed.
enum SignIn {
    static func attempt(_ req: Request, username: String, password: String) async throws -> Result<AccountModel, AppError> {
        let target = "username:\(AuditTarget.username(username))"
        switch try await Credentials.check(username: username, password: password, services: req.fayuan, on: req.db) {
        case .signedIn(let account):
            try await req.audit("auth.signIn", target: "account:\(account.id!)", account: account)
            return .success(account)
        case let .locked(account, until, justNow):
            try await req.audit(justNow ? "auth.lockout" : "auth.signIn", target: "account:\(account.id!)", outcome: .denied,
                                detail: "锁定至\(TimeText.chinese(until))", account: account)
            return .failure(AppError(status: .forbidden, code: "accountLocked",
                                     message: "登录失败次数过多，账号已暂时锁定，请于\(TimeText.clock(until))后再试。如需立即解锁，请联系安全管理员。",
                                     field: "password"))
        case .refused(let account):
            try await req.audit("auth.signIn", target: account.map { "account:\($0.id!)" } ?? target, outcome: .failure, account: account)
            return .failure(AppError(status: .unauthorized, code: "badCredentials", message: "用户名或密码不正确，请重新输入", field: "password"))
        case .demoPasswordInProduction(let account):
            try await req.audit("auth.signIn", target: "account:\(account.id!)", outcome: .denied, detail: "生产环境不允许使用演示密码", account: account)
            return .failure(AppError(status: .forbidden, code: "demoPassword", message: "演示密码不能在正式环境中使用，请联系安全管理员重置密码", field: "password"))
        }
    }

    /// Starts a page session: a fresh session id, and the times and epoch the lifetime checks use.
    static func startSession(_ req: Request, account: AccountModel) {
        req.session.id = nil // a fresh session id at sign-in (no fixation)
        req.auth.login(account)
        let now = String(req.now.timeIntervalSince1970)
        req.session.data["signedInAt"] = now
        req.session.data["lastSeenAt"] = now
        req.session.data["epoch"] = String(account.sessionEpoch)
    }
}

extension TimeText {
    /// `14:05` in China time.
    static func clock(_ date: Date) -> String {
        let minutes = Int(date.timeIntervalSince(LocalDate(date).startOfDay) / 60)
        return String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }
}
