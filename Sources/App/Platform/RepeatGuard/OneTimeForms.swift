import Crypto
import Fluent
import SQLKit
import Vapor

/// Every page form carries a one-time token (`_once`, written by `Fields.csrf`). The first
/// post of a form runs; a second post of the same form — a double click on 提交申请, a reload
/// of the result — is sent to where the first one led, so nothing is created twice. A post
/// that is still running when the second arrives is waited for. A form sent back with its
/// errors (no redirect) frees its token: the corrected form is a new post.
struct OneTimeForms: GatedMiddleware {
    static let field = "_once"
    /// How long a second post waits for the first to finish.
    static let wait: TimeInterval = 15

    func applies(to request: Request) -> Bool { request.method == .POST && !SiteURL.isAPI(request.url.path) }

    func handle(_ request: Request, next: AsyncResponder) async throws -> Response {
        guard request.method == .POST, !SiteURL.isAPI(request.url.path),
              let once = try? request.content.get(String.self, at: Self.field), Self.isWellFormed(once)
        else { return try await next.respond(to: request) }
        // Bound to the visitor's CSRF token, so a token seen elsewhere is of no use.
        let tokenHash = SHA256.hash(data: Data(((request.cookies[CSRFToken.cookieName]?.string ?? "") + "|" + once).utf8))
            .hexEncoded
        let services = request.fayuan

        if try await !claim(tokenHash, request: request) {
            let deadline = Date().addingTimeInterval(Self.wait)
            while Date() < deadline {
                guard let first = try await FormSubmissionModel.query(on: request.db).filter(\.$tokenHash == tokenHash).first() else {
                    return try await next.respond(to: request) // the first post failed and left nothing: run this one
                }
                if let location = first.location {
                    request.logger.info("repeated form post answered with the first post's result")
                    return request.redirect(to: location, redirectType: .normal)
                }
                try await Task.sleep(nanoseconds: 100_000_000)
            }
            throw AppError(status: .conflict, code: "stillProcessing", message: "这份表单的上一次提交仍在处理中，请稍候刷新页面查看结果，不要重复提交")
        }

        let response: Response
        do {
            response = try await next.respond(to: request)
        } catch {
            try await release(tokenHash, request: request)
            throw error
        }
        if (300..<400).contains(response.status.code), let location = response.headers.first(name: .location) {
            try await services.transaction(on: request.db) { tx in
                try await FormSubmissionModel.query(on: tx).filter(\.$tokenHash == tokenHash).set(\.$location, to: location).update()
            }
        } else {
            try await release(tokenHash, request: request)
        }
        return response
    }

    static func isWellFormed(_ token: String) -> Bool {
        token.count == 32 && token.allSatisfy(\.isHexDigit)
    }

    static func newToken() -> String {
        [UInt8].secureRandom(count: 16).hexEncoded
    }

    /// True when this post is the first with the token.
    private func claim(_ tokenHash: String, request: Request) async throws -> Bool {
        let now = request.fayuan.clock.now()
        return try await request.fayuan.transaction(on: request.db) { tx in
            let rows = try await (tx as! SQLDatabase).raw("""
                INSERT INTO form_submissions (id, token_hash, created_at) VALUES (\(bind: UUID()), \(bind: tokenHash), \(bind: now))
                ON CONFLICT (token_hash) DO NOTHING RETURNING id
                """).all()
            return !rows.isEmpty
        }
    }

    private func release(_ tokenHash: String, request: Request) async throws {
        try await request.fayuan.transaction(on: request.db) { tx in
            try await FormSubmissionModel.query(on: tx).filter(\.$tokenHash == tokenHash).filter(\.$location == nil).delete()
        }
    }
}
