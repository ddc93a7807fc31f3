import Fluent
import LegalAidCore
import Vapor

/// Carries out what the domain says follows a case step (`CaseTransition.followOn`): issues each
/// document with the facts it names and tells the applicant, inside the step's transaction.
struct CaseFollowOnInterpreter {
    var reference: ReferenceData

    func carryOut(_ transition: CaseTransition, record: CaseModel, app: ApplicationModel, on tx: Database) async throws {
        let followOn = transition.followOn(applicationNumber: app.number)
        let centre = reference.name(app.centreID)
        for kind in followOn.documents {
            let payload = try await facts(for: kind, transition: transition, record: record, app: app, on: tx)
            try await ApplicationPaperwork.issue(kind, for: app, issuer: centre, payload: payload, at: transition.at, reference: reference, on: tx)
        }
        if let notice = followOn.notice { try await ApplicationPaperwork.tellApplicant(app, notice, on: tx) }
    }

    /// The step's own data, plus what a document names beyond it.
    private func facts(for kind: DocumentKind, transition: CaseTransition, record: CaseModel, app: ApplicationModel,
                       on tx: Database) async throws -> [String: String] {
        var payload = transition.payload
        switch kind {
        case .assignmentNotice, .officialLetter:
            // The letter goes to the authority that notified the centre; both name the lawyer's firm.
            payload["authorityName"] = record.notifyingAuthority ?? ""
            if let lawyer = transition.payload["lawyerID"].flatMap(UUID.init(uuidString:)),
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
