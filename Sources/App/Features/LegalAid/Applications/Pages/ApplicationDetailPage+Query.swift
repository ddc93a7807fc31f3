import Fluent
import LegalAidCore
import Vapor

extension ApplicationDetailPage {
    /// The application and everything around it in plain values, and the steps this account may take.
    static func query(_ req: Request, app: ApplicationModel, account: AccountModel, reference: ReferenceData) async throws -> ApplicationDetailPage {
        let id = app.id!
        let events = try await ApplicationEventModel.query(on: req.db).filter(\.$applicationID == id).sort(\.$seq).all().map(ApplicationEventRecord.init)
        let attachments = try await AttachmentModel.query(on: req.db).filter(\.$applicationID == id).sort(\.$createdAt).all().map(AttachmentRecord.init)
        let documents = try await DocumentModel.query(on: req.db).filter(\.$applicationID == id).sort(\.$issuedAt).all().map(DocumentRecord.init)
        let legalAidCase = try await CaseModel.query(on: req.db).filter(\.$applicationID == id).first()
        var lawyerName: String?
        if let lawyer = legalAidCase?.lawyerAccountID { lawyerName = try await AccountModel.find(lawyer, on: req.db)?.displayName }
        var progress: [CaseProgressRecord] = []
        if let caseID = legalAidCase?.id {
            progress = try await CaseProgressModel.query(on: req.db).filter(\.$caseID == caseID).filter(\.$notifyApplicant == true).sort(\.$at).all().map(CaseProgressRecord.init)
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
            objections: try await ObjectionModel.query(on: req.db).filter(\.$applicationID == id).sort(\.$filedAt).all().map(ObjectionRecord.init),
            changeRequests: legalAidCase?.id == nil ? [] : try await LawyerChangeRequestModel.query(on: req.db).filter(\.$caseID == legalAidCase!.id!).sort(\.$filedAt).all().map(LawyerChangeRequestRecord.init))
    }
}
