import Fluent
import LegalAidCore
import Vapor

/// Legal aid's one interpreter of what follows a step (`FollowOn`, from `Transition.followOn` for
/// an application and `CaseTransition.followOn` for its case): issues each document, by the
/// organisation that issues it and with the facts it names, and tells the applicant — inside the
/// step's transaction, so the documents and the notice exist exactly when the step does (the SMS
/// itself leaves later, from the outbox).
struct FollowOnInterpreter {
    var reference: ReferenceData

    /// - Parameters:
    ///   - payload: the step's own data; a document adds what it names beyond it.
    ///   - fromPreReview: the step was taken at pre-review (a materials notice is then the
    ///     workstation's, not the centre's).
    ///   - record: the case, for a case step.
    func carryOut(_ followOn: FollowOn, for app: ApplicationModel, payload: [String: String], at moment: Date, fromPreReview: Bool = false,
                  record: CaseModel? = nil, on tx: Database) async throws {
        for kind in followOn.documents {
            let facts = try await self.facts(for: kind, payload: payload, record: record, app: app, on: tx)
            try await ApplicationPaperwork.issue(kind, for: app, issuer: issuer(of: kind, for: app, fromPreReview: fromPreReview),
                                                 payload: facts, at: moment, reference: reference, on: tx)
        }
        if let notice = followOn.notice { try await ApplicationPaperwork.tellApplicant(app, notice, on: tx) }
    }

    /// Who issues a document: the community point takes the form, the pre-review organisation its
    /// own notices, the centre its decisions and letters, the bureau an objection's decision.
    private func issuer(of kind: DocumentKind, for app: ApplicationModel, fromPreReview: Bool) -> String {
        switch kind {
        case .applicationForm: reference.name(app.communityPointID)
        case .materialsNotice: fromPreReview ? reference.name(app.preReviewOrganisationID) : reference.name(app.centreID)
        case .preRejectionNotice, .preReviewApproval: reference.name(app.preReviewOrganisationID)
        case .acceptanceNotice, .grantDecision, .denialDecision, .assignmentNotice, .officialLetter, .urgentAidDecision,
             .terminationDecision, .transferLetter: reference.name(app.centreID)
        case .objectionDecision: reference.name(reference.tree.nearest(.bureau, from: app.centreID)?.id)
        }
    }

    /// The step's own data, plus what a document names beyond it.
    private func facts(for kind: DocumentKind, payload stepPayload: [String: String], record: CaseModel?, app: ApplicationModel,
                       on tx: Database) async throws -> [String: String] {
        var payload = stepPayload
        switch kind {
        case .assignmentNotice, .officialLetter:
            // The letter goes to the authority that notified the centre; both name the lawyer's firm.
            payload["authorityName"] = record?.notifyingAuthority ?? ""
            if let lawyer = stepPayload["lawyerID"].flatMap(UUID.init(uuidString:)),
               let firm = try await AccountModel.find(lawyer, on: tx)?.organisationID {
                payload["firm"] = reference.name(firm)
            }
        case .transferLetter:
            // The file goes along: the letter lists every document and evidence file handed over.
            let documents = try await DocumentModel.query(on: tx).filter(\.$applicationID == app.id!).sort(\.$issuedAt).all()
            let evidence = try await AttachmentModel.query(on: tx).filter(\.$applicationID == app.id!).count()
            payload["file"] = (documents.map { "\($0.content.title)（\($0.number)）" } + (evidence > 0 ? ["证据材料\(evidence)份"] : [])).joined(separator: "；")
        case .applicationForm, .materialsNotice, .preRejectionNotice, .preReviewApproval, .acceptanceNotice, .grantDecision,
             .denialDecision, .urgentAidDecision, .terminationDecision, .objectionDecision:
            break
        }
        return payload
    }
}
