import Fluent
import LegalAidCore
import Vapor

extension CasePage {
    /// The case and everything around it in plain values, and the lawyer the rules suggest.
    static func query(_ req: Request, record: CaseModel, app: ApplicationModel, account: AccountModel, reference: ReferenceData) async throws -> CasePage {
        let service = CaseService(req)
        let candidates = try await service.candidates(reference: reference)
        let needs = AssignmentNeeds(matter: app.form.matter.type ?? .other, possibleLifeOrDeathSentence: record.possibleLifeOrDeath == true,
                                    preferredLawyerID: candidates.first { !app.form.preferredLawyer.isEmpty && $0.name.contains(app.form.preferredLawyer) }?.id)
        let events = try await CaseEventModel.query(on: req.db).filter(\.$caseID == record.id!).sort(\.$seq).all()
        let progress = try await CaseProgressModel.query(on: req.db).filter(\.$caseID == record.id!).sort(\.$at).all()
        return CasePage(record: CaseRecord(record), app: ApplicationRecord(app), events: events.map(CaseEventRecord.init),
                        progress: progress.map(CaseProgressRecord.init), candidates: candidates,
                        suggestion: Assignment.suggest(candidates, for: needs, lastAssigned: try await service.lastAssignedLawyer()),
                        account: Viewer(account), reference: reference,
                        members: try await CaseMemberModel.query(on: req.db).filter(\.$caseID == record.id!).sort(\.$addedAt).all().map(CaseMemberRecord.init),
                        changeRequests: try await LawyerChangeRequestModel.query(on: req.db).filter(\.$caseID == record.id!).sort(\.$filedAt).all().map(LawyerChangeRequestRecord.init),
                        objections: try await ObjectionModel.query(on: req.db).filter(\.$applicationID == app.id!).sort(\.$filedAt).all().map(ObjectionRecord.init),
                        documents: try await DocumentModel.query(on: req.db).filter(\.$applicationID == app.id!).sort(\.$issuedAt).all().map(DocumentRecord.init),
                        centreStaff: try await CaseService.centreStaff(of: record.centreID, reference: reference, on: req.db).map(Viewer.init),
                        now: req.now)
    }

    /// The case page again after a refused step, the reason beside the form.
    static func refused(_ req: Request, caseID: UUID, account: AccountModel, error: AppError) async throws -> Response {
        let reference = try await req.referenceData()
        let (record, app) = try await CaseService(req).find(caseID, for: account, reference: reference)
        var page = try await query(req, record: record, app: app, account: account, reference: reference)
        page.errors = FormErrors(error.formErrors)
        return try await page.render(req).response(req, status: error.status)
    }
}
