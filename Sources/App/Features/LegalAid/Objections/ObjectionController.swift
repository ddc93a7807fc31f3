import Fluent
import LegalAidCore
import Vapor

/// 法律援助法 第49条: the bureau's list of objections and its decision on each.
struct ObjectionController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.objections, use: index)
        routes.get(.objection(.key), use: show)
        routes.post(.objectionDecision(.key), use: decide)
    }

    func index(req: Request) async throws -> HTML {
        try await ObjectionsPage.query(req, account: try req.requireStaff()).render(req)
    }

    func show(req: Request) async throws -> HTML {
        let account = try req.requireStaff()
        let reference = try await req.referenceData()
        let (objection, app) = try await ObjectionService(req).find(try req.parameters.id(), for: account, reference: reference)
        try await req.audit("personalData.view", target: "application:\(app.number)", detail: "异议")
        return ObjectionPage(objection, app: app, account: account, reference: reference).render(req)
    }

    struct DecisionInput: Content {
        var outcome: String?
        var explanation: String?
    }

    func decide(req: Request) async throws -> Response {
        let account = try req.requireStaff()
        let id = try req.parameters.id()
        let input = try req.content.decode(DecisionInput.self)
        let reference = try await req.referenceData()
        let service = ObjectionService(req)
        let (objection, app) = try await service.find(id, for: account, reference: reference)
        try await service.requireBureau(for: id, account: account)
        do {
            guard let outcome = input.outcome.flatMap(Objection.Outcome.init(rawValue:)) else {
                throw AppError.invalid(field: "outcome", code: "required", "请选择维持原决定或者责令改正")
            }
            let state = try await service.decide(id, outcome: outcome, explanation: input.explanation ?? "", by: account)
            req.flash("已作出决定：\(state.chinese)。决定书已生成，申请人已收到通知。")
            return req.redirect(to: SiteURL.objection(id).path)
        } catch let error as AppError where error.refusesForm {
            let errors = FormErrors(error.formErrors)
            let fresh = try await ObjectionModel.find(id, on: req.db) ?? objection
            var page = ObjectionPage(fresh, app: app, account: account, reference: reference)
            (page.errors, page.typed) = (errors, input.explanation ?? "")
            return try await page.render(req).response(req, status: error.status)
        }
    }
}
