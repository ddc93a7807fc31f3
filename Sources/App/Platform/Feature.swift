import Fluent
import LegalAidCore
import Vapor

/// One domain of the platform (legal aid today; the consultation desk, mediation, the directory,
/// supervision and video next), or the shared platform itself. A feature owns its folder —
/// routes, controllers, services, models, migrations, pages — and tells the composition root
/// everything the running app needs from it here, so adding a domain edits no other domain.
protocol Feature: Sendable {
    /// Its pages and API.
    func boot(routes: RoutesBuilder) throws
    /// Its entries in the main navigation for this viewer (sorted across features by `rank`).
    func navigation(for viewer: NavigationViewer) -> [NavigationLink]
    /// Its migrations that came after the landed history (`MigrationHistory`), in order.
    var migrations: [any Migration] { get }
    /// Middleware it adds to every request, after sign-in and before the CSRF check.
    func middleware() -> [any Middleware]
    /// Its commands (`swift run Run NAME`).
    func commands(_ app: Application)
    /// Its background rounds while a server runs.
    func jobs(_ settings: Settings) -> [PeriodicJob]
    /// Whatever it keeps on the application (e.g. a realtime hub), set up once before serving.
    func prepare(_ app: Application) throws
    /// Its part of the demo district, on a first start with demo data (after the platform's).
    func seedDemo(_ app: Application) async throws
    /// Its audit events and targets in Chinese, for the audit page and its filter.
    var auditVocabulary: AuditVocabulary { get }
    /// The personal data it keeps: what key rotation seals again, what the purge deletes.
    var personalData: PersonalData { get }
    /// Its cards on the home page for this viewer (placed across features by `rank`).
    func homeCards(_ home: HomeContext) -> [HomeCard]
    /// Where a person lands when nothing else was asked for (after signing in, registering or
    /// changing a password); the lowest rank across features wins, the home page failing all.
    func landing(for viewer: NavigationViewer, justRegistered: Bool) -> Landing?
    /// The per-address limits in front of its routes (README: Security).
    func rateLimits(_ settings: Settings) -> [RateLimits.Rule]
    /// Its API paths and schemas, assembled into `/openapi.yaml`.
    var openAPI: OpenAPIFragment { get }
    /// Every text it sends to a person (start-up asks for a provider code for each).
    var messages: [MessageKind] { get }
    /// The figures a supervisor sees for it: counts and durations by organisation and month,
    /// computed by the database.
    func figures(_ query: FigureQuery) async throws -> [Figure]
}

/// How a feature's audit entries read on `/audit`: the family its events share (a code prefix,
/// which the page filters by), each event's name, and the names of the things it records.
struct AuditVocabulary: Sendable {
    var families: [(prefix: String, label: String)] = []
    var events: [String: String] = [:]
    /// `consultation:` → 咨询 (followed by the id).
    var targets: [(prefix: String, label: String)] = []
}

extension Feature {
    func navigation(for viewer: NavigationViewer) -> [NavigationLink] { [] }
    var migrations: [any Migration] { [] }
    func middleware() -> [any Middleware] { [] }
    func commands(_ app: Application) {}
    func jobs(_ settings: Settings) -> [PeriodicJob] { [] }
    func prepare(_ app: Application) throws {}
    func seedDemo(_ app: Application) async throws {}
    var auditVocabulary: AuditVocabulary { AuditVocabulary() }
    var personalData: PersonalData { PersonalData() }
    func homeCards(_ home: HomeContext) -> [HomeCard] { [] }
    func landing(for viewer: NavigationViewer, justRegistered: Bool) -> Landing? { nil }
    func rateLimits(_ settings: Settings) -> [RateLimits.Rule] { [] }
    var openAPI: OpenAPIFragment { OpenAPIFragment() }
    var messages: [MessageKind] { [] }
    func figures(_ query: FigureQuery) async throws -> [Figure] { [] }
}

/// A feature's part of the OpenAPI document, as YAML indented for its place: schemas under
/// `components.schemas` (four spaces), paths under `paths` (two).
struct OpenAPIFragment: Sendable {
    var schemas = ""
    var paths = ""

    /// One step on a resource by id (`POST /…/{id}/…`): a JSON body, an `Idempotency-Key`, the
    /// resource back as `schema`, and the errors by name (`components/responses/Error`).
    static func step(_ path: String, summary: String, body: String, status: Int = 200, returns schema: String) -> String {
        let errors = [400, 401, 403, 404, 409, 422].map { "        \"\($0)\": { $ref: '#/components/responses/Error' }" }.joined(separator: "\n")
        return """
          \(path):
            parameters:
              - { name: id, in: path, required: true, schema: { type: string, format: uuid } }
            post:
              summary: "\(summary)"
              security: [{ bearer: [] }]
              requestBody:
                required: true
                content: { application/json: { schema: \(body) } }
              parameters:
                - { $ref: '#/components/parameters/IdempotencyKey' }
              responses:
                "415": { $ref: '#/components/responses/Error' }
                "\(status)": { description: Done, content: { application/json: { schema: { $ref: '#/components/schemas/\(schema)' } } } }
        \(errors)
        """
    }
}

/// What a home page card may read: who is looking, the reference data, the time.
struct HomeContext: Sendable {
    var viewer: NavigationViewer
    var reference: ReferenceData
    var now: Date
    var settings: Settings
}

/// One card on the home page: a banner above the others (`top`) or one of the grid.
struct HomeCard: Sendable {
    enum Placement: Sendable { case top, grid }
    var rank: Int
    var placement: Placement = .grid
    var html: HTML
}

/// A page a person lands on.
struct Landing: Sendable {
    var url: SiteURL
    var rank: Int
}

/// Who the navigation is for.
struct NavigationViewer: Sendable {
    var account: AccountModel?
    /// Counts features worked out for this request (`NavigationCounts`), by name.
    var counts: [String: Int] = [:]

    var roles: Set<Role> { account?.roles?.roles ?? [] }
    var isCitizen: Bool { account?.isCitizen == true }
    var isStaff: Bool { account != nil && !isCitizen }
    var isAnonymous: Bool { account == nil }
}

/// Counts a feature's middleware works out before a page is drawn, for its navigation entries
/// (e.g. legal aid's unread deadline alerts), by name.
struct NavigationCounts: StorageKey { typealias Value = [String: Int] }

/// One link in the main navigation.
struct NavigationLink: Sendable, Equatable {
    var title: String
    var url: SiteURL
    /// A count worth the viewer's attention, shown beside the title.
    var badge: String?
    var rank: Int

    init(_ title: String, _ url: SiteURL, rank: Int, badge: String? = nil) {
        self.title = title
        self.url = url
        self.rank = rank
        self.badge = badge
    }
}

extension Application {
    private struct FeaturesKey: StorageKey { typealias Value = [any Feature] }

    /// The features this app runs, in the order the composition root listed them.
    var features: [any Feature] {
        get { storage[FeaturesKey.self] ?? [] }
        set { storage[FeaturesKey.self] = newValue }
    }

    /// Registers every feature's routes, migrations, commands and background rounds.
    func install(_ features: [any Feature], settings: Settings) throws {
        self.features = features
        migrations.add(MigrationHistory.landed)
        for feature in features {
            try feature.prepare(self)
            migrations.add(feature.migrations)
            feature.commands(self)
            for job in feature.jobs(settings) { lifecycle.use(job) }
        }
    }

    func bootFeatureRoutes() throws {
        for feature in features { try feature.boot(routes: routes) }
    }

    /// The navigation for a viewer: every feature's links, by rank.
    func navigation(for viewer: NavigationViewer) -> [NavigationLink] {
        features.flatMap { $0.navigation(for: viewer) }.sorted { $0.rank < $1.rank }
    }

    /// Where this account lands when nothing else was asked for.
    func landing(for account: AccountModel, justRegistered: Bool = false) -> String {
        let viewer = NavigationViewer(account: account)
        return features.compactMap { $0.landing(for: viewer, justRegistered: justRegistered) }.min { $0.rank < $1.rank }?.url.path ?? SiteURL.home.path
    }
}
