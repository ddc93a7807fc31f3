import Fluent
import LegalAidCore
import Vapor

extension ApplicationDetailPage {
    /// The application and everything around it in plain values, and the steps this account may take.
    static func query(_ req: Request, app: ApplicationModel, account: AccountModel, reference: ReferenceData) async throws -> ApplicationDetailPage {
        let id = app.id!
        // Each list by a statement written once (`PlainRows`); the case with its lawyer's name.
        let db = req.db
        let events = try await PlainRows.all(ApplicationEventModel.self, where: "application_id", equals: id, orderBy: "seq", on: db).map(ApplicationEventRecord.init)
        let attachments = try await PlainRows.all(AttachmentModel.self, where: "application_id", equals: id, orderBy: "created_at", on: db).map(AttachmentRecord.init)
        let documents = try await PlainRows.all(DocumentModel.self, where: "application_id", equals: id, orderBy: "issued_at", on: db).map(DocumentRecord.init)
        let caseRow = try await PlainRows.sql(db).raw("""
            SELECT c.*, l.display_name AS lawyer_display_name FROM legal_aid_cases c LEFT JOIN accounts l ON l.id = c.lawyer_account_id
            WHERE c.application_id = \(bind: id) LIMIT 1
            """).first()
        let legalAidCase = try caseRow?.decode(fluentModel: CaseModel.self)
        let lawyerName = try caseRow?.decode(column: "lawyer_display_name", as: String?.self)
        var progress: [CaseProgressRecord] = []
        var changeRequests: [LawyerChangeRequestRecord] = []
        if let caseID = legalAidCase?.id {
            progress = try await PlainRows.all(CaseProgressModel.self, where: "case_id", equals: caseID, and: "notify_applicant = \(bind: true)",
                                               orderBy: "at", on: db).map(CaseProgressRecord.init)
            changeRequests = try await PlainRows.all(LawyerChangeRequestModel.self, where: "case_id", equals: caseID, orderBy: "filed_at", on: db)
                .map(LawyerChangeRequestRecord.init)
        }
        let actor = account.actor
        let mayAct = actor.map { AccessPolicy.canAct(app.scope, actor: $0, tree: reference.tree) } ?? false
        let today = LocalDate(req.now)
        return ApplicationDetailPage(
            app: ApplicationRecord(app), events: events, attachments: attachments, documents: documents, reference: reference, account: Viewer(account),
            availableEvents: mayAct ? actor.map { Workflow.availableEvents(in: app.applicationState, for: $0) } ?? [] : [],
            canUpload: AttachmentStore.mayUpload(to: app, account: account, reference: reference),
            today: today, defaultSupplyBy: today.adding(days: req.fayuan.settings.materialsSupplyDays),
            legalAidCase: legalAidCase.map(CaseRecord.init), caseLawyer: lawyerName, caseProgress: progress,
            objections: try await PlainRows.all(ObjectionModel.self, where: "application_id", equals: id, orderBy: "filed_at", on: db).map(ObjectionRecord.init),
            changeRequests: changeRequests)
    }
}
