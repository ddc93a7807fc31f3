import Fluent
import LegalAidCore
import MediationCore
import Vapor

/// A mediation started from another record starts with what that record already knows
/// (issue #26: "without retyping"): a consultation referred to mediation, or a legal aid
/// case whose recipient agreed to try mediation first. Each is read only by someone who
/// may read it there.
enum MediationPrefill {
    static func fromConsultation(_ id: UUID, req: Request) async throws -> MediationInput.Form {
        let account = try req.requireAccount()
        let (consultation, _) = try await ConsultationService(req).find(id, for: .account(account))
        let first = try await ConsultationMessageModel.query(on: req.db).filter(\.$consultationID == id)
            .filter(\.$author == ConsultationMessageModel.Author.asker.rawValue).sort(\.$seq).first()
        var form = MediationInput.Form()
        form.source = MediationSource.consultation.rawValue
        form.sourceRef = id.uuidString
        form.applicantName = consultation.askerName
        form.applicantPhone = consultation.phone
        form.facts = first?.body
        form.type = disputeType(topic: consultation.consultationTopic).rawValue
        return form
    }

    /// An aid case whose recipient agreed to try mediation first (seed 002), by someone who may
    /// read the case (its lawyer, the centre).
    static func fromCase(_ id: UUID, req: Request) async throws -> MediationInput.Form {
        let account = try req.requireAccount()
        let (record, application) = try await CaseService(req).find(id, for: account, reference: try await req.referenceData())
        guard record.consent == .consented else {
            throw AppError(status: .conflict, code: "noConsent", message: "受援人尚未同意先行调解：请先在案件中记录受援人的意愿")
        }
        let filled = application.form
        var form = MediationInput.Form()
        form.source = MediationSource.legalAidCase.rawValue
        form.sourceRef = id.uuidString
        form.applicantName = filled.applicant.name
        form.applicantPhone = filled.contactPhone
        form.applicantAgent = filled.agent.map { "\($0.name)（\($0.relation.chinese)）" }
        form.respondentName = filled.matter.opposingParty
        form.facts = filled.matter.facts
        form.claims = filled.matter.helpWanted
        form.type = filled.matter.type.map(disputeType(matter:))?.rawValue
        return form
    }

    /// The citizen account a mediation registered from a consultation or an aid case belongs to
    /// (the asker's, the applicant's), read only by someone who may read that record — so they
    /// follow it, sign and print on their own page.
    static func applicantAccount(_ input: MediationInput, req: Request) async throws -> UUID? {
        guard let ref = input.sourceRef else { return nil }
        let account = try req.requireAccount()
        switch input.source {
        case .consultation:
            return try await ConsultationService(req).find(ref, for: .account(account)).0.askerAccountID
        case .legalAidCase:
            return try await CaseService(req).find(ref, for: account, reference: try await req.referenceData(), withForm: false).1.ownerAccountID
        default:
            return nil
        }
    }

    static func disputeType(topic: ConsultationTopic) -> DisputeType {
        switch topic {
        case .labour: .labour
        case .marriageFamily: .family
        case .trafficAccident: .traffic
        case .property: .property
        case .tort: .neighbour
        case .lending: .debt
        case .criminal, .other: .other
        }
    }

    static func disputeType(matter: MatterType) -> DisputeType {
        switch matter {
        case .labourWages, .workInjury, .socialInsurance: .labour
        case .trafficAccident: .traffic
        case .medicalAccident: .medical
        case .support, .divorce, .familyDispute: .family
        default: .other
        }
    }
}
