import Fluent
import Foundation
import NIOConcurrencyHelpers
import Prometheus
import SQLKit
import Vapor

/// What `/metrics` reports, in the Prometheus text format: requests and their latency per route
/// and status class, the database connections configured, and the queues that background rounds
/// drain (audit records waiting to be sealed, SMS waiting to be sent).
final class PlatformMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private static let buckets: [Duration] = [.milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
                                              .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
                                              .seconds(2.5), .seconds(5), .seconds(10)]

    private struct Handles {
        var requests: Counter
        var duration: DurationHistogram
    }

    /// The counter and histogram of each route and status class, made once (the registry's own
    /// lookup takes its lock and compares label lists on every request).
    private let handles = NIOLockedValueBox<[HandleKey: Handles]>([:])

    private struct HandleKey: Hashable {
        var route: ObjectIdentifier?
        var method: String
        var statusClass: UInt
    }

    func observe(_ request: Request, status: UInt, duration: Duration) {
        let key = HandleKey(route: request.route.map(ObjectIdentifier.init), method: request.method.rawValue, statusClass: status / 100)
        let made = handles.withLockedValue { $0[key] } ?? {
            let route = request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
            let made = makeHandles(method: key.method, route: route, statusClass: "\(key.statusClass)xx")
            handles.withLockedValue { $0[key] = made }
            return made
        }()
        made.requests.increment()
        made.duration.record(duration)
    }

    private func makeHandles(method: String, route: String, statusClass: String) -> Handles {
        Handles(
            requests: registry.makeCounter(descriptor: MetricNameDescriptor(namespace: "fayuan", metricName: "http_requests", unitName: "total",
                                                                            helpText: "HTTP requests answered, by method, route and status class"),
                                           labels: [("method", method), ("route", route), ("status", statusClass)]),
            duration: registry.makeDurationHistogram(descriptor: MetricNameDescriptor(namespace: "fayuan", metricName: "http_request_duration", unitName: "seconds",
                                                                                      helpText: "Time to answer, by method and route"),
                                                     labels: [("method", method), ("route", route)], buckets: Self.buckets))
    }

    func gauge(_ name: String, _ help: String) -> Gauge {
        registry.makeGauge(descriptor: MetricNameDescriptor(namespace: "fayuan", metricName: name, unitName: "", helpText: help))
    }

    /// Reads the queue lengths (counts only: a scrape writes nothing) and renders everything.
    func exposition(on db: Database, settings: Settings) async throws -> String {
        guard let sql = db as? SQLDatabase else { return registry.emitToString() }
        func count(_ query: SQLQueryString) async throws -> Double {
            Double(try await sql.raw(query).first()?.decode(column: "n", as: Int.self) ?? 0)
        }
        gauge("audit_inbox_waiting", "Audit records not yet sealed into the hash chain")
            .set(try await count("SELECT count(*) AS n FROM audit_inbox"))
        gauge("sms_outbox_pending", "SMS waiting to be sent")
            .set(try await count("SELECT count(*) AS n FROM sms_outbox WHERE status = 'pending'"))
        let connections: Double = switch settings.database {
        case .postgres: Double(settings.postgresConnectionsPerEventLoop * System.coreCount)
        case .sqliteFile, .sqliteMemory: Double(System.coreCount)
        }
        gauge("database_connections_configured", "Database connections the pools may open (per event loop × event loops)").set(connections)
        return registry.emitToString()
    }
}

/// Counts and times every request by its route pattern (`/cases/:id`, never the id itself).
struct MetricsMiddleware: Middleware {
    let metrics: PlatformMetrics

    func respond(to request: Request, chainingTo next: Responder) -> EventLoopFuture<Response> {
        let start = ContinuousClock.now
        return next.respond(to: request).map { response in
            metrics.observe(request, status: response.status.code, duration: ContinuousClock.now - start)
            return response
        }
    }
}

enum MetricsEndpoint {
    /// Answered to the machine itself (the Prometheus scraper on the host) or to whoever shows
    /// `FAYUAN_METRICS_TOKEN`. A request that came through a proxy (nginx, which also refuses
    /// every `/metrics…` path itself) is never local, whatever its peer address.
    @Sendable static func serve(req: Request) async throws -> Response {
        let settings = req.fayuan.settings
        guard isLocal(req) || settings.metricsToken.map({ shown(req.headers.bearerAuthorization?.token, equals: $0) }) == true else {
            throw AppError.notFound()
        }
        let body = try await req.fayuan.metrics.exposition(on: req.db, settings: settings)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }

    /// From this machine and not forwarded: the peer is a loopback address and no proxy header
    /// says the request began elsewhere. A request with no peer address is not local.
    static func isLocal(_ req: Request) -> Bool {
        let forwarded = ["X-Forwarded-For", "X-Real-IP", "Forwarded"].contains { !req.headers[$0].isEmpty }
        guard !forwarded, let peer = req.remoteAddress?.ipAddress else { return false }
        return peer == "127.0.0.1" || peer == "::1" || peer == "::ffff:127.0.0.1"
    }

    /// Compares the token in constant time (its length aside).
    static func shown(_ given: String?, equals expected: String) -> Bool {
        given.map { ConstantTime.equal($0, expected) } ?? false
    }
}
