import Foundation
import LegalAidCore

/// Legal aid's addresses: applications, cases, objections, intake, lawyers, the workbench and the status lookup (pages under `/`, API under `/api/v1`).
extension SiteURL {
    static let lookup = SiteURL("/lookup")
    static let myApplications = SiteURL("/my")
    /// The prefix every application page shares (no page of its own; the rate limit counts under it).
    static let applicationsRoot = SiteURL("/applications")
    static let newApplication = SiteURL("/applications/new")
    static func application(_ id: Parameter<UUID>) -> SiteURL { SiteURL("/applications/\(id.segment("id"))") }
    static func editApplication(_ id: Parameter<UUID>) -> SiteURL { SiteURL("/applications/\(id.segment("id"))/edit") }
    static func action(_ id: Parameter<UUID>, _ event: Parameter<ApplicationEventKind>) -> SiteURL { SiteURL("/applications/\(id.segment("id"))/actions/\(event.segment("event"))") }
    static func attachment(_ id: Parameter<UUID>) -> SiteURL { SiteURL("/attachments/\(id.segment("id"))") }
    static func uploadAttachments(_ id: Parameter<UUID>) -> SiteURL { SiteURL("/applications/\(id.segment("id"))/attachments") }
    static func document(_ id: Parameter<UUID>) -> SiteURL { SiteURL("/documents/\(id.segment("id"))") }
    static let workbench = SiteURL("/workbench")
    static func legalAidCase(_ id: Parameter<UUID>) -> SiteURL { SiteURL("/cases/\(id.segment("id"))") }
    static let cases = SiteURL("/cases")
    static let intake = SiteURL("/intake")
    static let intakeNotifications = SiteURL("/intake/notifications")
    static let intakeDetained = SiteURL("/intake/detained")
    static func forwardDetained(_ id: Parameter<UUID>) -> SiteURL { SiteURL("/intake/detained/\(id.segment("id"))/forward") }
    static let lawyers = SiteURL("/lawyers")
    static func lawyer(_ id: Parameter<UUID>) -> SiteURL { SiteURL("/lawyers/\(id.segment("id"))") }
    static let objections = SiteURL("/objections")
    static func objection(_ id: Parameter<UUID>) -> SiteURL { SiteURL("/objections/\(id.segment("id"))") }
    static func objectionDecision(_ id: Parameter<UUID>) -> SiteURL { SiteURL("/objections/\(id.segment("id"))/decision") }
    static func caseAction(_ id: Parameter<UUID>, _ event: Parameter<CaseEventKind>) -> SiteURL { SiteURL("/cases/\(id.segment("id"))/actions/\(event.segment("event"))") }
    static func caseStep(_ id: Parameter<UUID>, _ step: CaseStep) -> SiteURL { SiteURL("/cases/\(id.segment("id"))/\(step.rawValue)") }
    static func applicationStep(_ id: Parameter<UUID>, _ step: ApplicationStep) -> SiteURL { SiteURL("/applications/\(id.segment("id"))/\(step.rawValue)") }
    static func readAlert(_ id: Parameter<UUID>) -> SiteURL { SiteURL("/alerts/\(id.segment("id"))/read") }

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
    static func readAlert(_ id: UUID) -> SiteURL { .readAlert(.value(id)) }
}

extension APIPath {
    static let communityPoints = APIPath("/community-points")
    static let status = APIPath("/status")
    static let applications = APIPath("/applications")
    static func application(_ id: Parameter<UUID>) -> APIPath { APIPath("/applications/\(id.segment("id"))") }
    static func applicationEvents(_ id: Parameter<UUID>) -> APIPath { APIPath("/applications/\(id.segment("id"))/events") }
    static func applicationAttachments(_ id: Parameter<UUID>) -> APIPath { APIPath("/applications/\(id.segment("id"))/attachments") }
    static func applicationStep(_ id: Parameter<UUID>, _ step: ApplicationStep) -> APIPath { APIPath("/applications/\(id.segment("id"))/\(step.rawValue)") }
    static func document(_ id: Parameter<UUID>) -> APIPath { APIPath("/documents/\(id.segment("id"))") }
    static let overdue = APIPath("/deadlines/overdue")
    static let cases = APIPath("/cases")
    static func legalAidCase(_ id: Parameter<UUID>) -> APIPath { APIPath("/cases/\(id.segment("id"))") }
    static func caseEvents(_ id: Parameter<UUID>) -> APIPath { APIPath("/cases/\(id.segment("id"))/events") }
    static func caseStep(_ id: Parameter<UUID>, _ step: CaseStep) -> APIPath { APIPath("/cases/\(id.segment("id"))/\(step.rawValue)") }
    static let objections = APIPath("/objections")
    static func objectionDecision(_ id: Parameter<UUID>) -> APIPath { APIPath("/objections/\(id.segment("id"))/decision") }
    static let notifications = APIPath("/notifications")
    static let deadlines = APIPath("/deadlines")
    static let detainedRequests = APIPath("/detained-requests")
    static func forwardDetained(_ id: Parameter<UUID>) -> APIPath { APIPath("/detained-requests/\(id.segment("id"))/forward") }
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
