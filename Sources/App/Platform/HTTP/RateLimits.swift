import NIOConcurrencyHelpers
import Vapor

/// Fixed-window counters per client address and bucket. Kept in memory: each app instance
/// counts its own traffic, so behind a load balancer the effective limit is per instance.
final class RateLimiter: Sendable {
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
}

/// Which requests are limited, and how much (README: Security).
struct RateLimits: AsyncMiddleware {
    struct Rule {
        var bucket: String
        var limit: Int
        var seconds: TimeInterval
        var matches: (HTTPMethod, String) -> Bool
    }

    let limiter = RateLimiter()
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
            if let wait = limiter.hit("\(rule.bucket)|\(request.clientAddress)", limit: rule.limit, per: rule.seconds, now: request.now) {
                request.logger.notice("rate limit \(rule.bucket) reached")
                var error = AppError(status: .tooManyRequests, code: "rateLimited", message: "操作过于频繁，请\(wait)秒后再试。如需帮助请拨打12348。")
                error.retryAfter = wait
                throw error
            }
        }
        return try await next.respond(to: request)
    }
}
