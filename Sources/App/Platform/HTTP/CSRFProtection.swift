import Vapor

/// The form token against cross-site posts: a random value in the `fy_csrf` cookie that every
/// page form repeats (double-submit). It needs no session, so an anonymous visitor reading pages
/// causes no database write; a third-party site can neither read the cookie nor set the field.
enum CSRFToken {
    static let cookieName = "fy_csrf"

    struct IssuedKey: StorageKey { typealias Value = String }

    /// 24 random bytes, base64url without padding.
    static func isWellFormed(_ token: String) -> Bool {
        token.count == 32 && token.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }
}

extension Request {
    /// The visitor's form token: the one their browser sent, or a new one issued with this response.
    var csrfToken: String {
        if let issued = storage[CSRFToken.IssuedKey.self] { return issued }
        if let sent = cookies[CSRFToken.cookieName]?.string, CSRFToken.isWellFormed(sent) { return sent }
        let token = [UInt8].secureRandom(count: 24).base64URLEncoded
        storage[CSRFToken.IssuedKey.self] = token
        return token
    }
}

/// Sets the cookie for a token issued while answering (outermost, so error pages get it too).
struct CSRFCookie: ResponseMiddleware {
    let secure: Bool

    func finish(_ response: Response, for request: Request) {
        if let issued = request.storage[CSRFToken.IssuedKey.self] {
            response.cookies[CSRFToken.cookieName] = HTTPCookies.Value(string: issued, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
        }
    }
}

/// Every state-changing form must carry the visitor's token (pages only; the API uses bearer
/// tokens, which a third-party site cannot attach).
struct CSRFProtection: GatedMiddleware {
    func applies(to request: Request) -> Bool { request.method == .POST && !SiteURL.isAPI(request.url.path) }

    func handle(_ request: Request, next: AsyncResponder) async throws -> Response {
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
        guard let expected = request.cookies[CSRFToken.cookieName]?.string, CSRFToken.isWellFormed(expected), let sent, sent == expected else {
            throw AppError(status: .forbidden, code: "csrf", message: "页面已过期或来源不明，请返回上一页刷新后重新提交")
        }
        return try await next.respond(to: request)
    }
}

/// Standard protective headers on every response.
struct SecurityHeaders: ResponseMiddleware {
    func finish(_ response: Response, for request: Request) {
        let headers: [(String, String)] = [
            ("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"),
            ("X-Content-Type-Options", "nosniff"),
            ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "same-origin"),
        ]
        for (name, value) in headers where !response.headers.contains(name: name) {
            response.headers.replaceOrAdd(name: name, value: value)
        }
        // API answers carry personal data (applications, cases, conversations): never kept by a
        // browser or a shared cache, unless a route said otherwise for itself.
        if SiteURL.isAPI(request.url.path), !response.headers.contains(name: .cacheControl) {
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        if Self.servedOverHTTPS(request) {
            response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains")
        }
    }

    /// HTTPS as the browser saw it: the public address is https, or a trusted proxy says so
    /// (HSTS sent over plain HTTP is ignored by browsers, and must not pin a plain-HTTP demo).
    static func servedOverHTTPS(_ request: Request) -> Bool {
        let settings = request.fayuan.settings
        if settings.publicURL?.lowercased().hasPrefix("https://") == true { return true }
        guard let peer = request.remoteAddress?.ipAddress, settings.trustedProxies.contains(peer) else { return false }
        return request.headers.first(name: "X-Forwarded-Proto")?.lowercased() == "https"
    }
}
