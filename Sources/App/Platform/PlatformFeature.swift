import Fluent
import LegalAidCore
import Vapor

/// What every domain shares: the home page, signing in and accounts, the administrators' pages
/// (accounts, security, audit, holidays), the API description, and the background rounds that
/// seal the audit trail and send SMS.
struct PlatformFeature: Feature {
    var migrations: [any Migration] { [CreateAccountRoles(), CreateRateLimitWindows(), CreateIndexes.platformReads, CreatePhoneCodes(), AddPhoneCodeUse()] }

    func boot(routes: RoutesBuilder) throws {
        try routes.register(collection: HomeController())
        try routes.register(collection: AuthController())
        try routes.register(collection: SecondFactorController())
        try routes.register(collection: AccountController())
        try routes.register(collection: HolidayAdminController())
        try routes.register(collection: AuditController())
        try routes.register(collection: SecurityAdminController())
        try routes.register(collection: AccountAdminController())
        try routes.register(collection: APITokenController())
        routes.get(.openAPI, use: OpenAPIDocument.serve)
        routes.get(.asyncAPI, use: OpenAPIDocument.serveAsyncAPI)
        routes.get(.metrics, use: MetricsEndpoint.serve)
    }

    func navigation(for viewer: NavigationViewer) -> [NavigationLink] {
        if viewer.isAnonymous { return [NavigationLink("登录", .login(), rank: 100), NavigationLink("注册", .register, rank: 101)] }
        var links: [NavigationLink] = []
        if viewer.roles.contains(.auditAdmin) { links.append(NavigationLink("审计日志", .audit, rank: 60)) }
        if viewer.roles.contains(.securityAdmin) { links.append(NavigationLink("账号安全", .lockedAccounts, rank: 70)) }
        if viewer.roles.contains(.systemAdmin) {
            links.append(NavigationLink("账号管理", .accountAdmin, rank: 80))
            links.append(NavigationLink("节假日设置", .holidays, rank: 81))
        }
        return links
    }

    func rateLimits(_ settings: Settings) -> [RateLimits.Rule] { [RateLimits.signIn(settings)] }

    var messages: [MessageKind] { AccountMessages.all }

    /// Runs once `app.features` is set: the API document is put together here, not per request.
    func prepare(_ app: Application) throws {
        app.storage[OpenAPIDocument.Key.self] = try OpenAPIDocument.assemble(app.features)
    }

    func commands(_ app: Application) {
        app.asyncCommands.use(RotateKeysCommand(), as: "rotate-keys")
        app.asyncCommands.use(VerifyAuditCommand(), as: "verify-audit")
        app.asyncCommands.use(PruneAuditCommand(), as: "prune-audit")
        app.asyncCommands.use(PurgeExpiredCommand(), as: "purge-expired")
        app.asyncCommands.use(SendSMSCommand(), as: "send-sms")
        app.asyncCommands.use(MessageTemplatesCommand(), as: "message-templates")
        app.asyncCommands.use(BenchAuditCommand(), as: "bench-audit")
        app.asyncCommands.use(BackupCommand(), as: "backup")
    }

    func jobs(_ settings: Settings) -> [PeriodicJob] {
        var jobs: [PeriodicJob] = []
        if settings.auditSealMilliseconds > 0 {
            jobs.append(PeriodicJob("audit-seal", every: .milliseconds(settings.auditSealMilliseconds), runsAgainOnShutdown: true) { app in
                try await AuditLog.seal(services: app.fayuan, on: app.db)
                return nil
            })
        }
        if settings.smsDispatchSeconds > 0 {
            jobs.append(PeriodicJob("sms-dispatch", every: .seconds(settings.smsDispatchSeconds)) { app in
                try await SMSDispatcher(gateway: app.fayuan.smsGateway, services: app.fayuan).runOnce(on: app.db).summary
            })
        }
        return jobs
    }
}

enum OpenAPIDocument {
    struct Key: StorageKey { typealias Value = String }

    /// The platform's document (`Resources/openapi.yaml`) with every feature's schemas and paths
    /// put in their places; assembled once, when the app is prepared.
    static func assemble(_ features: [any Feature]) throws -> String {
        let root = try String(contentsOf: BundledResource.url("openapi.yaml"), encoding: .utf8)
        let fragments = features.map(\.openAPI)
        return root
            .replacingOccurrences(of: "# {{feature schemas}}", with: fragments.map(\.schemas).filter { !$0.isEmpty }.joined(separator: "\n"))
            .replacingOccurrences(of: "# {{feature paths}}", with: fragments.map(\.paths).filter { !$0.isEmpty }.joined(separator: "\n"))
    }

    @Sendable static func serve(req: Request) async throws -> Response {
        let document = try req.application.storage[Key.self] ?? assemble(req.application.features)
        return Response(status: .ok, headers: yamlHeaders, body: .init(string: document))
    }

    /// The live chat's WebSocket and its frames, as AsyncAPI 2.6.
    @Sendable static func serveAsyncAPI(req: Request) async throws -> Response {
        let response = try await req.fileio.asyncStreamFile(at: BundledResource.url("asyncapi.yaml").path)
        response.headers.contentType = yamlHeaders.contentType
        return response
    }

    private static var yamlHeaders: HTTPHeaders {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "yaml", parameters: ["charset": "utf-8"])
        return headers
    }
}
