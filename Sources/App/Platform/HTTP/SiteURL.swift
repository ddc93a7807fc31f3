import Foundation
import LegalAidCore
import Vapor

/// Every page's address in one place, so a link can't drift from its route.
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
    case newApplication
    case application(UUID)
    case editApplication(UUID)
    case action(UUID, String)
    case attachment(UUID)
    case uploadAttachments(UUID)
    case document(UUID)
    case workbench
    case legalAidCase(UUID)
    case cases
    case intake
    case intakeNotifications
    case intakeDetained
    case forwardDetained(UUID)
    case lawyers
    case lawyer(UUID)
    case objections
    case objection(UUID)
    case objectionDecision(UUID)
    case auditExport
    case caseAction(UUID, CaseEventKind)
    case caseStep(UUID, CaseStep)
    case applicationStep(UUID, ApplicationStep)
    case accountRoles(UUID)
    case unlockAccount(UUID)
    case smsCodeSetting
    case deleteHoliday(UUID)
    case readAlert(UUID)
    case openAPI
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
        case .newApplication: "/applications/new"
        case .application(let id): "/applications/\(id)"
        case .editApplication(let id): "/applications/\(id)/edit"
        case let .action(id, event): "/applications/\(id)/actions/\(event)"
        case .attachment(let id): "/attachments/\(id)"
        case .uploadAttachments(let id): "/applications/\(id)/attachments"
        case .document(let id): "/documents/\(id)"
        case .workbench: "/workbench"
        case .legalAidCase(let id): "/cases/\(id.uuidString)"
        case .cases: "/cases"
        case .intake: "/intake"
        case .intakeNotifications: "/intake/notifications"
        case .intakeDetained: "/intake/detained"
        case .forwardDetained(let id): "/intake/detained/\(id.uuidString)/forward"
        case .lawyers: "/lawyers"
        case .lawyer(let id): "/lawyers/\(id.uuidString)"
        case .objections: "/objections"
        case .objection(let id): "/objections/\(id.uuidString)"
        case .objectionDecision(let id): "/objections/\(id.uuidString)/decision"
        case .auditExport: "/audit/export.csv"
        case let .caseAction(id, event): "/cases/\(id.uuidString)/actions/\(event.rawValue)"
        case let .caseStep(id, step): "/cases/\(id.uuidString)/\(step.rawValue)"
        case let .applicationStep(id, step): "/applications/\(id.uuidString)/\(step.rawValue)"
        case .accountRoles(let id): "/security/accounts/\(id.uuidString)/roles"
        case .unlockAccount(let id): "/security/locked-accounts/\(id.uuidString)/unlock"
        case .smsCodeSetting: "/account/sms-code"
        case .deleteHoliday(let id): "/admin/holidays/\(id.uuidString)/delete"
        case .readAlert(let id): "/alerts/\(id.uuidString)/read"
        case .openAPI: "/openapi.yaml"
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
        }
    }
}

extension SiteURL {
    /// The path as route components, for registering a route that has no parameter.
    var pathComponents: [PathComponent] { path.split(separator: "/").map { .constant(String($0)) } }
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
