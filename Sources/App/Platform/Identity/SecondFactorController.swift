import Fluent
import LegalAidCore
import Vapor

/// Staff sign-in, step two: the authenticator code, or enrolment the first time.
struct SecondFactorController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.secondFactor, use: codePage)
        routes.post(.secondFactor, use: verify)
        routes.get(.enrolSecondFactor, use: enrolPage)
        routes.post(.enrolSecondFactor, use: enrol)
    }

    /// Password accepted; the account waits for its second factor (five minutes at most).
    static func begin(_ req: Request, account: AccountModel, next: String?) -> Response {
        req.session.data["pending"] = account.id!.uuidString
        req.session.data["pendingAt"] = String(req.now.timeIntervalSince1970)
        req.session.data["pendingNext"] = next
        return req.redirect(to: account.totpSecret == nil && !account.usesSMSCode ? SiteURL.enrolSecondFactor.path : SiteURL.secondFactor.path)
    }

    private func pendingAccount(_ req: Request) async throws -> AccountModel? {
        guard let id = req.session.data["pending"].flatMap(UUID.init(uuidString:)),
              let at = req.session.data["pendingAt"].flatMap(Double.init), req.now.timeIntervalSince1970 - at < 300
        else { return nil }
        return try await AccountModel.find(id, on: req.db)
    }

    private func finish(_ req: Request, account: AccountModel) -> Response {
        let next = req.session.data["pendingNext"]
        for key in ["pending", "pendingAt", "pendingNext", "enrolSecret"] { req.session.data[key] = nil }
        SignIn.startSession(req, account: account)
        return req.redirect(to: next ?? req.application.landing(for: account))
    }

    struct CodeInput: Content {
        var code: String?
    }

    func codePage(req: Request) async throws -> Response {
        guard let account = try await pendingAccount(req) else { return req.redirect(to: SiteURL.login().path) }
        return try await renderCode(req, account: account, errors: FormErrors()).encodeResponse(for: req)
    }

    func verify(req: Request) async throws -> Response {
        guard let account = try await pendingAccount(req) else { return req.redirect(to: SiteURL.login().path) }
        let code = try req.content.decode(CodeInput.self).code ?? ""
        if account.usesSMSCode {
            guard SMSCode.check(req, typed: code, account: account) else {
                try await req.audit("auth.smsCode", target: "account:\(account.id!)", outcome: .failure, account: account)
                let (state, _) = req.fayuan.lockoutPolicy.afterFailure(account.lockout, now: req.now)
                account.lockout = state
                try await account.save(on: req.db)
                let errors = FormErrors([FieldError(field: "code", code: "badSMSCode", message: "短信验证码不正确或已过期。请重新登录以获取新的验证码")])
                return try await renderCode(req, account: account, errors: errors).response(req, status: .unprocessableEntity)
            }
            try await req.audit("auth.smsCode", target: "account:\(account.id!)", account: account)
            return finish(req, account: account)
        }
        switch try await SecondFactor.check(code, for: account, services: req.fayuan, on: req.db) {
        case .accepted:
            try await req.audit("auth.secondFactor", target: "account:\(account.id!)", account: account)
            return finish(req, account: account)
        case .refused(let error):
            try await req.audit("auth.secondFactor", target: "account:\(account.id!)", outcome: .failure, detail: error.code, account: account)
            return try await renderCode(req, account: account, errors: FormErrors([FieldError(field: "code", code: error.code, message: error.message)])).response(req, status: .unprocessableEntity)
        }
    }

    private func renderCode(_ req: Request, account: AccountModel, errors: FormErrors) -> HTML {
        if account.usesSMSCode {
            return SMSCodePage(maskedPhone: account.phone.flatMap(MobileNumber.parse)?.masked ?? "", errors: errors).render(req)
        }
        return AuthenticatorCodePage(errors: errors).render(req)
    }

    func enrolPage(req: Request) async throws -> Response {
        guard let account = try await pendingAccount(req), account.totpSecret == nil else { return req.redirect(to: SiteURL.login().path) }
        return try await renderEnrol(req, account: account, errors: FormErrors()).encodeResponse(for: req)
    }

    func enrol(req: Request) async throws -> Response {
        guard let account = try await pendingAccount(req), account.totpSecret == nil,
              let sealed = req.session.data["enrolSecret"], let secret = try? Vault.ring.open(sealed)
        else { return req.redirect(to: SiteURL.login().path) }
        let code = try req.content.decode(CodeInput.self).code ?? ""
        guard let counter = TOTP.verify(code, secret: secret, at: req.now, lastUsedCounter: nil) else {
            let errors = FormErrors([FieldError(field: "code", code: "badSecondFactor", message: "验证码不正确：请确认已添加密钥，并输入验证器当前显示的6位数字")])
            return try await renderEnrol(req, account: account, errors: errors).response(req, status: .unprocessableEntity)
        }
        account.totpSecret = secret
        account.totpLastCounter = counter
        let codes = SecondFactor.newRecoveryCodes(for: account)
        try await account.save(on: req.db)
        try await req.audit("auth.secondFactorEnrolled", target: "account:\(account.id!)", account: account)
        let next = req.session.data["pendingNext"] ?? req.application.landing(for: account)
        _ = finish(req, account: account)
        return try await RecoveryCodesPage(codes: codes, next: next).render(req).encodeResponse(for: req)
    }

    private func renderEnrol(_ req: Request, account: AccountModel, errors: FormErrors) throws -> HTML {
        let secret: Data
        if let sealed = req.session.data["enrolSecret"], let existing = try? Vault.ring.open(sealed) {
            secret = existing
        } else {
            secret = TOTP.newSecret()
            req.session.data["enrolSecret"] = try Vault.ring.seal(secret)
        }
        let key = Base32.encode(secret)
        let grouped = stride(from: 0, to: key.count, by: 4).map { i -> String in
            let start = key.index(key.startIndex, offsetBy: i)
            return String(key[start..<key.index(start, offsetBy: min(4, key.count - i))])
        }.joined(separator: " ")
        let uri = TOTP.provisioningURI(secret: secret, account: account.username)
        return EnrolAuthenticatorPage(groupedKey: grouped, provisioningURI: uri, qrCode: (try? QRCode(text: uri))?.svg ?? .empty, errors: errors).render(req)
    }
}
