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
            let phone = account.phone.flatMap(MobileNumber.parse)?.masked ?? ""
            return req.page("输入短信验证码", """
            \(errors.summary())
            <form method="post" action="\(SiteURL.secondFactor)" class="panel" novalidate>
              \(Fields.csrf(req.pageContext.csrfToken))
              \(Fields.text("code", "短信验证码", value: "", errors: errors, hint: "验证码已发送到 \(phone)，5分钟内有效。", autocomplete: "one-time-code", inputmode: "numeric"))
              <div class="actions"><button type="submit">确认登录</button></div>
            </form>
            """)
        }
        return req.page("输入动态验证码", """
        \(errors.summary())
        <form method="post" action="\(SiteURL.secondFactor)" class="panel" novalidate>
          \(Fields.csrf(req.pageContext.csrfToken))
          \(Fields.text("code", "动态验证码", value: "", errors: errors, hint: "打开手机上的验证器（身份验证器）应用，输入“法援在线”当前显示的6位数字。手机不在身边时，可以输入一个恢复码。", autocomplete: "one-time-code", inputmode: "numeric"))
          <div class="actions"><button type="submit">确认登录</button></div>
        </form>
        """)
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
        let items: [HTML] = codes.map { "<li><code>\($0)</code></li>" }
        return try await req.page("请保存恢复码", """
        <p class="notice">动态验证码已启用。</p>
        <div class="panel">
          <p>下面是10个恢复码。手机丢失或换手机时，每个恢复码可以代替动态验证码使用一次。<strong>它们只显示这一次</strong>，请抄写或打印后妥善保管，不要拍照发给他人。</p>
          <ol>\(items)</ol>
        </div>
        <p><a class="button" href="\(next)">我已保存，继续</a></p>
        """).encodeResponse(for: req)
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
        let qr = (try? QRCode(text: uri))?.svg ?? .empty
        return req.page("启用动态验证码", """
        <p>工作人员登录需要“密码＋动态验证码”两道保护（等保2.0）。请在手机上安装任一验证器应用（如“身份验证器”），然后：</p>
        <ol>
          <li>用验证器扫描下面的二维码：
            <p>\(qr)</p>
            扫不了时，在验证器中选择“输入密钥”（手动添加），账号填“法援在线”，密钥填下面这串字母数字（空格可不输入）：
            <p><code id="totp-key" class="key">\(grouped)</code></p>
            <p class="hint">用手机打开本页时，也可以<a href="\(uri)">直接添加到验证器</a>。</p></li>
          <li>在下面输入验证器显示的6位数字，完成启用。</li>
        </ol>
        \(errors.summary())
        <form method="post" action="\(SiteURL.enrolSecondFactor)" class="panel" novalidate>
          \(Fields.csrf(req.pageContext.csrfToken))
          \(Fields.text("code", "验证器显示的6位数字", value: "", errors: errors, autocomplete: "one-time-code", inputmode: "numeric"))
          <div class="actions"><button type="submit">启用并登录</button></div>
        </form>
        """)
    }
}
