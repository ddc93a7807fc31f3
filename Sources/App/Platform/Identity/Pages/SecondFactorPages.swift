import Vapor

/// The second step of a citizen's sign-in: the code sent by SMS.
struct SMSCodePage: PageView {
    /// The phone the code went to, masked (e.g. 137****1234).
    var maskedPhone: String
    var errors: FormErrors

    var title: String { "输入短信验证码" }

    func body(in context: PageContext) -> HTML {
        """
        \(errors.summary())
        <form method="post" action="\(SiteURL.secondFactor)" class="panel" novalidate>
          \(Fields.csrf(context.csrfToken))
          \(Fields.text("code", "短信验证码", value: "", errors: errors, hint: "验证码已发送到 \(maskedPhone)，5分钟内有效。", autocomplete: "one-time-code", inputmode: "numeric"))
          <div class="actions"><button type="submit">确认登录</button></div>
        </form>
        """
    }
}

/// The second step of a staff sign-in: the authenticator's code, or a recovery code.
struct AuthenticatorCodePage: PageView {
    var errors: FormErrors

    var title: String { "输入动态验证码" }

    func body(in context: PageContext) -> HTML {
        """
        \(errors.summary())
        <form method="post" action="\(SiteURL.secondFactor)" class="panel" novalidate>
          \(Fields.csrf(context.csrfToken))
          \(Fields.text("code", "动态验证码", value: "", errors: errors, hint: "打开手机上的验证器（身份验证器）应用，输入“法援在线”当前显示的6位数字。手机不在身边时，可以输入一个恢复码。", autocomplete: "one-time-code", inputmode: "numeric"))
          <div class="actions"><button type="submit">确认登录</button></div>
        </form>
        """
    }
}

/// A staff member's first sign-in: add the key to an authenticator, then prove it with a code.
struct EnrolAuthenticatorPage: PageView {
    /// The key in groups of four, for typing by hand.
    var groupedKey: String
    /// The `otpauth://` address the QR code carries.
    var provisioningURI: String
    var qrCode: HTML
    var errors: FormErrors

    var title: String { "启用动态验证码" }

    func body(in context: PageContext) -> HTML {
        """
        <p>工作人员登录需要“密码＋动态验证码”两道保护（等保2.0）。请在手机上安装任一验证器应用（如“身份验证器”），然后：</p>
        <ol>
          <li>用验证器扫描下面的二维码：
            <p>\(qrCode)</p>
            扫不了时，在验证器中选择“输入密钥”（手动添加），账号填“法援在线”，密钥填下面这串字母数字（空格可不输入）：
            <p><code id="totp-key" class="key">\(groupedKey)</code></p>
            <p class="hint">用手机打开本页时，也可以<a href="\(provisioningURI)">直接添加到验证器</a>。</p></li>
          <li>在下面输入验证器显示的6位数字，完成启用。</li>
        </ol>
        \(errors.summary())
        <form method="post" action="\(SiteURL.enrolSecondFactor)" class="panel" novalidate>
          \(Fields.csrf(context.csrfToken))
          \(Fields.text("code", "验证器显示的6位数字", value: "", errors: errors, autocomplete: "one-time-code", inputmode: "numeric"))
          <div class="actions"><button type="submit">启用并登录</button></div>
        </form>
        """
    }
}

/// Shown once, right after enrolment: ten recovery codes to keep on paper.
struct RecoveryCodesPage: PageView {
    var codes: [String]
    /// Where the staff member goes on from here.
    var next: String

    var title: String { "请保存恢复码" }

    func body(in context: PageContext) -> HTML {
        let items: [HTML] = codes.map { "<li><code>\($0)</code></li>" }
        return """
        <p class="notice">动态验证码已启用。</p>
        <div class="panel">
          <p>下面是10个恢复码。手机丢失或换手机时，每个恢复码可以代替动态验证码使用一次。<strong>它们只显示这一次</strong>，请抄写或打印后妥善保管，不要拍照发给他人。</p>
          <ol>\(items)</ol>
        </div>
        <p><a class="button" href="\(next)">我已保存，继续</a></p>
        """
    }
}
