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
    public var applicationWritesPerTenMinutes = 60
    /// Seconds between deadline sweeps while the server runs (0: off, e.g. when a cron job runs `sweep-deadlines`).
    public var deadlineSweepSeconds = 60
    /// Run `autoMigrate` at start-up.
    public var migrateOnStart = true

    public init() {}

    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> Settings {
        var settings = Settings()
        if let host = env["HOST"], !host.isEmpty { settings.host = host }
        if let port = env["PORT"].flatMap(Int.init) { settings.port = port }
        if let dir = env["FAYUAN_DATA_DIR"], !dir.isEmpty { settings.dataDirectory = dir }
        settings.database = .sqliteFile(settings.dataDirectory + "/fayuan.sqlite")
        if let url = env["DATABASE_URL"], !url.isEmpty { settings.database = .postgres(url: url) }
        settings.production = env["FAYUAN_ENV"] == "production"
        settings.seedDemo = !settings.production
        settings.secureCookies = settings.production
        if let secure = env["FAYUAN_SECURE_COOKIES"] { settings.secureCookies = secure == "1" || secure == "true" }
        if let seed = env["FAYUAN_SEED_DEMO"] { settings.seedDemo = seed != "0" && seed != "false" }
        if let file = env["FAYUAN_INCOME_THRESHOLDS"], !file.isEmpty { settings.incomeThresholdsFile = file }
        if let keys = env["FAYUAN_KEYS"], !keys.isEmpty { settings.keysJSON = keys }
        if let file = env["FAYUAN_KEY_FILE"], !file.isEmpty { settings.keyFile = file }
        if let value = env["FAYUAN_LOCKOUT_MAX_FAILURES"].flatMap(Int.init) { settings.lockoutMaxFailures = value }
        if let value = env["FAYUAN_LOCKOUT_MINUTES"].flatMap(Int.init) { settings.lockoutMinutes = value }
        if let value = env["FAYUAN_SESSION_IDLE_MINUTES"].flatMap(Int.init) { settings.sessionIdleMinutes = value }
        if let value = env["FAYUAN_SESSION_ABSOLUTE_HOURS"].flatMap(Int.init) { settings.sessionAbsoluteHours = value }
        if let value = env["FAYUAN_SIGNINS_PER_MINUTE"].flatMap(Int.init) { settings.signInsPerMinute = value }
        if let value = env["FAYUAN_LOOKUPS_PER_MINUTE"].flatMap(Int.init) { settings.lookupsPerMinute = value }
        if let value = env["FAYUAN_APPLICATION_WRITES_PER_10_MINUTES"].flatMap(Int.init) { settings.applicationWritesPerTenMinutes = value }
        if let value = env["FAYUAN_DEADLINE_SWEEP_SECONDS"].flatMap(Int.init) { settings.deadlineSweepSeconds = value }
        if let max = env["FAYUAN_MAX_UPLOAD_MB"].flatMap(Int.init) { settings.maxUploadBytes = max * 1024 * 1024 }
        return settings
    }
}
