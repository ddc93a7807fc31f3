import Fluent
import LegalAidCore
import Vapor

/// Steps beside the main line of a case, from the application page and the case page:
/// objections (第49条), urgent aid first (第44条), the recipient's change-of-lawyer request
/// and the centre's answer (第46条), mediation consent, and the members of a group matter.
struct SideExitController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.post(.applicationStep(.key, .objection), use: fileObjection)
        routes.post(.applicationStep(.key, .urgentAid), use: urgentAid)
        routes.post(.caseStep(.key, .changeRequest), use: requestChange)
        routes.post(.caseStep(.key, .refuseChange), use: refuseChange)
        routes.post(.caseStep(.key, .mediation), use: mediation)
        routes.post(.caseStep(.key, .members), use: members)
    }

    struct Input: Content {
        var reason: String?
        var response: String?
        var daysToDeadline: String?
        var urgentPreservation: String?
        var consent: String?
        var how: String?
        var members: String?

        var values: [String: String] {
            ["reason": reason ?? "", "daysToDeadline": daysToDeadline ?? "", "urgentPreservation": urgentPreservation ?? ""]
        }
    }

    func fileObjection(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let id = try req.parameters.id()
        let input = try req.content.decode(Input.self)
        return try await onApplicationPage(req, id: id, account: account, action: "objection", values: input.values) {
            _ = try await ObjectionService(req).file(on: id, reason: input.reason ?? "", by: account)
            return "异议已提交司法局。"
        }
    }

    func urgentAid(req: Request) async throws -> Response {
        let account = try req.requireStaff()
        let id = try req.parameters.id()
        let input = try req.content.decode(Input.self)
        let days = (input.daysToDeadline ?? "").trimmingCharacters(in: .whitespaces)
        return try await onApplicationPage(req, id: id, account: account, action: "urgentAid", values: input.values) {
            guard days.isEmpty || Int(days) != nil else { throw AppError.invalid(field: "daysToDeadline", code: "invalid", "天数请填写整数，如3") }
            _ = try await CaseIntakeService(req).grantUrgentAid(on: id, daysToDeadline: Int(days), urgentPreservation: input.urgentPreservation == "true",
                                                                reason: input.reason ?? "", by: account)
            return "已决定先行提供法律援助。请在“查看案件办理”中立即指派承办律师。"
        }
    }

    func requestChange(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let id = try req.parameters.id()
        let input = try req.content.decode(Input.self)
        let reference = try await req.referenceData()
        let (_, app) = try await CaseService(req).find(id, for: account, reference: reference)
        return try await onApplicationPage(req, id: app.id!, account: account, action: "changeRequest", values: input.values) {
            try await CaseHandlingService(req).requestLawyerChange(on: id, reason: input.reason ?? "", by: account)
            return "更换律师的申请已提交，中心将审查后告知您结果。"
        }
    }

    func refuseChange(req: Request) async throws -> Response {
        let account = try req.requireStaff()
        let input = try req.content.decode(Input.self)
        return try await onCasePage(req, account: account) { id in
            try await CaseHandlingService(req).refuseLawyerChange(on: id, response: input.response ?? "", by: account)
            return "已告知受援人不同意更换的理由。"
        }
    }

    func mediation(req: Request) async throws -> Response {
        let account = try req.requireStaff()
        let input = try req.content.decode(Input.self)
        return try await onCasePage(req, account: account) { id in
            try await CaseHandlingService(req).recordMediationConsent(on: id, consent: input.consent.flatMap(CaseMediationFirst.Consent.init(rawValue:)),
                                                                     how: input.how ?? "", by: account)
            return "已记录受援人的调解意愿。"
        }
    }

    func members(req: Request) async throws -> Response {
        let account = try req.requireStaff()
        let input = try req.content.decode(Input.self)
        return try await onCasePage(req, account: account) { id in
            let count = try await CaseHandlingService(req).addMembers(to: id, text: input.members ?? "", by: account)
            return "已增加\(count)名共同受援人。"
        }
    }

    /// Runs a step from the application page: success goes back to the page with a note;
    /// a refusal shows the page again with the form open, what was typed and why.
    private func onApplicationPage(_ req: Request, id: UUID, account: AccountModel, action: String, values: [String: String],
                                   _ step: () async throws -> String) async throws -> Response {
        do {
            req.flash(try await step())
            return req.redirect(to: SiteURL.application(id).path)
        } catch let error as AppError where error.refusesForm {
            return try await ApplicationController().refused(req, id: id, account: account, action: action, values: values, errors: error.formErrors, status: error.status)
        }
    }

    private func onCasePage(_ req: Request, account: AccountModel, _ step: (UUID) async throws -> String) async throws -> Response {
        let id = try req.parameters.id()
        _ = try await CaseService(req).find(id, for: account, reference: try await req.referenceData())
        do {
            req.flash(try await step(id))
            return req.redirect(to: SiteURL.legalAidCase(id).path)
        } catch let error as AppError where error.refusesForm {
            return try await CasePage.refused(req, caseID: id, account: account, error: error)
        }
    }
}
