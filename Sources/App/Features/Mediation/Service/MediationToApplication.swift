import Fluent
import LegalAidCore
import MediationCore
import Vapor

/// A mediation that ended without agreement becomes a legal aid application (第26条: the routes
/// still open), prefilled with what the mediation knows — the applicant, their number, the other
/// side, the facts and what they asked for — as the chosen community point's draft (the
/// applicant's own when they applied online), which the point completes with them.
enum MediationToApplication {
    static func form(_ mediation: MediationModel, applicant: MediationPartyModel?, respondent: MediationPartyModel?) -> ApplicationForm {
        var form = ApplicationForm()
        form.applicant.name = applicant?.name ?? ""
        form.applicant.phone = applicant?.phone ?? ""
        form.matter.type = matterType(mediation.disputeType)
        form.matter.opposingParty = respondent?.name ?? ""
        form.matter.facts = mediation.facts + "\n（人民调解\(mediation.number)：\(mediation.endedReason ?? mediation.mediationState.chinese)）"
        form.matter.helpWanted = mediation.claims
        return form
    }

    static func matterType(_ type: DisputeType) -> MatterType? {
        switch type {
        case .labour: .labourWages
        case .traffic: .trafficAccident
        case .medical: .medicalAccident
        case .family: .familyDispute
        default: nil
        }
    }

    static func file(_ mediation: MediationModel, point: UUID?, by account: AccountModel, req: Request) async throws -> String {
        guard mediation.mediationState.endedUnsettled else {
            throw AppError(status: .conflict, code: "notEnded", message: "调解未终止，不能转为法律援助申请")
        }
        guard let point else { throw AppError.invalid(field: "point", code: "required", "请选择协助申请的法律援助联系点") }
        let service = MediationService(req)
        let parties = try await service.parties(of: mediation.id!)
        let applicant = parties.first { $0.partySide == .applicant }
        let filled = form(mediation, applicant: applicant, respondent: parties.first { $0.partySide == .respondent })
        let applications = ApplicationService(req)
        let draft = try applications.newDraft(form: filled, communityPointID: point, preReviewOrganisationID: nil, owner: mediation.applicantAccountID,
                                              createdBy: account.id!, channel: "mediation", reference: try await req.referenceData())
        try await req.fayuan.transaction(on: req.db) { tx in
            try await ApplicationService(scope: ServiceScope(req).on(tx)).insertDraft(draft, by: account, on: tx)
            try await MediationService(scope: ServiceScope(req).on(tx)).step(mediation, nil, code: "application", expectedVersion: nil,
                                                                             by: .account(account), note: "转为法律援助申请\(draft.number)", on: tx)
        }
        return draft.number
    }
}
