import Fluent
import LegalAidCore
import Vapor

/// A citizen's own applications and the messages about them.
struct MyApplicationsController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.myApplications, use: index)
    }

    func index(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        guard account.isCitizen else { return req.redirect(to: SiteURL.workbench.path) }
        let reference = try await req.referenceData()
        let page = try await ApplicationService(req).visible(to: account, reference: reference, page: try ListPage.from(req, defaultSize: 20))
        let apps = page.items
        let messages = try await MessageModel.query(on: req.db).filter(\.$accountID == account.id!).sort(\.$createdAt, .descending).range(..<20).all()
        let rows: [HTML] = apps.map { app in
            let link = app.applicationState == .draft ? SiteURL.editApplication(app.id!) : SiteURL.application(app.id!)
            return "<tr><td><a href=\"\(link)\">\(app.number)</a></td><td>\(app.form.matter.cause.isEmpty ? "（未填写）" : app.form.matter.cause)</td><td>\(app.applicationState.chinese)</td></tr>"
        }
        let messageItems: [HTML] = messages.map { message in
            "<li><time>\(TimeText.chinese(message.createdAt ?? Date()))</time><strong>\(message.title)</strong><br>\(message.body)</li>"
        }
        return try await req.page("我的申请", """
        <p><a class="button" href="\(SiteURL.newApplication)">新的法律援助申请</a></p>
        \((apps.isEmpty ? "<p>您还没有提交过申请。</p>" : "<table><thead><tr><th scope=\"col\">申请编号</th><th scope=\"col\">案由</th><th scope=\"col\">状态</th></tr></thead><tbody>\(rows)</tbody></table>") as HTML)
        \(Pager.render(page, req, unit: "份申请"))
        <h2>消息</h2>
        \((messages.isEmpty ? "<p>暂无消息。</p>" : "<ol class=\"timeline\">\(messageItems)</ol>") as HTML)
        """).encodeResponse(for: req)
    }
}
