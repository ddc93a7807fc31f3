import Crypto
import Fluent
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// Counts hits per key in fixed windows; answers the seconds to wait once over the limit.
protocol HitCounter: Sendable {
    func hit(_ key: String, limit: Int, per seconds: TimeInterval, now: Date, on db: Database) async throws -> Int?
}

/// In memory: right for one instance (the SQLite default), and writes nothing.
final class RateLimiter: HitCounter, Sendable {
    private struct Window {
        var start: Date
        var count: Int
    }

    private let windows = NIOLockedValueBox<[String: Window]>([:])

    /// Counts a hit; returns the seconds to wait when over the limit.
    func hit(_ key: String, limit: Int, per seconds: TimeInterval, now: Date) -> Int? {
        windows.withLockedValue { windows in
            if windows.count > 50_000 { windows = windows.filter { now.timeIntervalSince($0.value.start) < 3600 } }
            var window = windows[key] ?? Window(start: now, count: 0)
            if now.timeIntervalSince(window.start) >= seconds { window = Window(start: now, count: 0) }
            window.count += 1
            windows[key] = window
            guard window.count > limit else { return nil }
            return max(1, Int((seconds - now.timeIntervalSince(window.start)).rounded(.up)))
        }
    }

    func hit(_ key: String, limit: Int, per seconds: TimeInterval, now: Date, on db: Database) async throws -> Int? {
        hit(key, limit: limit, per: seconds, now: now)
    }
}

/// In the database: every instance behind the load balancer counts into the same windows
/// (PostgreSQL). One atomic upsert per limited request; the key is hashed, so no address is stored.
struct SharedRateLimiter: HitCounter {
    func hit(_ key: String, limit: Int, per seconds: TimeInterval, now: Date, on db: Database) async throws -> Int? {
        guard let sql = db as? SQLDatabase else { return nil }
        let length = max(1, Int(seconds))
        let start = Int(now.timeIntervalSince1970) / length * length
        let hashed = SHA256.hash(data: Data(key.utf8)).hexEncoded
        let row = try await sql.raw("""
            INSERT INTO rate_limit_windows (key, window_start, hits) VALUES (\(bind: hashed), \(bind: start), 1)
            ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limit_windows.hits + 1
            RETURNING hits
            """).first()
        let hits = try row?.decode(column: "hits", as: Int.self) ?? 1
        if hits == 1, Int.random(in: 0..<100) == 0 {
            try await sql.raw("DELETE FROM rate_limit_windows WHERE window_start < \(bind: start - 86_400)").run()
        }
        guard hits > limit else { return nil }
        return max(1, start + length - Int(now.timeIntervalSince1970))
    }
}

/// Which routes are limited, and how much (README: Security). A limit belongs to the route the
/// router resolved, never to the raw path: `/login/`, `/api/v1/status/` or a percent-escaped
/// spelling reach the same route and so count into the same window.
struct RateLimits {
    struct Rule: Sendable {
        var bucket: String
        var limit: Int
        var seconds: TimeInterval
        /// Whether a request by this (signed-in) account is exempt, e.g. staff at a shared office address.
        var exempts: @Sendable (AccountModel?) -> Bool = { _ in false }
        /// Whether the rule covers a route: its method and its registered path (`/consult/:id/messages`).
        var covers: @Sendable (HTTPMethod, String) -> Bool
    }

    let rules: [Rule]

    /// Every feature's rules.
    init(features: [any Feature], settings: Settings) {
        rules = features.flatMap { $0.rateLimits(settings) }
    }

    /// Signing in and registering: per address, against password guessing.
    static func signIn(_ settings: Settings) -> Rule {
        let signIns = [SiteURL.login().path, SiteURL.register.path, SiteURL.api(.token).path]
        return Rule(bucket: "signIn", limit: settings.signInsPerMinute, seconds: 60) { method, path in
            method == .POST && signIns.contains(path)
        }
    }

    static func path(_ path: String, isUnder root: String) -> Bool {
        path == root || path.hasPrefix(root + "/")
    }

    /// Puts each rule in front of the routes it covers. Run after every route is registered and
    /// before the server answers (the router reads each route's responder when it is built).
    func install(on routes: Routes) {
        for route in routes.all {
            let path = "/" + route.path.map(\.description).joined(separator: "/")
            let covering = rules.filter { $0.covers(route.method, path) }
            guard !covering.isEmpty else { continue }
            route.responder = RateLimited(rules: covering).makeResponder(chainingTo: route.responder)
            route.userInfo["rateLimits"] = covering.map(\.bucket)
        }
    }
}

/// The limits in front of one route.
struct RateLimited: AsyncMiddleware {
    let rules: [RateLimits.Rule]

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        let account = request.auth.get(AccountModel.self)
        for rule in rules where !rule.exempts(account) {
            if let wait = try await request.fayuan.limiter.hit("\(rule.bucket)|\(request.clientAddress)", limit: rule.limit, per: rule.seconds,
                                                                now: request.now, on: request.db) {
                request.logger.notice("rate limit \(rule.bucket) reached")
                var error = AppError(status: .tooManyRequests, code: "rateLimited", message: "操作过于频繁，请\(wait)秒后再试。如需帮助请拨打12348。")
                error.retryAfter = wait
                throw error
            }
        }
        return try await next.respond(to: request)
    }
}
