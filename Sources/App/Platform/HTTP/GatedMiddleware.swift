import Vapor

/// A middleware that knows without waiting whether a request concerns it. Most requests do not
/// (a GET past the form guards, an API call past the page session): they go straight on, and
/// only the ones it acts on cross into async code. Each `AsyncMiddleware` starts a task for every
/// request, which on a page fourteen layers deep was a tenth of the page's cost.
protocol GatedMiddleware: Middleware {
    /// True when `handle` has something to do for this request.
    func applies(to request: Request) -> Bool
    func handle(_ request: Request, next: AsyncResponder) async throws -> Response
}

extension GatedMiddleware {
    func respond(to request: Request, chainingTo next: Responder) -> EventLoopFuture<Response> {
        guard applies(to: request) else { return next.respond(to: request) }
        return request.eventLoop.makeFutureWithTask {
            try await handle(request, next: AsyncBasicResponder { try await next.respond(to: $0).get() })
        }
    }
}

/// A middleware that only looks at the response on its way out (headers, cookies, figures).
protocol ResponseMiddleware: Middleware {
    func finish(_ response: Response, for request: Request)
}

extension ResponseMiddleware {
    func respond(to request: Request, chainingTo next: Responder) -> EventLoopFuture<Response> {
        next.respond(to: request).map { response in
            finish(response, for: request)
            return response
        }
    }
}
