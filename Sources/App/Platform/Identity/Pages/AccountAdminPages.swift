import LegalAidCore
import Vapor

/// The system administrator's staff accounts and the form to create one; after creating, the
/// first password shown once.
struct AccountAdminPage: PageView {
    struct Row: Sendable {
        var username: String
        var displayName: String
        var organisation: String
        /// The roles in Chinese, or nil when the stored roles are invalid.
        var roles: String?
        var mustChangePassword: Bool
        var hasSecondFactor: Bool
    }

    struct Created: Sendable {
        var username: String
        var displayName: String
        var password: String
    }

    var rows: [Row]
    var organisations: [(value: String, label: String)]
    var roles: [(value: String, label: String)]
    var pager: HTML
    var input = AccountAdminController.NewAccount()
    var errors = FormErrors()
    var created: Created?

    var title: String { "账号管理" }

    func body(in context: PageContext) -> HTML {
        let rows: [HTML] = rows.map { row in
            """
            <tr><td>\(row.username)</td><td>\(row.displayName)</td><td>\(row.organisation)</td>
            <td>\(row.roles ?? "（角色无效）")</td>
            <td>\(row.mustChangePassword ? "待首次改密" : "正常")\(row.hasSecondFactor ? "" : "，未启用动态验证码")</td></tr>
            """
        }
        let notice: HTML = created.map { created -> HTML in
            """
            <div class="panel notice" role="status"><p>已创建账号 <strong>\(created.username)</strong>（\(created.displayName)）。</p>
            <p>初始密码：<code class="key">\(created.password)</code></p>
            <p>请当面或通过安全渠道告知本人。该密码只显示这一次；本人首次登录须修改密码并启用动态验证码。</p></div>
            """
        } ?? .empty
        return """
        \(notice)
        <h2>新建工作人员账号</h2>
        \(errors.summary())
        <form method="post" action="\(SiteURL.accountAdmin)" class="panel" novalidate>
          \(Fields.csrf(context.csrfToken))
          \(Fields.text("username", "登录名", value: input.username ?? "", errors: errors, hint: "英文字母、数字或下划线，例如 zhangsan"))
          \(Fields.text("displayName", "姓名", value: input.displayName ?? "", errors: errors))
          \(Fields.select("organisationID", "所属机构", options: organisations, selected: input.organisationID, errors: errors))
          \(Fields.select("role", "岗位", options: roles, selected: input.role, errors: errors, hint: "三类管理员角色由安全管理员授予"))
          <div class="actions"><button type="submit">创建账号</button></div>
        </form>
        <h2>工作人员账号</h2>
        <div class="table-wrap"><table><thead><tr><th scope="col">登录名</th><th scope="col">姓名</th><th scope="col">机构</th><th scope="col">岗位</th><th scope="col">状态</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        \(pager)
        """
    }
}

/// The security administrator grants one account its roles (三员分立: administrators exclusive).
struct AccountRolesPage: PageView {
    var accountID: UUID
    var displayName: String
    var current: Set<String>
    var errors = FormErrors()

    var title: String { "岗位授权：\(displayName)" }

    func body(in context: PageContext) -> HTML {
        let options = Role.allCases.filter { $0 != .citizen }.map { (value: $0.rawValue, label: $0.chinese) }
        return """
        \(errors.summary())
        <form method="post" action="\(SiteURL.accountRoles(accountID))" class="panel" novalidate>
          \(Fields.csrf(context.csrfToken))
          \(Fields.checkboxes("roles[]", "岗位（可多选；三类管理员互斥）", options: options, checked: current, errors: errors))
          <div class="actions"><button type="submit">保存</button></div>
        </form>
        """
    }
}
