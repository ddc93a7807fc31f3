import Fluent
import Vapor

/// Counts a signed-in staff member's unread deadline alerts before a page is drawn, so the
/// navigation can show them on every page, not only on the workbench.
struct UnreadAlerts: GatedMiddleware {
    static let countName = "unreadAlerts"

    func applies(to request: Request) -> Bool {
        request.method == .GET && !SiteURL.isAPI(request.url.path) && request.auth.get(AccountModel.self).map { !$0.isCitizen } == true
    }

    func handle(_ request: Request, next: AsyncResponder) async throws -> Response {
        if request.method == .GET, !SiteURL.isAPI(request.url.path),
           let account = request.auth.get(AccountModel.self), !account.isCitizen, let id = account.id {
            var counts = request.storage[NavigationCounts.self] ?? [:]
            counts[Self.countName] = try await AlertModel.query(on: request.db)
                .filter(\.$recipientAccountID == id).filter(\.$readAt == nil).count()
            request.storage[NavigationCounts.self] = counts
        }
        return try await next.respond(to: request)
    }
}

extension NavigationViewer {
    /// Staff: deadline alerts not yet read.
    var unreadAlerts: Int { counts[UnreadAlerts.countName] ?? 0 }
}
