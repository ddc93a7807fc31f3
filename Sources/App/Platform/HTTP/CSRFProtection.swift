import Vapor

/// Every state-changing form must carry the session's token (pages only; the API uses bearer
/// tokens, which a third-party site cannot attach).
struct CSRFProtection: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard request.method == .POST, !SiteURL.isAPI(request.url.path) else {
            return try await next.respond(to: request)
        }
        // Collect the body here (the route has not yet) within the request size limits:
        // uploads may be large, everything else is small.
        let isUpload = request.headers.contentType?.type == "multipart"
        let limit = isUpload ? request.fayuan.settings.maxUploadBytes * 5 + 1_048_576 : 256 * 1024
        if request.body.data == nil {
            _ = try await request.body.collect(max: limit).get()
        } else if let size = request.body.data?.readableBytes, size > limit {
            throw Abort(.payloadTooLarge)
        }
        let sent = try? request.content.get(String.self, at: "_csrf")
        guard let expected = request.session.data["csrf"], let sent, sent == expected else {
            throw AppError(status: .forbidden, code: "csrf", message: "页面已过期或来源不明，请返回上一页刷新后重新提交")
        }
        return try await next.respond(to: request)
    }
}

/// Standard protective headers on every response.
struct SecurityHeaders: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let headers: [(String, String)] = [
            ("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"),
            ("X-Content-Type-Options", "nosniff"),
            ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "same-origin"),
        ]
        for (name, value) in headers where !response.headers.contains(name: name) {
            response.headers.replaceOrAdd(name: name, value: value)
        }
        return response
    }
}
