import Foundation
import LegalAidCore
import Vapor

/// Every address in one place: the same value registers the route (with `.key` parameters)
/// and writes every link and redirect (with `.value`s), so the two cannot drift apart.
enum SiteURL: Sendable, Equatable {
    case home
    case login(next: String? = nil)
    case logout
    case secondFactor
    case enrolSecondFactor
    case register
    case lookup
    case displayMode
    case myApplications
    /// The prefix every application page shares (no page of its own; the rate limit counts under it).
    case applicationsRoot
    case newApplication
    case application(Parameter<UUID>)
    case editApplication(Parameter<UUID>)
    case action(Parameter<UUID>, Parameter<ApplicationEventKind>)
    case attachment(Parameter<UUID>)
    case uploadAttachments(Parameter<UUID>)
    case document(Parameter<UUID>)
    case workbench
    case legalAidCase(Parameter<UUID>)
    case cases
    case intake
    case intakeNotifications
    case intakeDetained
    case forwardDetained(Parameter<UUID>)
    case lawyers
    case lawyer(Parameter<UUID>)
    case objections
    case objection(Parameter<UUID>)
    case objectionDecision(Parameter<UUID>)
    case auditExport
    case caseAction(Parameter<UUID>, Parameter<CaseEventKind>)
    case caseStep(Parameter<UUID>, CaseStep)
    case applicationStep(Parameter<UUID>, ApplicationStep)
    case accountRoles(Parameter<UUID>)
    case unlockAccount(Parameter<UUID>)
    case smsCodeSetting
    case deleteHoliday(Parameter<UUID>)
    case readAlert(Parameter<UUID>)
    case openAPI
    case asyncAPI
    case holidays
    case account
    case changePassword
    case logoutEverywhere
    case lockedAccounts
    case accountAdmin
    case audit
    case stylesheet
    case favicon
    case script
    case consultScript
    case directoryScript
    case health
    case metrics
    case consult
    case consultation(Parameter<UUID>)
    case consultationMessages(Parameter<UUID>)
    case consultationStep(Parameter<UUID>, ConsultationStep)
    case consultationLive(Parameter<UUID>)
    case consultationFiles(Parameter<UUID>)
    case consultationFile(Parameter<UUID>, Parameter<UUID>)
    /// Where an SMS link opens a conversation: its key travels in the fragment (never sent to a
    /// server or written to a log) and is posted here once, for this browser's session.
    case consultationOpen(Parameter<UUID>)
    case desk
    case deskDuty
    case deskNext
    case deskLive
    case deskCalls
    case consultationToFAQ(Parameter<UUID>)
    case knowledge
    case knowledgeEntry(Parameter<UUID>)
    case lawArticle(Parameter<UUID>, Parameter<Int>)
    case knowledgeManage
    case newKnowledgeEntry
    case editKnowledgeEntry(Parameter<UUID>)
    case knowledgeStep(Parameter<UUID>, KnowledgeStep)
    case knowledgeVersions(Parameter<UUID>)
    case knowledgeAsk
    case knowledgeQuestions
    case knowledgeQuestionDone(Parameter<UUID>)
    case directory
    case directoryEntry(Parameter<UUID>)
    case directoryNotice(Parameter<UUID>)
    case directoryNearest
    case directoryPeople
    case directoryManage
    case newDirectoryEntry
    case editDirectoryEntry(Parameter<UUID>)
    case newDirectoryPerson
    case editDirectoryPerson(Parameter<UUID>)
    case deleteDirectoryPerson(Parameter<UUID>)
    case directoryPersonPhoto(Parameter<UUID>)
    case directoryImport
    case directoryImportRun(Parameter<UUID>)
    case lawImport
    case api(APIPath)

    var path: String {
        switch self {
        case .home: "/"
        case .login(let next?): "/login?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        case .login(nil): "/login"
        case .logout: "/logout"
        case .secondFactor: "/login/second-factor"
        case .enrolSecondFactor: "/login/enrol"
        case .register: "/register"
        case .lookup: "/lookup"
        case .displayMode: "/display-mode"
        case .myApplications: "/my"
        case .applicationsRoot: "/applications"
        case .newApplication: "/applications/new"
        case .application(let id): "/applications/\(id.segment("id"))"
        case .editApplication(let id): "/applications/\(id.segment("id"))/edit"
        case let .action(id, event): "/applications/\(id.segment("id"))/actions/\(event.segment("event"))"
        case .attachment(let id): "/attachments/\(id.segment("id"))"
        case .uploadAttachments(let id): "/applications/\(id.segment("id"))/attachments"
        case .document(let id): "/documents/\(id.segment("id"))"
        case .workbench: "/workbench"
        case .legalAidCase(let id): "/cases/\(id.segment("id"))"
        case .cases: "/cases"
        case .intake: "/intake"
        case .intakeNotifications: "/intake/notifications"
        case .intakeDetained: "/intake/detained"
        case .forwardDetained(let id): "/intake/detained/\(id.segment("id"))/forward"
        case .lawyers: "/lawyers"
        case .lawyer(let id): "/lawyers/\(id.segment("id"))"
        case .objections: "/objections"
        case .objection(let id): "/objections/\(id.segment("id"))"
        case .objectionDecision(let id): "/objections/\(id.segment("id"))/decision"
        case .auditExport: "/audit/export.csv"
        case let .caseAction(id, event): "/cases/\(id.segment("id"))/actions/\(event.segment("event"))"
        case let .caseStep(id, step): "/cases/\(id.segment("id"))/\(step.rawValue)"
        case let .applicationStep(id, step): "/applications/\(id.segment("id"))/\(step.rawValue)"
        case .accountRoles(let id): "/security/accounts/\(id.segment("id"))/roles"
        case .unlockAccount(let id): "/security/locked-accounts/\(id.segment("id"))/unlock"
        case .smsCodeSetting: "/account/sms-code"
        case .deleteHoliday(let id): "/admin/holidays/\(id.segment("id"))/delete"
        case .readAlert(let id): "/alerts/\(id.segment("id"))/read"
        case .openAPI: "/openapi.yaml"
        case .asyncAPI: "/asyncapi.yaml"
        case .holidays: "/admin/holidays"
        case .account: "/account"
        case .changePassword: "/account/password"
        case .logoutEverywhere: "/account/logout-everywhere"
        case .lockedAccounts: "/security/locked-accounts"
        case .accountAdmin: "/admin/accounts"
        case .audit: "/audit"
        case .stylesheet: "/css/site.css"
        case .favicon: "/favicon.ico"
        case .script: "/js/site.js"
        case .consultScript: "/js/consult.js"
        case .directoryScript: "/js/directory.js"
        case .health: "/healthz"
        case .metrics: "/metrics"
        case .consult: "/consult"
        case .consultation(let id): "/consult/\(id.segment("id"))"
        case .consultationMessages(let id): "/consult/\(id.segment("id"))/messages"
        case .consultationFiles(let id): "/consult/\(id.segment("id"))/files"
        case .consultationOpen(let id): "/consult/\(id.segment("id"))/open"
        case let .consultationFile(id, file): "/consult/\(id.segment("id"))/files/\(file.segment("file"))"
        case let .consultationStep(id, step): "/consult/\(id.segment("id"))/\(step.rawValue)"
        case .consultationLive(let id): "/consult/\(id.segment("id"))/live"
        case .desk: "/desk"
        case .deskDuty: "/desk/duty"
        case .deskNext: "/desk/next"
        case .deskLive: "/desk/live"
        case .deskCalls: "/desk/calls"
        case .consultationToFAQ(let id): "/consult/\(id.segment("id"))/faq"
        case .knowledge: "/knowledge"
        case .knowledgeEntry(let id): "/knowledge/\(id.segment("id"))"
        case let .lawArticle(id, number): "/knowledge/\(id.segment("id"))/articles/\(number.segment("article"))"
        case .knowledgeManage: "/knowledge/manage"
        case .newKnowledgeEntry: "/knowledge/new"
        case .editKnowledgeEntry(let id): "/knowledge/\(id.segment("id"))/edit"
        case let .knowledgeStep(id, step): "/knowledge/\(id.segment("id"))/\(step.rawValue)"
        case .knowledgeVersions(let id): "/knowledge/\(id.segment("id"))/versions"
        case .knowledgeAsk: "/knowledge/ask"
        case .knowledgeQuestions: "/knowledge/questions"
        case .knowledgeQuestionDone(let id): "/knowledge/questions/\(id.segment("id"))/done"
        case .directory: "/directory"
        case .directoryEntry(let id): "/directory/\(id.segment("id"))"
        case .directoryNotice(let id): "/directory/\(id.segment("id"))/notice"
        case .directoryNearest: "/directory/nearest"
        case .directoryPeople: "/directory/people"
        case .directoryManage: "/directory/manage"
        case .newDirectoryEntry: "/directory/new"
        case .editDirectoryEntry(let id): "/directory/\(id.segment("id"))/edit"
        case .newDirectoryPerson: "/directory/people/new"
        case .editDirectoryPerson(let id): "/directory/people/\(id.segment("id"))/edit"
        case .deleteDirectoryPerson(let id): "/directory/people/\(id.segment("id"))/delete"
        case .directoryPersonPhoto(let id): "/directory/people/\(id.segment("id"))/photo"
        case .directoryImport: "/directory/import"
        case .directoryImportRun(let id): "/directory/import/\(id.segment("id"))"
        case .lawImport: "/knowledge/import"
        case .api(let api): "/api/v1" + api.path
        }
    }
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

    // Links name the thing itself; `SiteURL.application(id)` reads better than `.value(id)`.
    static func application(_ id: UUID) -> SiteURL { .application(.value(id)) }
    static func editApplication(_ id: UUID) -> SiteURL { .editApplication(.value(id)) }
    static func action(_ id: UUID, _ event: ApplicationEventKind) -> SiteURL { .action(.value(id), .value(event)) }
    static func attachment(_ id: UUID) -> SiteURL { .attachment(.value(id)) }
    static func uploadAttachments(_ id: UUID) -> SiteURL { .uploadAttachments(.value(id)) }
    static func document(_ id: UUID) -> SiteURL { .document(.value(id)) }
    static func legalAidCase(_ id: UUID) -> SiteURL { .legalAidCase(.value(id)) }
    static func forwardDetained(_ id: UUID) -> SiteURL { .forwardDetained(.value(id)) }
    static func lawyer(_ id: UUID) -> SiteURL { .lawyer(.value(id)) }
    static func objection(_ id: UUID) -> SiteURL { .objection(.value(id)) }
    static func objectionDecision(_ id: UUID) -> SiteURL { .objectionDecision(.value(id)) }
    static func caseAction(_ id: UUID, _ event: CaseEventKind) -> SiteURL { .caseAction(.value(id), .value(event)) }
    static func caseStep(_ id: UUID, _ step: CaseStep) -> SiteURL { .caseStep(.value(id), step) }
    static func applicationStep(_ id: UUID, _ step: ApplicationStep) -> SiteURL { .applicationStep(.value(id), step) }
    static func accountRoles(_ id: UUID) -> SiteURL { .accountRoles(.value(id)) }
    static func unlockAccount(_ id: UUID) -> SiteURL { .unlockAccount(.value(id)) }
    static func deleteHoliday(_ id: UUID) -> SiteURL { .deleteHoliday(.value(id)) }
    static func readAlert(_ id: UUID) -> SiteURL { .readAlert(.value(id)) }
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

/// The JSON API's addresses under `/api/v1`.
enum APIPath: Sendable, Equatable {
    case token
    case communityPoints
    case status
    case applications
    case application(Parameter<UUID>)
    case applicationEvents(Parameter<UUID>)
    case applicationAttachments(Parameter<UUID>)
    case applicationStep(Parameter<UUID>, ApplicationStep)
    case document(Parameter<UUID>)
    case overdue
    case cases
    case legalAidCase(Parameter<UUID>)
    case caseEvents(Parameter<UUID>)
    case caseStep(Parameter<UUID>, CaseStep)
    case objections
    case objectionDecision(Parameter<UUID>)
    case notifications
    case deadlines
    case detainedRequests
    case forwardDetained(Parameter<UUID>)
    case knowledge
    case knowledgeEntry(Parameter<UUID>)
    case lawArticle(Parameter<UUID>, Parameter<Int>)
    case knowledgeStep(Parameter<UUID>, KnowledgeStep)
    case knowledgeVersions(Parameter<UUID>)
    case knowledgeAsk
    case knowledgeQuestions
    case knowledgeQuestionDone(Parameter<UUID>)
    case consultations
    case consultationPhoneCode
    case consultation(Parameter<UUID>)
    case consultationMessages(Parameter<UUID>)
    case consultationStep(Parameter<UUID>, ConsultationStep)
    case consultationFiles(Parameter<UUID>)
    case consultationFile(Parameter<UUID>, Parameter<UUID>)
    case desk
    case deskDuty
    case deskNext
    case hotlineEvents
    case deskCalls
    case directory
    case directoryEntry(Parameter<UUID>)
    case directoryNearest
    case directoryPeople
    case directoryPerson(Parameter<UUID>)

    var path: String {
        switch self {
        case .token: "/auth/token"
        case .communityPoints: "/community-points"
        case .status: "/status"
        case .applications: "/applications"
        case .application(let id): "/applications/\(id.segment("id"))"
        case .applicationEvents(let id): "/applications/\(id.segment("id"))/events"
        case .applicationAttachments(let id): "/applications/\(id.segment("id"))/attachments"
        case let .applicationStep(id, step): "/applications/\(id.segment("id"))/\(step.rawValue)"
        case .document(let id): "/documents/\(id.segment("id"))"
        case .overdue: "/deadlines/overdue"
        case .cases: "/cases"
        case .legalAidCase(let id): "/cases/\(id.segment("id"))"
        case .caseEvents(let id): "/cases/\(id.segment("id"))/events"
        case let .caseStep(id, step): "/cases/\(id.segment("id"))/\(step.rawValue)"
        case .objections: "/objections"
        case .objectionDecision(let id): "/objections/\(id.segment("id"))/decision"
        case .notifications: "/notifications"
        case .deadlines: "/deadlines"
        case .detainedRequests: "/detained-requests"
        case .forwardDetained(let id): "/detained-requests/\(id.segment("id"))/forward"
        case .consultations: "/consultations"
        case .consultationPhoneCode: "/consultations/phone-code"
        case .consultation(let id): "/consultations/\(id.segment("id"))"
        case .consultationMessages(let id): "/consultations/\(id.segment("id"))/messages"
        case let .consultationStep(id, step): "/consultations/\(id.segment("id"))/\(step.rawValue)"
        case .consultationFiles(let id): "/consultations/\(id.segment("id"))/files"
        case let .consultationFile(id, file): "/consultations/\(id.segment("id"))/files/\(file.segment("file"))"
        case .desk: "/desk"
        case .deskDuty: "/desk/duty"
        case .deskNext: "/desk/next"
        case .hotlineEvents: "/hotline/events"
        case .deskCalls: "/desk/calls"
        case .directory: "/directory"
        case .directoryEntry(let id): "/directory/\(id.segment("id"))"
        case .directoryNearest: "/directory/nearest"
        case .directoryPeople: "/directory/people"
        case .directoryPerson(let id): "/directory/people/\(id.segment("id"))"
        case .knowledge: "/knowledge"
        case .knowledgeEntry(let id): "/knowledge/\(id.segment("id"))"
        case let .lawArticle(id, number): "/knowledge/\(id.segment("id"))/articles/\(number.segment("article"))"
        case let .knowledgeStep(id, step): "/knowledge/\(id.segment("id"))/\(step.rawValue)"
        case .knowledgeVersions(let id): "/knowledge/\(id.segment("id"))/versions"
        case .knowledgeAsk: "/knowledge/ask"
        case .knowledgeQuestions: "/knowledge/questions"
        case .knowledgeQuestionDone(let id): "/knowledge/questions/\(id.segment("id"))/done"
        }
    }
}

/// Steps on a knowledge-base entry (page and API alike).
enum KnowledgeStep: String, Sendable, CaseIterable {
    case publish
    case unpublish
}

/// Steps on a consultation (page and API alike).
enum ConsultationStep: String, Sendable, CaseIterable {
    case take
    case handOver = "hand-over"
    case close
    case reply
    case callback
    case withdraw
    case rate
}

/// Steps on a case page beside its workflow actions.
enum CaseStep: String, Sendable {
    case progress
    case changeRequest = "change-request"
    case refuseChange = "change-request/refuse"
    case mediation
    case members
}

/// Steps on an application page beside its workflow actions.
enum ApplicationStep: String, Sendable {
    case objection
    case urgentAid = "urgent-aid"
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
