import LegalAidCore
import Vapor

/// One application as the signed-in person sees it, with the actions open to them.
struct ApplicationDetailPage {
    var app: ApplicationRecord
    var events: [ApplicationEventRecord]
    var attachments: [AttachmentRecord]
    var documents: [DocumentRecord]
    var reference: ReferenceData
    var account: Viewer
    var availableEvents: [ApplicationEventKind]
    var canUpload: Bool
    var today: LocalDate
    var defaultSupplyBy: LocalDate
    /// After a refused action: which one, what was typed, and what was wrong.
    var failedAction: String?
    var values: [String: String] = [:]
    var errors = FormErrors()
    /// Full ID and phone numbers on screen (each reveal is audited).
    var revealed = false
    /// The case opened when aid was granted, and its lawyer's name.
    var legalAidCase: CaseRecord?
    var caseLawyer: String?
    /// Progress the lawyer chose to share with the applicant.
    var caseProgress: [CaseProgressRecord] = []
    /// 第49条 objections about this application or its case.
    var objections: [ObjectionRecord] = []
    /// 第46条 requests to change the lawyer.
    var changeRequests: [LawyerChangeRequestRecord] = []

    var mayReveal: Bool { account.actor.map(PersonalDataPolicy.mayReveal) ?? false }

    var summary: StatusSummary {
        StatusSummary(number: app.number, workflow: app.workflowCase, events: events, calendar: reference.calendar, today: today, caseState: legalAidCase?.caseState,
                      caseOrigin: legalAidCase?.caseOrigin ?? .decision, forStaff: isStaff)
    }

    var isStaff: Bool { !account.isCitizen }
}
