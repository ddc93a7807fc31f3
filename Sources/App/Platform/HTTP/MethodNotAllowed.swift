import NIOConcurrencyHelpers
import RoutingKit
import Vapor

/// A method the address does not take (TRACE on `/api/v1/cases`, DELETE on a page) is answered
/// 405 with the methods it does take in `Allow`, not 404: the address exists. The routes are
/// read from the router's own table, with the same path components the router matches.
/// The table is built from the routes on the first request (the middleware is placed before the
/// features register their routes).
/// `@unchecked Sendable`: the trie is built once under the lock and only read afterwards.
final class MethodNotAllowed: GatedMiddleware, @unchecked Sendable {
    private let routes: Routes
    private let table = NIOLockedValueBox<TrieRouter<Set<String>>?>(nil)

    init(routes: Routes) {
        self.routes = routes
    }

    private var router: TrieRouter<Set<String>> {
        table.withLockedValue { table in
            if let built = table { return built }
            let built = Self.build(routes)
            table = built
            return built
        }
    }

    private static let root = "~"

    private static func build(_ routes: Routes) -> TrieRouter<Set<String>> {
        var methods: [String: (path: [PathComponent], methods: Set<String>)] = [:]
        for route in routes.all {
            // Only the shape matters here: every parameter is one (the trie refuses two names at
            // one position, which routes of different methods may use).
            let shape = route.path.map { component -> PathComponent in
                if case .parameter = component { return .parameter("p") }
                return component
            }
            let key = shape.map(\.description).joined(separator: "/")
            methods[key, default: (shape, [])].methods.insert(route.method.rawValue)
        }
        let router = TrieRouter(Set<String>.self)
        for (_, entry) in methods {
            var allowed = entry.methods
            if allowed.contains("GET") { allowed.insert("HEAD") }
            // A root segment of its own: the home page's path is empty, which the trie refuses.
            router.register(allowed, at: [.constant(Self.root)] + entry.path)
        }
        return router
    }

    /// Looked up unless the router matched a route of constants only: a route with a parameter
    /// may have caught an address of its own (`PUT /api/v1/knowledge/ask` matches
    /// `PUT /api/v1/knowledge/:id`, while `ask` takes only GET: 405, not the parameter route's 404).
    func applies(to request: Request) -> Bool {
        guard let route = request.route else { return true }
        return route.path.contains { if case .constant = $0 { false } else { true } }
    }

    func handle(_ request: Request, next: AsyncResponder) async throws -> Response {
        var parameters = Parameters()
        let components = [Self.root] + request.url.path.split(separator: "/").map(String.init)
        guard let allowed = router.route(path: components, parameters: &parameters), !allowed.contains(request.method.rawValue),
              request.method != .OPTIONS
        else { return try await next.respond(to: request) }
        var error = AppError(status: .methodNotAllowed, code: "methodNotAllowed", message: "此地址不支持这种请求方式")
        error.allow = allowed.sorted()
        throw error
    }
}
