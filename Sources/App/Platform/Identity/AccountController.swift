import Fluent
import LegalAidCore
import Vapor

/// The signed-in person's own account: change password, log out everywhere.
struct AccountController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.account, use: show)
        routes.get(.changePassword, use: show)
        routes.post(.changePassword, use: changePassword)
        routes.post(.logoutEverywhere, use: logoutEverywhere)
        routes.post(.smsCodeSetting, use: smsCode)
    }

    func show(req: Request) async throws -> HTML {
        try render(req, account: try req.requireAccount(), errors: FormErrors())
    }

    struct PasswordInput: Content {
        var current: String?
        var new: String?
        var confirm: String?
    }

    func changePassword(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let input = try req.content.decode(PasswordInput.self)
        var errors: [FieldError] = []
        let currentOK = (try? Bcrypt.verify(input.current ?? "", created: account.passwordHash)) ?? false
        if !currentOK { errors.append(FieldError(field: "current", code: "badCredentials", message: "当前密码不正确")) }
        let username = account.phone ?? account.username
        if let problem = req.fayuan.passwordPolicy.problem(input.new ?? "", username: username) {
            errors.append(FieldError(field: "new", code: "weakPassword", message: problem))
        } else if input.new != input.confirm {
            errors.append(FieldError(field: "confirm", code: "mismatch", message: "两次输入的新密码不一致"))
        } else if input.new == input.current {
            errors.append(FieldError(field: "new", code: "unchanged", message: "新密码不能与当前密码相同"))
        }
        guard errors.isEmpty, let new = input.new else {
            return try await render(req, account: account, errors: FormErrors(errors)).response(req, status: .unprocessableEntity)
        }
        account.passwordHash = try Bcrypt.hash(new, cost: req.fayuan.settings.bcryptCost)
        account.mustChangePassword = false
        try await account.save(on: req.db)
        try await req.audit("auth.passwordChanged", target: "account:\(account.id!)")
        req.flash("密码已修改。")
        return req.redirect(to: req.application.landing(for: account))
    }

    struct SMSInput: Content {
        var enable: String?
    }

    /// A citizen turns the SMS code at sign-in on or off.
    func smsCode(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        guard account.isCitizen, account.phone != nil else { throw AppError.forbidden }
        account.smsSecondFactor = try req.content.decode(SMSInput.self).enable == "true"
        try await account.save(on: req.db)
        try await req.audit("auth.smsSecondFactor", target: "account:\(account.id!)", detail: account.smsSecondFactor ? "on" : "off")
        req.flash(account.smsSecondFactor ? "已开启：以后登录时还需输入短信验证码。" : "已关闭登录短信验证码。")
        return req.redirect(to: SiteURL.account.path)
    }

    /// Ends every session and API token of this account, on every device and app instance.
    func logoutEverywhere(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        // The tokens go first: saving the account then drops every instance's principal cache,
        // so none can keep a token that no longer exists.
        try await APITokenModel.query(on: req.db).filter(\.$accountID == account.id!).delete()
        account.sessionEpoch += 1
        try await account.save(on: req.db)
        try await req.audit("auth.logoutEverywhere", target: "account:\(account.id!)")
        req.fayuan.accountWatch.changed(account.id!)
        req.auth.logout(AccountModel.self)
        req.session.destroy()
        return req.redirect(to: SiteURL.login().path)
    }

    private func render(_ req: Request, account: AccountModel, errors: FormErrors) throws -> HTML {
        AccountPage(account, errors: errors).render(req)
    }
}
