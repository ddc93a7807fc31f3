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
        let hashed = SHA256.hash(data: Data(key.utf8)).map { String(format: "%02x", $0) }.joined()
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

/// Which requests are limited, and how much (README: Security).
struct RateLimits: AsyncMiddleware {
    struct Rule {
        var bucket: String
        var limit: Int
        var seconds: TimeInterval
        var matches: (HTTPMethod, String) -> Bool
    }

    let rules: [Rule]

    init(settings: Settings) {
        rules = [
            Rule(bucket: "signIn", limit: settings.signInsPerMinute, seconds: 60) { method, path in
                method == .POST && [SiteURL.login().path, SiteURL.register.path, SiteURL.api(.token).path].contains(path)
            },
            Rule(bucket: "lookup", limit: settings.lookupsPerMinute, seconds: 60) { method, path in
                (method == .POST && path == SiteURL.lookup.path) || path == SiteURL.api(.status).path
            },
            Rule(bucket: "apply", limit: settings.applicationWritesPerTenMinutes, seconds: 600) { method, path in
                (method == .POST || method == .PUT) && (path.hasPrefix(SiteURL.applicationsRoot.path) || path.hasPrefix(SiteURL.api(.applications).path))
            },
        ]
    }

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        let path = request.url.path
        for rule in rules where rule.matches(request.method, path) {
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
