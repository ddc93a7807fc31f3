import Fluent
import LegalAidCore
import Vapor

struct AuthController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.login(), use: loginPage)
        routes.post(.login(), use: login)
        routes.post(.logout, use: logout)
        routes.get(.register, use: registerPage)
        routes.post(.register, use: register)
    }

    struct LoginInput: Content {
        var username: String?
        var password: String?
        var next: String?
    }

    func loginPage(req: Request) async throws -> HTML {
        renderLogin(req, username: "", next: req.query[String.self, at: "next"], errors: FormErrors())
    }

    func login(req: Request) async throws -> Response {
        let input = try req.content.decode(LoginInput.self)
        let username = (input.username ?? "").trimmingCharacters(in: .whitespaces)
        var errors: [FieldError] = []
        if username.isEmpty { errors.append(.required("username", "用户名或手机号码")) }
        if (input.password ?? "").isEmpty { errors.append(.required("password", "密码")) }
        if errors.isEmpty {
            switch try await SignIn.attempt(req, username: username, password: input.password ?? "") {
            case .success(let account):
                if account.needsSecondFactor && req.fayuan.settings.staffSecondFactor {
                    return SecondFactorController.begin(req, account: account, next: safeNext(input.next))
                }
                if account.usesSMSCode {
                    guard try await SMSCode.send(req, to: account) else {
                        errors.append(FieldError(field: "password", code: "smsLimited", message: "验证码短信发送过于频繁，请10分钟后再试"))
                        break
                    }
                    return SecondFactorController.begin(req, account: account, next: safeNext(input.next))
                }
                SignIn.startSession(req, account: account)
                return req.redirect(to: safeNext(input.next) ?? req.application.landing(for: account))
            case .failure(let error):
                errors.append(FieldError(field: "password", code: error.code, message: error.message))
            }
        }
        return try await renderLogin(req, username: username, next: input.next, errors: FormErrors(errors)).response(req, status: .unprocessableEntity)
    }

    func logout(req: Request) async throws -> Response {
        let account = req.auth.get(AccountModel.self)
        if let account { try await req.audit("auth.signOut", target: "account:\(account.id!)") }
        // The session's row goes now (not only when the answer is written), so the sockets this
        // session opened find it gone when they are told to check.
        if let id = req.session.id { try await SessionRecord.query(on: req.db).filter(\.$key == id).delete() }
        req.auth.logout(AccountModel.self)
        req.session.destroy()
        if let id = account?.id { req.fayuan.accountWatch.changed(id) }
        return req.redirect(to: SiteURL.home.path)
    }

    private func safeNext(_ next: String?) -> String? {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//") else { return nil }
        return next
    }

    private func renderLogin(_ req: Request, username: String, next: String?, errors: FormErrors) -> HTML {
        SignInPage(username: username, next: safeNext(next), errors: errors).render(req)
    }

    struct RegisterInput: Content {
        var name: String?
        var phone: String?
        var password: String?
        var passwordConfirm: String?
    }

    func registerPage(req: Request) async throws -> HTML {
        renderRegister(req, input: RegisterInput(), errors: FormErrors())
    }

    /// Citizens register themselves with a mobile number and a password.
    func register(req: Request) async throws -> Response {
        let input = try req.content.decode(RegisterInput.self)
        let name = (input.name ?? "").trimmingCharacters(in: .whitespaces)
        let password = input.password ?? ""
        var errors: [FieldError] = []
        if name.isEmpty { errors.append(.required("name", "姓名")) }
        let phone = MobileNumber.parse(input.phone ?? "")
        if phone == nil {
            errors.append(FieldError(field: "phone", code: (input.phone ?? "").isEmpty ? "required" : "invalidPhone",
                                     message: (input.phone ?? "").isEmpty ? "请填写手机号码" : MobileNumber.invalidMessage))
        }
        if let problem = req.fayuan.passwordPolicy.problem(password, username: phone?.value ?? "") {
            errors.append(FieldError(field: "password", code: "weakPassword", message: problem))
        } else if password != (input.passwordConfirm ?? "") {
            errors.append(FieldError(field: "passwordConfirm", code: "mismatch", message: "两次输入的密码不一致"))
        }
        if let phone, errors.isEmpty, try await AccountModel.query(on: req.db).filter(\.$username == AccountModel.citizenUsername(phone: phone)).first() != nil {
            errors.append(FieldError(field: "phone", code: "taken", message: "该手机号码已注册，请直接登录"))
        }
        guard errors.isEmpty, let phone else {
            return try await renderRegister(req, input: input, errors: FormErrors(errors)).response(req, status: .unprocessableEntity)
        }
        let account = AccountModel(username: AccountModel.citizenUsername(phone: phone), passwordHash: try Bcrypt.hash(password, cost: req.fayuan.settings.bcryptCost),
                                   displayName: name, roles: try RoleSet([.citizen]), organisationID: nil)
        account.phone = phone.value
        try await account.create(on: req.db)
        SignIn.startSession(req, account: account)
        try await req.audit("account.register", target: "account:\(account.id!)", account: account)
        req.flash("注册成功，欢迎使用法援在线。")
        return req.redirect(to: req.application.landing(for: account, justRegistered: true))
    }

    private func renderRegister(_ req: Request, input: RegisterInput, errors: FormErrors) -> HTML {
        RegisterPage(name: input.name ?? "", phone: input.phone ?? "", errors: errors).render(req)
    }
}
