import Vapor

/// Runs a middleware for page requests only. The JSON API authenticates by bearer token alone:
/// it neither reads nor starts a session, so an API call writes no session row and a session
/// cookie (which the API does not check CSRF tokens for) never authenticates an API call.
struct PagesOnly: Middleware {
    let wrapped: any Middleware

    init(_ wrapped: any Middleware) { self.wrapped = wrapped }

    func respond(to request: Request, chainingTo next: Responder) -> EventLoopFuture<Response> {
        if SiteURL.isAPI(request.url.path) { return next.respond(to: request) }
        return wrapped.respond(to: request, chainingTo: next)
    }
}
