import Kernel
import Vapor

/// 登录: a phone number or staff user name and a password.
struct SignInPage: PageView {
    var username: String
    /// Where to go once signed in (a path on this site, already checked).
    var next: String?
    var errors: FormErrors

    var title: String { "登录" }

    func body(in context: PageContext) -> HTML {
        """
        \(errors.summary())
        <form method="post" action="\(SiteURL.login())" class="panel" novalidate>
          \(Fields.csrf(context.csrfToken))
          \(Fields.hidden("next", next ?? ""))
          \(Fields.text("username", "手机号码或用户名", value: username, errors: errors, hint: "申请人请输入注册时的手机号码", autocomplete: "username"))
          \(Fields.text("password", "密码", value: "", errors: errors, type: "password", autocomplete: "current-password"))
          <div class="actions"><button type="submit">登录</button></div>
        </form>
        <p>还没有账号？<a href="\(SiteURL.register)">用手机号码注册</a>。也可以不注册，到所在社区（村）法律援助联系点请工作人员代为申请。</p>
        """
    }
}

/// 注册账号: a citizen registers with a name, a mobile number and a password.
struct RegisterPage: PageView {
    var name: String
    var phone: String
    var errors: FormErrors

    var title: String { "注册账号" }

    func body(in context: PageContext) -> HTML {
        """
        \(errors.summary())
        <form method="post" action="\(SiteURL.register)" class="panel" novalidate>
          \(Fields.csrf(context.csrfToken))
          \(Fields.text("name", "姓名", value: name, errors: errors, autocomplete: "name"))
          \(Fields.text("phone", "手机号码", value: phone, errors: errors, hint: "登录和接收办理进度短信用", type: "tel", autocomplete: "tel", inputmode: "numeric"))
          \(Fields.text("password", "设置密码", value: "", errors: errors, hint: PasswordPolicy.hint, type: "password", autocomplete: "new-password"))
          \(Fields.text("passwordConfirm", "再次输入密码", value: "", errors: errors, type: "password", autocomplete: "new-password"))
          <div class="actions"><button type="submit">注册</button></div>
        </form>
        <p>已有账号？<a href="\(SiteURL.login())">登录</a></p>
        """
    }
}
