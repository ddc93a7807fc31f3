import Foundation

/// Everything the environment can change, read once at start-up (README: Configuration).
public struct Settings: Sendable {
    public enum DatabaseChoice: Sendable, Equatable {
        case sqliteFile(String)
        case sqliteMemory
        case postgres(url: String)
    }

    public var host = "127.0.0.1"
    public var port = 8080
    /// SQLite file and uploads live here.
    public var dataDirectory = "./data"
    public var database: DatabaseChoice = .sqliteFile("./data/fayuan.sqlite")
    /// Seed the demo district and accounts when the database is empty.
    public var seedDemo = true
    public var production = false
    public var maxUploadBytes = 10 * 1024 * 1024
    /// Days the applicant gets to supply missing materials when the staff member does not choose.
    public var materialsSupplyDays = 15
    /// JSON file with the provinces' hardship standards; the bundled demo file when nil.
    public var incomeThresholdsFile: String?
    /// The key ring as JSON (`FAYUAN_KEYS`), or a file holding it (`FAYUAN_KEY_FILE`). Outside
    /// production, without either, a key file is generated in the data folder on first start.
    public var keysJSON: String?
    public var keyFile: String?
    /// bcrypt work factor for new password hashes (tests lower it to stay fast).
    public var bcryptCost = 12
    /// Failed sign-ins before a lock, within `lockoutWindowMinutes`; the lock lasts `lockoutMinutes`.
    public var lockoutMaxFailures = 5
    public var lockoutWindowMinutes = 15
    public var lockoutMinutes = 15
    /// Sessions end after this long without a request, and after this long in any case.
    public var sessionIdleMinutes = 30
    public var sessionAbsoluteHours = 12
    /// Mark cookies `Secure` (serve over HTTPS, e.g. behind a TLS proxy). On by default in production.
    public var secureCookies = false
    /// Staff and administrators confirm each sign-in with an authenticator code (TOTP).
    public var staffSecondFactor = true
    /// Per client address: sign-ins and registrations a minute, status lookups a minute,
    /// application writes per ten minutes (429 beyond).
    public var signInsPerMinute = 10
    public var lookupsPerMinute = 20
    /// Wrong tries a day on one application number before its lookup closes until the next day.
    public var lookupFailuresPerDay = 10
    public var applicationWritesPerTenMinutes = 60
    /// Per client address: consultation writes (open, message, file, steps) per ten minutes by
    /// anyone but staff (429 beyond).
    public var consultationWritesPerTenMinutes = 120
    /// Seconds between deadline sweeps while the server runs (0: off, e.g. when a cron job runs `sweep-deadlines`).
    public var deadlineSweepSeconds = 60
    /// Seed 004: a live consultation nobody takes within this many seconds goes to the hotline
    /// for a call back (180; shorter in tests and demonstrations).
    public var consultationEscalateSeconds = 180
    /// Live chats one person holds at once.
    public var consultationParallelChats = 3
    /// How often each instance checks the three-minute rule (0: never; tests run it by hand).
    public var consultationRoundSeconds = 5
    /// Serve the live desk at any hour, whatever the centre's hours (browser journeys, demos
    /// outside office hours). Off by default: the desk follows the centre's hours and holidays.
    public var consultationAlwaysOpen = false
    /// Milliseconds between rounds that seal waiting audit records into the hash chain (0: off).
    public var auditSealMilliseconds = 1000
    /// Seconds between rounds that send waiting SMS through the gateway (0: off).
    public var smsDispatchSeconds = 5
    /// Where SMS go: the log only (development, demo) or a provider's HTTP API.
    public var smsGateway: SMSGatewayChoice = .log
    /// PostgreSQL connections each event loop (one per core) may hold.
    public var postgresConnectionsPerEventLoop = 4
    /// Proxies (nginx) whose `X-Forwarded-For` is believed, by address.
    public var trustedProxies: Set<String> = []
    /// Lets a scraper on another machine read `/metrics` with `Authorization: Bearer …`.
    public var metricsToken: String?
    /// The shared secret the PBX signs 12348 call events with (HMAC-SHA256); unset, the
    /// webhook refuses every event.
    public var pbxSecret: String?
    /// The address people reach the platform at, for links sent by SMS (no trailing slash);
    /// unset, `http://localhost:<PORT>`.
    public var publicURL: String?
    /// Where a link in an SMS points: the public address, or this machine.
    public var linkBase: String { publicURL ?? "http://localhost:\(port)" }
    /// Messages one side of one conversation may send in a minute.
    public var consultationMessagesPerMinute = 30
    /// SQLite's `synchronous` in WAL mode: `normal` (no acknowledged write lost when the process
    /// dies, e.g. `kill -9`; the last commits may be lost if the machine itself loses power) or
    /// `full` (survives power loss too, at one disk flush per commit).
    public var sqliteSynchronous: SQLiteDurability = .normal
    /// Run `autoMigrate` at start-up.
    public var migrateOnStart = true

    public init() {}

    /// Reads the environment; a value that cannot be used is refused naming the variable,
    /// so the server never starts on a half-understood configuration.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> Settings {
        var settings = Settings()
        func text(_ name: String) -> String? {
            guard let value = env[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
            return value
        }
        func integer(_ name: String, _ range: ClosedRange<Int>) throws -> Int? {
            guard let raw = text(name) else { return nil }
            guard let value = Int(raw), range.contains(value) else {
                throw ConfigurationError(variable: name, problem: "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return value
        }
        func flag(_ name: String) throws -> Bool? {
            guard let raw = text(name)?.lowercased() else { return nil }
            switch raw {
            case "1", "true", "yes", "on": return true
            case "0", "false", "no", "off": return false
            default: throw ConfigurationError(variable: name, problem: "must be 1 or 0 (true or false)")
            }
        }
        if let host = text("HOST") { settings.host = host }
        if let port = try integer("PORT", 1...65535) { settings.port = port }
        if let dir = text("FAYUAN_DATA_DIR") { settings.dataDirectory = dir }
        settings.database = .sqliteFile(settings.dataDirectory + "/fayuan.sqlite")
        if let url = text("DATABASE_URL") {
            try DatabaseURL.check(url)
            settings.database = .postgres(url: url)
        }
        switch text("FAYUAN_ENV") {
        case nil, "development": settings.production = false
        case "production": settings.production = true
        default: throw ConfigurationError(variable: "FAYUAN_ENV", problem: "must be production or development")
        }
        settings.seedDemo = !settings.production
        settings.secureCookies = settings.production
        if let secure = try flag("FAYUAN_SECURE_COOKIES") { settings.secureCookies = secure }
        if let seed = try flag("FAYUAN_SEED_DEMO") { settings.seedDemo = seed }
        if let file = text("FAYUAN_INCOME_THRESHOLDS") {
            guard FileManager.default.isReadableFile(atPath: file) else {
                throw ConfigurationError(variable: "FAYUAN_INCOME_THRESHOLDS", problem: "no readable file at that path")
            }
            settings.incomeThresholdsFile = file
        }
        if let keys = text("FAYUAN_KEYS") { settings.keysJSON = keys }
        if let file = text("FAYUAN_KEY_FILE") {
            guard FileManager.default.isReadableFile(atPath: file) else {
                throw ConfigurationError(variable: "FAYUAN_KEY_FILE", problem: "no readable file at that path")
            }
            settings.keyFile = file
        }
        if let value = try integer("FAYUAN_LOCKOUT_MAX_FAILURES", 1...100) { settings.lockoutMaxFailures = value }
        if let value = try integer("FAYUAN_LOCKOUT_MINUTES", 1...1440) { settings.lockoutMinutes = value }
        if let value = try integer("FAYUAN_SESSION_IDLE_MINUTES", 1...1440) { settings.sessionIdleMinutes = value }
        if let value = try integer("FAYUAN_SESSION_ABSOLUTE_HOURS", 1...168) { settings.sessionAbsoluteHours = value }
        if let value = try integer("FAYUAN_SIGNINS_PER_MINUTE", 1...1_000_000) { settings.signInsPerMinute = value }
        if let value = try integer("FAYUAN_LOOKUPS_PER_MINUTE", 1...1_000_000) { settings.lookupsPerMinute = value }
        if let value = try integer("FAYUAN_LOOKUP_FAILURES_PER_DAY", 1...1000) { settings.lookupFailuresPerDay = value }
        if let value = try integer("FAYUAN_APPLICATION_WRITES_PER_10_MINUTES", 1...1_000_000) { settings.applicationWritesPerTenMinutes = value }
        if let value = try integer("FAYUAN_CONSULTATION_WRITES_PER_10_MINUTES", 1...1_000_000) { settings.consultationWritesPerTenMinutes = value }
        if let value = try integer("FAYUAN_DEADLINE_SWEEP_SECONDS", 0...86_400) { settings.deadlineSweepSeconds = value }
        if let value = try integer("FAYUAN_CONSULTATION_ESCALATE_SECONDS", 1...3600) { settings.consultationEscalateSeconds = value }
        if let value = try integer("FAYUAN_CONSULTATION_PARALLEL_CHATS", 1...20) { settings.consultationParallelChats = value }
        if let value = try integer("FAYUAN_CONSULTATION_ROUND_SECONDS", 0...3600) { settings.consultationRoundSeconds = value }
        if let value = try integer("FAYUAN_CONSULTATION_ALWAYS_OPEN", 0...1) { settings.consultationAlwaysOpen = value == 1 }
        if let value = try integer("FAYUAN_DB_POOL", 1...64) { settings.postgresConnectionsPerEventLoop = value }
        if let proxies = text("FAYUAN_TRUSTED_PROXIES") {
            settings.trustedProxies = Set(proxies.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        }
        if let secret = text("FAYUAN_PBX_SECRET") {
            guard secret.count >= 16 else { throw ConfigurationError(variable: "FAYUAN_PBX_SECRET", problem: "must be at least 16 characters") }
            settings.pbxSecret = secret
        }
        if let url = text("FAYUAN_PUBLIC_URL") {
            guard url.hasPrefix("https://") || url.hasPrefix("http://"), URL(string: url)?.host != nil else {
                throw ConfigurationError(variable: "FAYUAN_PUBLIC_URL", problem: "must be an http(s) address such as https://fayuan.example.gov.cn")
            }
            settings.publicURL = url.hasSuffix("/") ? String(url.dropLast()) : url
        }
        if settings.production, settings.publicURL == nil {
            throw ConfigurationError(variable: "FAYUAN_PUBLIC_URL",
                                     problem: "production needs the site's public address: printed notices, QR codes and SMS links point to it")
        }
        if let value = try integer("FAYUAN_CONSULTATION_MESSAGES_PER_MINUTE", 1...100_000) { settings.consultationMessagesPerMinute = value }
        if let token = text("FAYUAN_METRICS_TOKEN") {
            guard token.count >= 16 else { throw ConfigurationError(variable: "FAYUAN_METRICS_TOKEN", problem: "must be at least 16 characters") }
            settings.metricsToken = token
        }
        switch text("FAYUAN_SQLITE_SYNCHRONOUS")?.lowercased() {
        case nil: break
        case let value?:
            guard let durability = SQLiteDurability(rawValue: value) else {
                throw ConfigurationError(variable: "FAYUAN_SQLITE_SYNCHRONOUS", problem: "must be normal or full")
            }
            settings.sqliteSynchronous = durability
        }
        if let value = try integer("FAYUAN_AUDIT_SEAL_MILLISECONDS", 0...60_000) { settings.auditSealMilliseconds = value }
        if let value = try integer("FAYUAN_SMS_DISPATCH_SECONDS", 0...3600) { settings.smsDispatchSeconds = value }
        settings.smsGateway = try SMSGatewayChoice.fromEnvironment(text, templates: MessageCatalogue.templates(features))
        if let max = try integer("FAYUAN_MAX_UPLOAD_MB", 1...100) { settings.maxUploadBytes = max * 1024 * 1024 }
        return settings
    }
}

/// A configuration value the server cannot use: which variable, and what is wrong with it.
/// The value itself is not repeated (it may hold a password).
public struct ConfigurationError: Error, CustomStringConvertible, Equatable {
    public var variable: String
    public var problem: String

    public init(variable: String, problem: String) {
        self.variable = variable
        self.problem = problem
    }

    public var description: String { "\(variable): \(problem)" }
}

enum DatabaseURL {
    static let expected = "expected postgres://user:password@host:5432/database"

    /// `postgres://user:password@host:5432/database`, checked before anything connects.
    static func check(_ url: String) throws {
        guard let parts = URLComponents(string: url), let scheme = parts.scheme else {
            throw ConfigurationError(variable: "DATABASE_URL", problem: "is not a URL; \(expected)")
        }
        guard ["postgres", "postgresql"].contains(scheme.lowercased()) else {
            throw ConfigurationError(variable: "DATABASE_URL", problem: "scheme \"\(scheme)\" is not supported; use postgres:// (leave it unset for SQLite)")
        }
        guard let host = parts.host, !host.isEmpty else {
            throw ConfigurationError(variable: "DATABASE_URL", problem: "names no host; \(expected)")
        }
        if parts.user == nil || parts.user?.isEmpty == true {
            throw ConfigurationError(variable: "DATABASE_URL", problem: "names no user; \(expected)")
        }
        if parts.path.count <= 1 {
            throw ConfigurationError(variable: "DATABASE_URL", problem: "names no database; \(expected)")
        }
    }
}
