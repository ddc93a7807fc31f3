import Fluent
import LegalAidCore
import Vapor

/// The system administrator creates staff accounts; the security administrator decides their
/// roles (三员分立: neither does the other's job, and no account holds two administrator roles).
struct AccountAdminController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        let system = routes.grouped(RoleGuard(.systemAdmin))
        system.get(.accountAdmin, use: index)
        system.post(.accountAdmin, use: create)
        let security = routes.grouped(RoleGuard(.securityAdmin))
        security.get(.accountRoles(.key), use: rolesPage)
        security.post(.accountRoles(.key), use: setRoles)
    }

    struct NewAccount: Content {
        var username: String?
        var displayName: String?
        var organisationID: String?
        var role: String?
    }

    /// Roles the system administrator may give a new account; administrator roles are the
    /// security administrator's to grant.
    static let workingRoles: [Role] = [.communityStaff, .workstationStaff, .liaisonStaff, .centreReviewer, .centreDirector, .lawyer, .supervisor]

    func index(req: Request) async throws -> HTML {
        return try await render(req, input: NewAccount(), errors: FormErrors(), created: nil)
    }

    func create(req: Request) async throws -> Response {
        let admin = try req.requireAccount()
        let input = try req.content.decode(NewAccount.self)
        let reference = try await req.referenceData()
        var errors: [FieldError] = []
        let username = (input.username ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        if username.count < 3 || username.count > 32 || !username.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) || username.first?.isNumber == true {
            errors.append(FieldError(field: "username", code: "invalidUsername", message: "登录名用3到32位英文字母、数字或下划线，以字母开头"))
        } else if try await AccountModel.query(on: req.db).filter(\.$username == username).first() != nil {
            errors.append(FieldError(field: "username", code: "taken", message: "该登录名已被使用"))
        }
        let name = (input.displayName ?? "").trimmingCharacters(in: .whitespaces)
        if name.isEmpty { errors.append(.required("displayName", "姓名")) }
        let organisation = input.organisationID.flatMap(UUID.init(uuidString:)).flatMap { reference.tree[$0] }
        if organisation == nil { errors.append(FieldError(field: "organisationID", code: "required", message: "请选择所属机构")) }
        let role = input.role.flatMap(Role.init(rawValue:)).flatMap { Self.workingRoles.contains($0) ? $0 : nil }
        if role == nil { errors.append(FieldError(field: "role", code: "required", message: "请选择岗位")) }
        guard errors.isEmpty, let organisation, let role else {
            return try await render(req, input: input, errors: FormErrors(errors), created: nil).response(req, status: .unprocessableEntity)
        }
        let password = InitialPassword.make(policy: req.fayuan.passwordPolicy, username: username)
        let account = AccountModel(username: username, passwordHash: try Bcrypt.hash(password, cost: req.fayuan.settings.bcryptCost),
                                   displayName: name, roles: try RoleSet([role]), organisationID: organisation.id, mustChangePassword: true)
        try await account.create(on: req.db)
        try await req.audit("admin.accountCreated", target: "account:\(account.id!)", detail: "岗位：\(role.chinese)", account: admin)
        return try await render(req, input: NewAccount(), errors: FormErrors(), created: (account, password)).encodeResponse(for: req)
    }

    private func render(_ req: Request, input: NewAccount, errors: FormErrors, created: (AccountModel, String)?) async throws -> HTML {
        let reference = try await req.referenceData()
        let page = try await AccountModel.query(on: req.db).staff().sort(\.$username).paged(try ListPage.from(req))
        let accounts = page.items
        let csrf = req.pageContext.csrfToken
        let orgOptions = reference.tree.nodes.values.filter { $0.kind != .communityPoint || true }.sorted { $0.name < $1.name }
            .map { (value: $0.id.uuidString, label: $0.name) }
        let roleOptions = Self.workingRoles.map { (value: $0.rawValue, label: $0.chinese) }
        let rows: [HTML] = accounts.map { account in
            """
            <tr><td>\(account.username)</td><td>\(account.displayName)</td><td>\(reference.name(account.organisationID))</td>
            <td>\(account.roles?.roles.map(\.chinese).sorted().joined(separator: "、") ?? "（角色无效）")</td>
            <td>\(account.mustChangePassword ? "待首次改密" : "正常")\(account.totpSecret == nil ? "，未启用动态验证码" : "")</td></tr>
            """
        }
        let notice: HTML = created.map { account, password -> HTML in
            """
            <div class="panel notice" role="status"><p>已创建账号 <strong>\(account.username)</strong>（\(account.displayName)）。</p>
            <p>初始密码：<code class="key">\(password)</code></p>
            <p>请当面或通过安全渠道告知本人。该密码只显示这一次；本人首次登录须修改密码并启用动态验证码。</p></div>
            """
        } ?? .empty
        return req.page("账号管理", """
        \(notice)
        <h2>新建工作人员账号</h2>
        \(errors.summary())
        <form method="post" action="\(SiteURL.accountAdmin)" class="panel" novalidate>
          \(Fields.csrf(csrf))
          \(Fields.text("username", "登录名", value: input.username ?? "", errors: errors, hint: "英文字母、数字或下划线，例如 zhangsan"))
          \(Fields.text("displayName", "姓名", value: input.displayName ?? "", errors: errors))
          \(Fields.select("organisationID", "所属机构", options: orgOptions, selected: input.organisationID, errors: errors))
          \(Fields.select("role", "岗位", options: roleOptions, selected: input.role, errors: errors, hint: "三类管理员角色由安全管理员授予"))
          <div class="actions"><button type="submit">创建账号</button></div>
        </form>
        <h2>工作人员账号</h2>
        <div class="table-wrap"><table><thead><tr><th scope="col">登录名</th><th scope="col">姓名</th><th scope="col">机构</th><th scope="col">岗位</th><th scope="col">状态</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        \(Pager.render(page, req, unit: "个账号"))
        """)
    }

    // MARK: Roles (security administrator)

    func rolesPage(req: Request) async throws -> HTML {
        guard let account = try await AccountModel.find(try req.parameters.id(), on: req.db), !account.isCitizen else {
            throw AppError.notFound("账号")
        }
        return try await renderRoles(req, account: account, errors: FormErrors())
    }

    struct RolesInput: Content {
        var roles: [String]?
    }

    func setRoles(req: Request) async throws -> Response {
        guard let account = try await AccountModel.find(try req.parameters.id(), on: req.db), !account.isCitizen else {
            throw AppError.notFound("账号")
        }
        let chosen = Set((try req.content.decode(RolesInput.self).roles ?? []).compactMap(Role.init(rawValue:)).filter { $0 != .citizen })
        let roles: RoleSet
        do {
            roles = try RoleSet(chosen)
        } catch {
            let message = switch error {
            case .combinesAdministrators: "系统管理员、安全管理员、审计管理员三者不能由同一账号兼任（三员分立）"
            case .empty: "请至少选择一个岗位"
            case .citizenWithStaffRole: "申请人账号不能兼任工作人员岗位"
            }
            return try await renderRoles(req, account: account, errors: FormErrors([FieldError(field: "roles[]", code: "invalidRoles", message: message)]))
                .response(req, status: .unprocessableEntity)
        }
        let before = account.storedRoleSet
        account.roles = roles
        try await account.save(on: req.db)
        try await req.audit("security.roleChange", target: "account:\(account.id!)", detail: "\(AuditText.roles(before)) → \(AuditText.roles(roles.roles))")
        req.fayuan.accountWatch.changed(account.id!)
        req.flash("已更新\(account.displayName)的岗位。")
        return req.redirect(to: SiteURL.accountRoles(account.id!).path)
    }

    private func renderRoles(_ req: Request, account: AccountModel, errors: FormErrors) async throws -> HTML {
        let current = Set(account.storedRoleSet.map(\.rawValue))
        let options = Role.allCases.filter { $0 != .citizen }.map { (value: $0.rawValue, label: $0.chinese) }
        return req.page("岗位授权：\(account.displayName)", """
        \(errors.summary())
        <form method="post" action="\(SiteURL.accountRoles(account.id!))" class="panel" novalidate>
          \(Fields.csrf(req.pageContext.csrfToken))
          \(Fields.checkboxes("roles[]", "岗位（可多选；三类管理员互斥）", options: options, checked: current, errors: errors))
          <div class="actions"><button type="submit">保存</button></div>
        </form>
        """)
    }
}

/// A random first password that meets the policy; shown once to the administrator.
enum InitialPassword {
    static func make(policy: PasswordPolicy, username: String) -> String {
        let groups = [Array("ABCDEFGHJKLMNPQRSTUVWXYZ"), Array("abcdefghijkmnpqrstuvwxyz"), Array("23456789"), Array("#%+=@!")]
        while true {
            var chars = groups.map { $0.randomElement()! }
            while chars.count < 14 { chars.append(groups.randomElement()!.randomElement()!) }
            let password = String(chars.shuffled())
            if policy.problem(password, username: username) == nil { return password }
        }
    }
}
