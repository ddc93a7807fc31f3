import Fluent
import SQLKit
import LegalAidCore
import Vapor

struct HomeController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.home, use: home)
        routes.post(.displayMode, use: displayMode)
        routes.get(.health, use: health)
    }

    /// Every feature's cards for this viewer, by rank: banners first, then the grid.
    func home(req: Request) async throws -> HTML {
        let home = HomeContext(viewer: NavigationViewer(account: req.auth.get(AccountModel.self)), reference: try await req.referenceData(),
                               now: req.now, settings: req.fayuan.settings)
        let cards = req.application.features.flatMap { $0.homeCards(home) }.sorted { $0.rank < $1.rank }
        return HomePage(banners: cards.filter { $0.placement == .top }.map(\.html), cards: cards.filter { $0.placement == .grid }.map(\.html)).render(req)
    }

    struct DisplayModeInput: Content {
        var mode: String
        var back: String?
    }

    /// Large text and high contrast without the browser's zoom (适老化), remembered in a cookie.
    func displayMode(req: Request) async throws -> Response {
        let input = try req.content.decode(DisplayModeInput.self)
        let mode = ["standard", "large", "contrast"].contains(input.mode) ? input.mode : "standard"
        let back = input.back.flatMap { $0.hasPrefix("/") && !$0.hasPrefix("//") ? $0 : nil } ?? "/"
        let response = req.redirect(to: back)
        response.cookies["fy_display"] = HTTPCookies.Value(string: mode, maxAge: 365 * 24 * 3600, path: "/", isSecure: req.fayuan.settings.secureCookies, isHTTPOnly: true, sameSite: .lax)
        return response
    }

    /// 200 when the database answers (one `SELECT 1`: no model, no query to build).
    func health(req: Request) async throws -> Response {
        if let sql = req.db as? SQLDatabase { try await sql.raw("SELECT 1").run() } else { _ = try await OrganisationModel.query(on: req.db).count() }
        var headers = HTTPHeaders()
        headers.contentType = .plainText
        return Response(status: .ok, headers: headers, body: .init(string: "ok"))
    }
}
