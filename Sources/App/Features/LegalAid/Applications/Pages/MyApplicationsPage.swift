import LegalAidCore
import Vapor

/// 我的申请: a citizen's own applications and the messages about them.
struct MyApplicationsPage: PageView {
    struct Row: Sendable {
        var id: UUID
        var number: String
        var cause: String
        var state: ApplicationState
    }

    struct Message: Sendable {
        var at: Date
        var title: String
        var body: String
    }

    var rows: [Row]
    var pager: HTML
    var messages: [Message]

    var title: String { "我的申请" }

    func body(in context: PageContext) -> HTML {
        let rows: [HTML] = rows.map { row in
            let link = row.state == .draft ? SiteURL.editApplication(row.id) : SiteURL.application(row.id)
            return "<tr><td><a href=\"\(link)\">\(row.number)</a></td><td>\(row.cause.isEmpty ? "（未填写）" : row.cause)</td><td>\(row.state.chinese)</td></tr>"
        }
        let messageItems: [HTML] = messages.map { message in
            "<li><time>\(TimeText.chinese(message.at))</time><strong>\(message.title)</strong><br>\(message.body)</li>"
        }
        return """
        <p><a class="button" href="\(SiteURL.newApplication)">新的法律援助申请</a></p>
        \((rows.isEmpty ? "<p>您还没有提交过申请。</p>" : "<table><thead><tr><th scope=\"col\">申请编号</th><th scope=\"col\">案由</th><th scope=\"col\">状态</th></tr></thead><tbody>\(rows)</tbody></table>") as HTML)
        \(pager)
        <h2>消息</h2>
        \((messages.isEmpty ? "<p>暂无消息。</p>" : "<ol class=\"timeline\">\(messageItems)</ol>") as HTML)
        """
    }
}
