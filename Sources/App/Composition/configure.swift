import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import LegalAidCore
import Vapor

/// The features this platform runs. A new domain adds its `Feature` here and nowhere else.
let features: [any Feature] = [PlatformFeature(), LegalAidFeature(), ConsultationFeature(), KnowledgeFeature(), DirectoryFeature(), MediationFeature()]

/// The one place where the app is wired: database, sessions, middleware, services, features.
public func configure(_ app: Application, settings: Settings, clock: AppClock = AppClock()) async throws {
    app.http.server.configuration.hostname = settings.host
    app.http.server.configuration.port = settings.port
    app.routes.defaultMaxBodySize = "64kb"

    try FileManager.default.createDirectory(atPath: settings.dataDirectory + "/uploads", withIntermediateDirectories: true)

    Vault.install(try KeyRingLoader.load(settings, logger: app.logger))

    switch settings.database {
    case .sqliteFile(let path):
        app.databases.use(.sqlite(.file(path)), as: .sqlite)
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory), as: .sqlite)
    case .postgres(let url):
        var config = try SQLPostgresConfiguration(url: url)
        if !url.contains("sslmode=require") { config.coreConfiguration.tls = .disable }
        app.databases.use(.postgres(configuration: config, maxConnectionsPerEventLoop: settings.postgresConnectionsPerEventLoop), as: .psql)
    }

    if case .sqliteFile = settings.database { try await SQLiteTuning.apply(app, durability: settings.sqliteSynchronous) }

    app.fayuan = FayuanServices(
        settings: settings,
        thresholds: try IncomeThresholdFile.load(path: settings.incomeThresholdsFile),
        uploadsDirectory: settings.dataDirectory + "/uploads",
        clock: clock,
        writeGate: { if case .postgres = settings.database { return nil } else { return WriteGate() } }(),
        passwordPolicy: PasswordPolicy(common: try CommonPasswords.load()),
        limiter: { if case .postgres = settings.database { return SharedRateLimiter() as any HitCounter } else { return RateLimiter() } }(),
        lockoutPolicy: LockoutPolicy(maxFailures: settings.lockoutMaxFailures, window: Double(settings.lockoutWindowMinutes) * 60,
                                     lockDuration: Double(settings.lockoutMinutes) * 60),
        smsGateway: smsGateway(settings.smsGateway, app: app, clock: clock))

    app.databases.middleware.use(AccountRoleMembership())
    app.databases.middleware.use(app.fayuan.principals.tracking(AccountModel.self, includingCreates: false))
    app.databases.middleware.use(app.fayuan.principals.tracking(APITokenModel.self, includingCreates: false))
    app.databases.middleware.use(app.fayuan.reference.tracking(OrganisationModel.self, includingCreates: true))
    app.databases.middleware.use(app.fayuan.reference.tracking(HolidayModel.self, includingCreates: true))
    app.databases.middleware.use(app.fayuan.reference.tracking(DirectoryPersonModel.self, includingCreates: true))

    app.sessions.use { _ in StoredSessions() }
    app.sessions.configuration.cookieName = "fayuan_session"
    app.sessions.configuration.cookieFactory = { sessionID in
        .init(string: sessionID.string, expires: nil, maxAge: nil, path: "/", isSecure: settings.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }

    // Our own figures (`MetricsMiddleware`, `/metrics`) count every request; Vapor's second count
    // through swift-metrics went nowhere but cost each request its allocations.
    app.http.server.configuration.reportMetrics = false
    app.middleware = .init()
    app.middleware.use(RequestID())
    app.middleware.use(MetricsMiddleware(metrics: app.fayuan.metrics))
    app.middleware.use(SecurityHeaders())
    app.middleware.use(CSRFCookie(secure: settings.secureCookies))
    app.middleware.use(ErrorRendering())
    app.middleware.use(MethodNotAllowed(routes: app.routes))
    app.middleware.use(FileMiddleware(publicDirectory: BundledResource.url("Public").path + "/"))
    app.middleware.use(PagesOnly(app.sessions.middleware))
    app.middleware.use(MultipartGuard())
    app.middleware.use(PagesOnly(CachedSessionAuthenticator()))
    app.middleware.use(PagesOnly(SessionLifetime()))
    app.middleware.use(PasswordChangeRequired())
    for feature in features { feature.middleware().forEach { app.middleware.use($0) } }
    app.middleware.use(CSRFProtection())
    app.middleware.use(OneTimeForms())

    // Every feature, platform first: its routes, navigation, migrations, commands and rounds.
    try app.install(features, settings: settings)
    if settings.migrateOnStart {
        try await app.autoMigrate()
        try await ReferenceSeed.seedHolidaysIfEmpty(on: app.db)
        if settings.seedDemo {
            try await DemoSeed.seedIfEmpty(app)
            for feature in features { try await feature.seedDemo(app) }
        }
    }

    try app.bootFeatureRoutes()
    RateLimits(features: app.features, settings: settings).install(on: app.routes)
}

private func smsGateway(_ choice: SMSGatewayChoice, app: Application, clock: AppClock) -> any SMSGateway {
    switch choice {
    case .log:
        let logger = Logger(label: "fayuan.sms")
        return LoggingSMSGateway(log: { logger.info("\($0)") })
    case .provider(let provider):
        return ProviderSMSGateway(settings: provider, client: app.client, now: { clock.now() })
    }
}
