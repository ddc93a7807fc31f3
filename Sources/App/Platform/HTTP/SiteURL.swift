import Foundation
import LegalAidCore
import Vapor

/// An address of the site: the same value registers the route (with `.key` parameters) and writes
/// every link and redirect (with `.value`s), so the two cannot drift apart. Each feature declares
/// its own addresses in its folder (`<Feature>URLs.swift`, as static members of `SiteURL` and
/// `APIPath`); this file holds the root and the platform's own pages.
struct SiteURL: Sendable, Hashable {
    let path: String

    init(_ path: String) { self.path = path }

    static func login(next: String? = nil) -> SiteURL {
        SiteURL("/login" + (next.map { "?next=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") } ?? ""))
    }

    /// An address of the JSON API.
    static func api(_ api: APIPath) -> SiteURL { SiteURL("/api/v1" + api.path) }

    static let home = SiteURL("/")
    static let logout = SiteURL("/logout")
    static let secondFactor = SiteURL("/login/second-factor")
    static let enrolSecondFactor = SiteURL("/login/enrol")
    static let register = SiteURL("/register")
    static let displayMode = SiteURL("/display-mode")
    static let auditExport = SiteURL("/audit/export.csv")
    static func accountRoles(_ id: Parameter<UUID>) -> SiteURL { SiteURL("/security/accounts/\(id.segment("id"))/roles") }
    static func unlockAccount(_ id: Parameter<UUID>) -> SiteURL { SiteURL("/security/locked-accounts/\(id.segment("id"))/unlock") }
    static let smsCodeSetting = SiteURL("/account/sms-code")
    static func deleteHoliday(_ id: Parameter<UUID>) -> SiteURL { SiteURL("/admin/holidays/\(id.segment("id"))/delete") }
    static let openAPI = SiteURL("/openapi.yaml")
    static let asyncAPI = SiteURL("/asyncapi.yaml")
    static let holidays = SiteURL("/admin/holidays")
    static let account = SiteURL("/account")
    static let changePassword = SiteURL("/account/password")
    static let logoutEverywhere = SiteURL("/account/logout-everywhere")
    static let lockedAccounts = SiteURL("/security/locked-accounts")
    static let accountAdmin = SiteURL("/admin/accounts")
    static let audit = SiteURL("/audit")
    static let stylesheet = SiteURL("/css/site.css")
    static let favicon = SiteURL("/favicon.ico")
    static let script = SiteURL("/js/site.js")
    static let health = SiteURL("/healthz")
    static let metrics = SiteURL("/metrics")
}

extension SiteURL {
    /// Whether a request path belongs to the JSON API (answers in JSON, no CSRF form token).
    static func isAPI(_ path: String) -> Bool { path.hasPrefix("/api/") }

    /// Whether a request path is a static asset (stylesheet, script, icon).
    static func isAsset(_ path: String) -> Bool {
        path.hasPrefix("/css/") || path.hasPrefix("/js/") || path == SiteURL.favicon.path
    }

    /// The path as route components: a `.key` parameter becomes a named route parameter.
    var pathComponents: [PathComponent] {
        path.split(separator: "/").map { $0.hasPrefix(":") ? .parameter(String($0.dropFirst())) : .constant(String($0)) }
    }

    static func accountRoles(_ id: UUID) -> SiteURL { .accountRoles(.value(id)) }
    static func unlockAccount(_ id: UUID) -> SiteURL { .unlockAccount(.value(id)) }
    static func deleteHoliday(_ id: UUID) -> SiteURL { .deleteHoliday(.value(id)) }
}

/// An address of the JSON API, under `/api/v1` (each feature declares its own).
struct APIPath: Sendable, Hashable {
    let path: String

    init(_ path: String) { self.path = path }

    static let token = APIPath("/auth/token")
}

/// A path parameter: `.key` where the route is registered, `.value` where a link is written
/// (the shape of SwiftPackageIndex-Server's `SiteURL`).
enum Parameter<Value: Sendable & Equatable>: Sendable, Equatable {
    case key
    case value(Value)

    /// `:name` for a route, the value's text for a link.
    func segment(_ name: String, _ text: (Value) -> String) -> String {
        switch self {
        case .key: ":" + name
        case .value(let value): text(value)
        }
    }
}

extension Parameter where Value == UUID {
    func segment(_ name: String) -> String { segment(name) { $0.uuidString } }
}

extension Parameter where Value == Int {
    func segment(_ name: String) -> String { segment(name) { String($0) } }
}

extension Parameter where Value: RawRepresentable<String> {
    func segment(_ name: String) -> String { segment(name) { $0.rawValue } }
}

extension RoutesBuilder {
    /// Registers a route at a `SiteURL` (its parameters given as `.key`).
    @preconcurrency
    @discardableResult
    func get<Response: AsyncResponseEncodable>(_ url: SiteURL, use closure: @escaping @Sendable (Request) async throws -> Response) -> Route {
        on(.GET, url.pathComponents, use: closure)
    }

    @preconcurrency
    @discardableResult
    func post<Response: AsyncResponseEncodable>(_ url: SiteURL, use closure: @escaping @Sendable (Request) async throws -> Response) -> Route {
        on(.POST, url.pathComponents, use: closure)
    }

    @preconcurrency
    @discardableResult
    func put<Response: AsyncResponseEncodable>(_ url: SiteURL, use closure: @escaping @Sendable (Request) async throws -> Response) -> Route {
        on(.PUT, url.pathComponents, use: closure)
    }

    @preconcurrency
    @discardableResult
    func delete<Response: AsyncResponseEncodable>(_ url: SiteURL, use closure: @escaping @Sendable (Request) async throws -> Response) -> Route {
        on(.DELETE, url.pathComponents, use: closure)
    }

    @preconcurrency
    @discardableResult
    func on<Response: AsyncResponseEncodable>(_ method: HTTPMethod, _ url: SiteURL, body: HTTPBodyStreamStrategy,
                                              use closure: @escaping @Sendable (Request) async throws -> Response) -> Route {
        let route = on(method, url.pathComponents, body: body, use: closure)
        // Middleware that reads the body before the handler does (the idempotency check) holds
        // it to the same limit as the route.
        if case .collect(let max?) = body { route.userInfo[Route.bodyLimitKey] = max.value }
        return route
    }
}

extension Route {
    static let bodyLimitKey = "fayuan.bodyLimit"

    /// The most a body may hold on this route (the default of 64 KB unless it set its own).
    var bodyLimit: Int { userInfo[Self.bodyLimitKey] as? Int ?? 64 * 1024 }
}
