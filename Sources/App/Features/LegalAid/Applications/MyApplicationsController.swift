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
        let messages = try await MessageModel.query(on: req.db).filter(\.$accountID == account.id!).sort(\.$createdAt, .descending).range(..<20).all()
        return try await MyApplicationsPage(
            rows: page.items.map { MyApplicationsPage.Row(id: $0.id!, number: $0.number, cause: $0.form.matter.cause, state: $0.applicationState) },
            pager: Pager.render(page, req, unit: "份申请"),
            messages: messages.map { MyApplicationsPage.Message(at: $0.createdAt ?? req.now, title: $0.title, body: $0.body) }
        ).render(req).encodeResponse(for: req)
    }
}
