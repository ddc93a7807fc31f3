import Fluent
import LegalAidCore
import Vapor

/// The security administrator sees locked accounts and unlocks them.
struct SecurityAdminController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get("security", "locked-accounts", use: index)
        routes.post("security", "locked-accounts", ":id", "unlock", use: unlock)
    }

    func index(req: Request) async throws -> HTML {
        _ = try req.require(.securityAdmin)
        let now = req.now
        let locked = try await AccountModel.query(on: req.db).filter(\.$lockedUntil > now).all()
        let csrf = req.pageContext.csrfToken
        let rows: [HTML] = locked.map { account in
            """
            <tr><td>\(account.displayName)</td><td>\(account.lockedUntil.map(TimeText.chinese) ?? "")</td>
            <td><form method="post" action="/security/locked-accounts/\(account.id!.uuidString)/unlock" class="inline">\(Fields.csrf(csrf))<button type="submit" class="secondary">解锁</button></form></td></tr>
            """
        }
        return req.page("被锁定的账号", """
        <p>连续登录失败\(req.fayuan.settings.lockoutMaxFailures)次的账号会被锁定\(req.fayuan.settings.lockoutMinutes)分钟。核实是本人后可以提前解锁。</p>
        \((locked.isEmpty ? "<p>目前没有被锁定的账号。</p>" : "<table><thead><tr><th scope=\"col\">账号</th><th scope=\"col\">锁定至</th><th scope=\"col\">操作</th></tr></thead><tbody>\(rows)</tbody></table>") as HTML)
        """)
    }

    func unlock(req: Request) async throws -> Response {
        _ = try req.require(.securityAdmin)
        guard let account = try await AccountModel.find(try req.parameters.require("id", as: UUID.self), on: req.db) else { throw AppError.notFound("账号") }
        account.lockout = LockoutPolicy.State()
        try await account.save(on: req.db)
        try await req.audit("security.unlock", target: "account:\(account.id!)")
        req.flash("已解锁：\(account.displayName)")
        return req.redirect(to: SiteURL.lockedAccounts.path)
    }
}
