import Fluent
import FluentPostgresDriver
import SQLKit
import XCTVapor
import XCTest
@testable import App
@testable import LegalAidCore

/// A real app on a real database: in-memory SQLite by default, or a fresh PostgreSQL
/// database copied from a migrated template when `DATABASE_URL` is set.
final class TestApp {
    let app: Application
    let clock: AppClock
    let dataDirectory: String
    private let postgresDatabase: String?

    /// The PBX's shared secret in tests (the webhook's tests sign with it).
    static let pbxSecret = "test-pbx-secret-0123456789"

    static var usesPostgres: Bool { !(ProcessInfo.processInfo.environment["DATABASE_URL"] ?? "").isEmpty }
    static var usesSQLiteFile: Bool { !usesPostgres && ProcessInfo.processInfo.environment["FAYUAN_TEST_SQLITE"] == "file" }

    /// `alongside`: a second instance on the first one's PostgreSQL database (it leaves the
    /// database to the first to drop).
    static func make(now: Date? = nil, alongside first: TestApp? = nil, adjust: (inout Settings) -> Void = { _ in }) async throws -> TestApp {
        // The database first, so a failure here leaves no half-made app behind.
        var database: String?
        var shared: String?
        if let first, let name = first.postgresDatabase {
            shared = name
        } else if usesPostgres, let url = ProcessInfo.processInfo.environment["DATABASE_URL"] {
            database = try await PostgresTemplate.freshDatabase(adminURL: url)
        }
        let app = try await Application.make(.testing)
        let clock = AppClock()
        clock.set(now)
        let dataDirectory = NSTemporaryDirectory() + "fayuan-test-" + UUID().uuidString
        var settings = Settings()
        settings.dataDirectory = dataDirectory
        settings.bcryptCost = 4
        settings.maxUploadBytes = 1024 * 1024
        settings.keysJSON = TestKeys.json
        settings.pbxSecret = TestApp.pbxSecret
        // Test clients share one address and a frozen clock; RateLimitTests sets real limits.
        settings.signInsPerMinute = 10_000
        settings.lookupsPerMinute = 10_000
        settings.applicationWritesPerTenMinutes = 10_000
        settings.consultationWritesPerTenMinutes = 10_000
        if let name = database ?? shared, let url = ProcessInfo.processInfo.environment["DATABASE_URL"] {
            settings.database = .postgres(url: PostgresTemplate.url(url, database: name))
            settings.migrateOnStart = false
        } else if ProcessInfo.processInfo.environment["FAYUAN_TEST_SQLITE"] == "file" {
            // As the server runs it: a file in WAL mode with its own connections (scripts/test.sh
            // runs the durability-sensitive specs this way too).
            settings.database = .sqliteFile(dataDirectory + "/fayuan.sqlite")
        } else {
            settings.database = .sqliteMemory
        }
        settings.deadlineSweepSeconds = 0
        settings.auditSealMilliseconds = 0
        settings.smsDispatchSeconds = 0
        settings.consultationRoundSeconds = 0
        adjust(&settings)
        do {
            try await configure(app, settings: settings, clock: clock)
        } catch {
            try await app.asyncShutdown()
            throw error
        }
        return TestApp(app: app, clock: clock, dataDirectory: dataDirectory, postgresDatabase: database)
    }

    private init(app: Application, clock: AppClock, dataDirectory: String, postgresDatabase: String?) {
        self.app = app
        self.clock = clock
        self.dataDirectory = dataDirectory
        self.postgresDatabase = postgresDatabase
    }

    func shutdown() async throws {
        try await app.asyncShutdown()
        try? FileManager.default.removeItem(atPath: dataDirectory)
        if let postgresDatabase, let url = ProcessInfo.processInfo.environment["DATABASE_URL"] {
            try await PostgresTemplate.drop(postgresDatabase, adminURL: url)
        }
    }

    var db: Database { app.db }

    /// The audit trail as a reader sees it once the sealer has run (it runs every second in a
    /// server; tests seal when they look).
    func auditTrail() async throws -> QueryBuilder<AuditEntryModel> {
        try await AuditLog.seal(services: app.fayuan, on: app.db)
        return AuditEntryModel.query(on: app.db)
    }

    /// By username, or by mobile number for citizens.
    func account(_ username: String) async throws -> AccountModel {
        let key = MobileNumber.parse(username).map(AccountModel.citizenUsername) ?? username
        return try await AccountModel.query(on: db).filter(\.$username == key).firstOrFail()
    }

    func organisation(_ name: String) async throws -> OrganisationModel {
        try await OrganisationModel.query(on: db).filter(\.$name == name).firstOrFail()
    }

    func application(_ number: String) async throws -> ApplicationModel {
        try await ApplicationModel.query(on: db).filter(\.$number == number).firstOrFail()
    }

    func events(of id: UUID) async throws -> [ApplicationEventModel] {
        try await ApplicationEventModel.query(on: db).filter(\.$applicationID == id).sort(\.$seq).all()
    }

    /// The authenticator code a person would type now. A code works only once, so each staff
    /// sign-in in a test happens 31 seconds after the one before (the test clock moves on).
    func nextTOTPCode(secret: Data) -> String {
        clock.set(clock.now().addingTimeInterval(31))
        return TOTP.code(secret: secret, counter: TOTP.counter(at: clock.now()))
    }

    /// Adds a staff account (test data).
    @discardableResult
    func addStaff(_ username: String, role: Role, organisation: String, enrolled: Bool = true) async throws -> AccountModel {
        let org = try await self.organisation(organisation)
        let account = AccountModel(username: username, passwordHash: try Bcrypt.hash(DemoSeed.staffPassword, cost: 4),
                                   displayName: username, roles: try RoleSet([role]), organisationID: org.id)
        if enrolled { account.totpSecret = TOTP.newSecret() }
        try await account.create(on: db)
        return account
    }
}

/// Runs a test body against a fresh app and always shuts it down.
func withTestApp(now: Date? = nil, adjust: (inout Settings) -> Void = { _ in }, _ body: (TestApp) async throws -> Void) async throws {
    let test = try await TestApp.make(now: now, adjust: adjust)
    do {
        try await body(test)
    } catch {
        try await test.shutdown()
        throw error
    }
    try await test.shutdown()
}

/// PostgreSQL: one template database, migrated and seeded once per test run; each test
/// gets its own copy (CREATE DATABASE … TEMPLATE is a file copy, far faster than migrating).
struct AdminError: Error, CustomStringConvertible {
    var detail: String
    var description: String { detail }
}

enum PostgresTemplate {
    static let templateName = "fayuan_test_template"
    nonisolated(unsafe) static var templateReady = false

    static func url(_ url: String, database: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        components.path = "/" + database
        return components.string ?? url
    }

    static func withAdmin<T>(_ adminURL: String, _ body: (SQLDatabase) async throws -> T) async throws -> T {
        let app = try await Application.make(.testing)
        var config = try SQLPostgresConfiguration(url: adminURL)
        config.coreConfiguration.tls = .disable
        app.databases.use(.postgres(configuration: config, maxConnectionsPerEventLoop: 1), as: .psql)
        do {
            let result = try await body(app.db as! SQLDatabase)
            try await app.asyncShutdown()
            return result
        } catch {
            try await app.asyncShutdown()
            throw AdminError(detail: String(reflecting: error))
        }
    }

    static func freshDatabase(adminURL: String) async throws -> String {
        if !templateReady {
            try await withAdmin(adminURL) { sql in
                try await sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: templateName)").run()
                try await sql.raw("CREATE DATABASE \(unsafeRaw: templateName)").run()
            }
            let app = try await Application.make(.testing)
            var settings = Settings()
            settings.dataDirectory = NSTemporaryDirectory() + "fayuan-template"
            settings.bcryptCost = 4
            settings.keysJSON = TestKeys.json
            settings.database = .postgres(url: url(adminURL, database: templateName))
            do {
                try await configure(app, settings: settings)
                try await app.asyncShutdown()
            } catch {
                try await app.asyncShutdown()
                throw error
            }
            templateReady = true
        }
        let name = "fayuan_t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        try await withAdmin(adminURL) { sql in
            try await sql.raw("CREATE DATABASE \(unsafeRaw: String(name)) TEMPLATE \(unsafeRaw: templateName)").run()
        }
        return String(name)
    }

    static func drop(_ name: String, adminURL: String) async throws {
        try await withAdmin(adminURL) { sql in
            try await sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)").run()
        }
    }
}

extension QueryBuilder {
    /// The first row, or a test failure naming the model.
    func firstOrFail() async throws -> Model {
        guard let row = try await first() else { throw Abort(.notFound, reason: "no \(Model.schema) row") }
        return row
    }
}

/// One key ring for the whole test run, so the PostgreSQL template's sealed rows open in every copy.
enum TestKeys {
    static let json: String = String(decoding: try! JSONEncoder().encode(KeyRing.generateFile(keyID: "test1")), as: UTF8.self)
}

extension TestApp {
    /// The code in the newest confirmation SMS (the test stands in for the person's phone).
    func lastPhoneCode() async throws -> String {
        let sms = try await SMSOutboxModel.query(on: db).filter(\.$template == PhoneCode.template).sort(\.$createdAt, .descending).first()
        return try XCTUnwrap(sms?.sealedParameters?.value["code"])
    }
}
