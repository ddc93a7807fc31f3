import Kernel
import Vapor

/// 我的账号: who is signed in, the password change, the SMS second factor (citizens with a
/// phone) and "sign out everywhere".
struct AccountPage: PageView {
    var displayName: String
    /// The masked phone for a citizen, the user name for staff.
    var loginName: String
    var roleNames: [String]
    var mustChangePassword: Bool
    /// Whether SMS codes at sign-in are on; nil when the account cannot have them.
    var smsSecondFactor: Bool?
    var errors: FormErrors

    var title: String { "我的账号" }

    func body(in context: PageContext) -> HTML {
        let csrf = context.csrfToken
        let intro: HTML = mustChangePassword ? "<p class=\"notice\">这是您第一次登录，请先设置只有您自己知道的新密码。</p>" : .empty
        return """
        \(intro)
        <div class="panel"><dl class="facts">
          <dt>姓名</dt><dd>\(displayName)</dd>
          <dt>登录名</dt><dd>\(loginName)</dd>
          <dt>岗位</dt><dd>\(roleNames.joined(separator: "、"))</dd>
        </dl></div>
        <h2>修改密码</h2>
        \(errors.summary())
        <form method="post" action="\(SiteURL.changePassword)" class="panel" novalidate>
          \(Fields.csrf(csrf))
          \(Fields.text("current", "当前密码", value: "", errors: errors, type: "password", autocomplete: "current-password"))
          \(Fields.text("new", "新密码", value: "", errors: errors, hint: PasswordPolicy.hint, type: "password", autocomplete: "new-password"))
          \(Fields.text("confirm", "再次输入新密码", value: "", errors: errors, type: "password", autocomplete: "new-password"))
          <div class="actions"><button type="submit">修改密码</button></div>
        </form>
        \(smsSecondFactor.map { smsForm(on: $0, csrf: csrf) })
        <h2>在所有设备上退出</h2>
        <form method="post" action="\(SiteURL.logoutEverywhere)" class="panel">
          \(Fields.csrf(csrf))
          <p>手机丢失或在别人的电脑上登录过，可以点这里让所有设备上的登录立即失效。</p>
          <div class="actions"><button type="submit" class="secondary">在所有设备上退出</button></div>
        </form>
        """
    }

    private func smsForm(on: Bool, csrf: String) -> HTML {
        """
        <h2>登录短信验证码</h2>
        <form method="post" action="\(SiteURL.smsCodeSetting)" class="panel">
          \(Fields.csrf(csrf))
          <p>开启后，每次登录除了密码，还需输入发到您手机上的验证码，更安全。当前：<strong>\(on ? "已开启" : "未开启")</strong></p>
          \(Fields.hidden("enable", on ? "false" : "true"))
          <div class="actions"><button type="submit" class="secondary">\(on ? "关闭短信验证码" : "开启短信验证码")</button></div>
        </form>
        """
    }
}

extension AccountPage {
    init(_ account: AccountModel, errors: FormErrors) {
        self.init(displayName: account.displayName, loginName: account.phone.flatMap(MobileNumber.parse)?.masked ?? account.username,
                  roleNames: account.roles?.roles.map(\.chinese).sorted() ?? [], mustChangePassword: account.mustChangePassword,
                  smsSecondFactor: account.isCitizen && account.phone != nil ? account.smsSecondFactor : nil, errors: errors)
    }
}
