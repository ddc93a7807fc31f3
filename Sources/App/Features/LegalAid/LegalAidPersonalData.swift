import Fluent
import LegalAidCore
import Vapor

extension LegalAidFeature {
    /// Applications (the form, the eligibility finding), their events and documents, the case
    /// file's events, progress notes, objections, lawyer-change requests, group members and
    /// detained persons; drafts never submitted are deleted with their files after their period.
    var personalData: PersonalData {
        PersonalData(
            reseal: [
                PersonalData.reseal(ApplicationModel.self) { $0.form = $0.form; $0.eligibility = $0.eligibility },
                PersonalData.reseal(ApplicationEventModel.self) { $0.payload = $0.payload },
                PersonalData.reseal(DocumentModel.self) { $0.content = $0.content },
                PersonalData.reseal(CaseEventModel.self) { $0.payload = $0.payload },
                PersonalData.reseal(CaseProgressModel.self) { $0.note = $0.note },
                PersonalData.reseal(ObjectionModel.self) { $0.reason = $0.reason; $0.explanation = $0.explanation },
                PersonalData.reseal(LawyerChangeRequestModel.self) { $0.reason = $0.reason; $0.response = $0.response },
                PersonalData.reseal(CaseMemberModel.self) { $0.member = $0.member },
                PersonalData.reseal(DetainedRequestModel.self) { $0.person = $0.person },
            ],
            purge: [{ round in
                let db = round.db
                let drafts = try await ApplicationModel.query(on: db).filter(\.$state == ApplicationState.draft.rawValue)
                    .filter(\.$updatedAt < round.cutoff(.unsubmittedDraft)).all()
                for draft in drafts {
                    let files = try await AttachmentModel.query(on: db).filter(\.$applicationID == draft.id!).all()
                    for file in files { try? FileManager.default.removeItem(atPath: round.services.uploadsDirectory + "/" + file.storedName) }
                    try await AttachmentModel.query(on: db).filter(\.$applicationID == draft.id!).delete()
                    try await MessageModel.query(on: db).filter(\.$applicationID == draft.id!).delete()
                    try await SMSOutboxModel.query(on: db).filter(\.$applicationID == draft.id!).delete()
                    try await draft.delete(on: db)
                }
                // The status lookup's wrong tries per number and day.
                let lastKeptDay = LocalDate(round.cutoff(.lookupFailure)).iso
                let failures = try await LookupFailureModel.query(on: db).filter(\.$day < lastKeptDay).count()
                try await LookupFailureModel.query(on: db).filter(\.$day < lastKeptDay).delete()
                return [.unsubmittedDraft: drafts.count, .lookupFailure: failures]
            }])
    }
}
