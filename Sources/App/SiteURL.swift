import Foundation

/// Every page's address in one place, so a link can't drift from its route.
enum SiteURL: Sendable {
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
