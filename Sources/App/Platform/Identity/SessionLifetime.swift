import Vapor

/// Ends page sessions that sat idle too long, that are older than the absolute limit, or that
/// were signed out everywhere (the account's epoch moved on). 等保2.0: idle sessions end.
struct SessionLifetime: GatedMiddleware {
    static let lastSeenGranularity: TimeInterval = 60

    func applies(to request: Request) -> Bool { request.auth.has(AccountModel.self) && request.hasSession }

    func handle(_ request: Request, next: AsyncResponder) async throws -> Response {
        guard let account = request.auth.get(AccountModel.self) else { return try await next.respond(to: request) }
        let settings = request.fayuan.settings
        let now = request.now.timeIntervalSince1970
        let signedIn = request.session.data["signedInAt"].flatMap(Double.init) ?? 0
        let lastSeen = request.session.data["lastSeenAt"].flatMap(Double.init) ?? 0
        let epoch = request.session.data["epoch"].flatMap(Int.init) ?? -1
        let idle = now - lastSeen > Double(settings.sessionIdleMinutes) * 60
        let tooOld = now - signedIn > Double(settings.sessionAbsoluteHours) * 3600
        if idle || tooOld || epoch != account.sessionEpoch {
            request.auth.logout(AccountModel.self)
            // Forget the sign-in (the form token is a cookie, so the page in front of them still posts).
            request.session.data = SessionData()
            request.flash(epoch != account.sessionEpoch ? "您已在所有设备上退出，请重新登录。" : "为保护您的信息，长时间未操作已自动退出，请重新登录。")
            try await request.audit("auth.sessionEnded", target: "account:\(account.id!)", detail: idle ? "idle" : tooOld ? "absolute" : "revoked", account: account)
        } else if now - lastSeen >= Self.lastSeenGranularity {
            // Idle time is tracked to the minute: a session is rewritten at most once a minute,
            // not on every page it reads.
            request.session.data["lastSeenAt"] = String(now)
        }
        return try await next.respond(to: request)
    }
}

/// Accounts created by an administrator must choose their own password before anything else.
struct PasswordChangeRequired: Middleware {
    static let allowed: Set<String> = [SiteURL.changePassword.path, SiteURL.logout.path]

    func respond(to request: Request, chainingTo next: Responder) -> EventLoopFuture<Response> {
        guard let account = request.auth.get(AccountModel.self), account.mustChangePassword,
              !Self.allowed.contains(request.url.path), !SiteURL.isAsset(request.url.path)
        else { return next.respond(to: request) }
        if SiteURL.isAPI(request.url.path) {
            return request.eventLoop.makeFailedFuture(AppError(status: .forbidden, code: "passwordChangeRequired", message: "首次登录请先修改密码"))
        }
        return request.eventLoop.makeSucceededFuture(request.redirect(to: SiteURL.changePassword.path))
    }
}
