import Fluent
import LegalAidCore
import Vapor
import DeskCore

/// A consultation turned into a legal aid application (DOMAIN §4, outcome "application"): the
/// existing application form, prefilled from what the person said, routed by their community
/// point. The person's consent is part of the outcome itself.
///
/// Whose draft it is: a citizen who asked while signed in owns it and finishes it online; for
/// anyone else (anonymous askers, callers, visitors) it is the point's draft, which the point's
/// staff complete with the person (`AccessPolicy`: ownerless drafts belong to their point).
extension ConsultationService {
    /// The draft, built and checked before anything is stored (a bad community point is refused
    /// by field, and the close is not written).
    func applicationDraft(for consultation: ConsultationModel, point: UUID?, note: String?, by staff: AccountModel) async throws -> ApplicationModel {
        guard let point else { throw ConsultationStepInput.pointRequired }
        let said = try await ConsultationMessageModel.query(on: db).filter(\.$consultationID == consultation.id!)
            .filter(\.$author == ConsultationMessageModel.Author.asker.rawValue).sort(\.$seq).limit(200).all().map(\.body)
        var name = consultation.askerName
        var phone = consultation.phone
        // What the platform knows of a signed-in citizen: their name, and the number they
        // registered with when they left none on the consultation.
        if let owner = consultation.askerAccountID, let account = try await AccountModel.find(owner, on: db) {
            name = account.displayName
            if phone == nil || phone?.isEmpty == true { phone = account.phone }
        }
        let form = ApplicationPrefill.form(name: name, phone: phone, topic: consultation.consultationTopic, askerSaid: said, staffNote: note)
        let reference = try await services.referenceData(on: db)
        return try applications.newDraft(form: form, communityPointID: point, preReviewOrganisationID: nil, owner: consultation.askerAccountID,
                                         createdBy: staff.id!, channel: "consultation", reference: reference)
    }

    /// Stores the draft with the closing step, says so in the conversation and tells the person
    /// where to finish it.
    func fileApplication(_ draft: ApplicationModel, from consultation: ConsultationModel, by staff: AccountModel, on tx: Database) async throws {
        try await ApplicationService(scope: ServiceScope(db: tx, services: services, clientAddress: clientAddress, logger: Logger(label: "fayuan.consultation")))
            .insertDraft(draft, by: staff, on: tx)
        consultation.applicationID = draft.id
        try await consultation.save(on: tx)
        let reference = try await services.referenceData(on: tx)
        let place = reference.name(draft.communityPointID)
        _ = try await Self.append(to: consultation.id!, author: .system, account: nil, name: "系统",
                                  body: ConsultationToApplication.inConversation(number: draft.number, place: place, hasAccount: consultation.askerAccountID != nil),
                                  at: now, on: tx)
        try await ConsultationNotices.tell(consultation, Notice(ConsultationToApplication(number: draft.number, place: place)), on: tx)
    }

    var applications: ApplicationService {
        ApplicationService(scope: ServiceScope(db: db, services: services, clientAddress: clientAddress, logger: Logger(label: "fayuan.consultation")))
    }
}
