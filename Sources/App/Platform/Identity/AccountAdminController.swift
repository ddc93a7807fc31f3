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
        var page = try await AccountAdminPage.query(req)
        (page.input, page.errors) = (input, errors)
        page.created = created.map { AccountAdminPage.Created(username: $0.0.username, displayName: $0.0.displayName, password: $0.1) }
        return page.render(req)
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
        AccountRolesPage(account, errors: errors).render(req)
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
