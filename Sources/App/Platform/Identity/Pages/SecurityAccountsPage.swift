import LegalAidCore
import Vapor

/// The security administrator's list of staff accounts: who is locked out until when, with
/// unlocking and each account's roles one step away.
struct SecurityAccountsPage: PageView {
    struct Row: Sendable {
        var id: UUID
        var name: String
        var username: String
        /// The roles in Chinese, or nil when the stored roles are invalid.
        var roles: String?
        var lockedUntil: Date?
    }

    var rows: [Row]
    var maxFailures: Int
    var lockoutMinutes: Int
    /// The pager under the table, already drawn for this list.
    var pager: HTML

    var title: String { "账号安全" }

    func body(in context: PageContext) -> HTML {
        let rows: [HTML] = rows.map { row in
            let unlock: HTML = when(row.lockedUntil != nil) {
                "<form method=\"post\" action=\"\(SiteURL.unlockAccount(row.id))\" class=\"inline\">\(Fields.csrf(context.csrfToken))<button type=\"submit\" class=\"secondary\">解锁</button></form>"
            }
            return """
            <tr><td>\(row.name)（\(row.username)）</td>
            <td>\(row.roles ?? "（角色无效）")</td>
            <td>\(row.lockedUntil.map { "锁定至" + TimeText.chinese($0) } ?? "正常")</td>
            <td><a href="\(SiteURL.accountRoles(row.id))">岗位授权</a> \(unlock)</td></tr>
            """
        }
        return """
        <p>连续登录失败\(maxFailures)次的账号会被锁定\(lockoutMinutes)分钟，核实是本人后可以提前解锁。岗位授权的每次变更都记入审计日志。</p>
        <div class="table-wrap"><table><thead><tr><th scope="col">账号</th><th scope="col">岗位</th><th scope="col">状态</th><th scope="col">操作</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        \(pager)
        """
    }
}
