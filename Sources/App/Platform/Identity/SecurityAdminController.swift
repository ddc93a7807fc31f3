import Fluent
import LegalAidCore
import Vapor

/// The security administrator sees locked accounts and unlocks them.
struct SecurityAdminController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        let security = routes.grouped(RoleGuard(.securityAdmin))
        security.get(.lockedAccounts, use: index)
        security.post(.unlockAccount(.key), use: unlock)
    }

    func index(req: Request) async throws -> HTML {
        let now = req.now
        let page = try await AccountModel.query(on: req.db).staff().sort(\.$username).paged(try ListPage.from(req))
        let staff = page.items
        let csrf = req.pageContext.csrfToken
        let rows: [HTML] = staff.map { account in
            let locked = account.lockedUntil.map { $0 > now } ?? false
            let unlock: HTML = when(locked) {
                "<form method=\"post\" action=\"\(SiteURL.unlockAccount(account.id!))\" class=\"inline\">\(Fields.csrf(csrf))<button type=\"submit\" class=\"secondary\">解锁</button></form>"
            }
            return """
            <tr><td>\(account.displayName)（\(account.username)）</td>
            <td>\(account.roles?.roles.map(\.chinese).sorted().joined(separator: "、") ?? "（角色无效）")</td>
            <td>\(locked ? "锁定至" + TimeText.chinese(account.lockedUntil!) : "正常")</td>
            <td><a href="\(SiteURL.accountRoles(account.id!))">岗位授权</a> \(unlock)</td></tr>
            """
        }
        return req.page("账号安全", """
        <p>连续登录失败\(req.fayuan.settings.lockoutMaxFailures)次的账号会被锁定\(req.fayuan.settings.lockoutMinutes)分钟，核实是本人后可以提前解锁。岗位授权的每次变更都记入审计日志。</p>
        <div class="table-wrap"><table><thead><tr><th scope="col">账号</th><th scope="col">岗位</th><th scope="col">状态</th><th scope="col">操作</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        \(Pager.render(page, req, unit: "个账号"))
        """)
    }

    func unlock(req: Request) async throws -> Response {
        guard let account = try await AccountModel.find(try req.parameters.id(), on: req.db) else { throw AppError.notFound("账号") }
        account.lockout = LockoutPolicy.State()
        try await account.save(on: req.db)
        try await req.audit("security.unlock", target: "account:\(account.id!)")
        req.flash("已解锁：\(account.displayName)")
        return req.redirect(to: SiteURL.lockedAccounts.path)
    }
}
