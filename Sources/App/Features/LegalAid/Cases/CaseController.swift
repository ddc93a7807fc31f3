import Fluent
import LegalAidCore
import Vapor

/// Cases after the decision: the centre assigns and closes, the lawyer handles and reports.
struct CaseController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.cases, use: index)
        routes.get(.legalAidCase(.key), use: show)
        routes.post(.caseAction(.key, .key), use: act)
        routes.post(.caseStep(.key, .progress), use: recordProgress)
    }

    func index(req: Request) async throws -> HTML {
        let account = try req.requireStaff()
        return try await CaseListPage.query(req, account: account).render(req)
    }

    func show(req: Request) async throws -> HTML {
        let account = try req.requireAccount()
        let reference = try await req.referenceData()
        let service = CaseService(req)
        let (record, app) = try await service.find(try req.parameters.id(), for: account, reference: reference)
        try await req.audit("personalData.view", target: "application:\(app.number)", detail: "案件页面")
        return try await CasePage.query(req, record: record, app: app, account: account, reference: reference).render(req)
    }

    struct ProgressInput: Content {
        var kind: String?
        var note: String?
        var notify: String?
    }

    /// The assigned lawyer records a step; the applicant is told unless the lawyer unticks it.
    func recordProgress(req: Request) async throws -> Response {
        let account = try req.requireStaff()
        let id = try req.parameters.id()
        let input = try req.content.decode(ProgressInput.self)
        let kind = input.kind.flatMap(CaseProgressKind.init(rawValue:))
        do {
            try await CaseHandlingService(req).recordProgress(on: id, kind: kind, note: input.note ?? "", notify: input.notify == "true", by: account)
        } catch let error as AppError where error.refusesForm {
            return try await CasePage.refused(req, caseID: id, account: account, error: error)
        }
        req.flash("已记录：\(kind?.chinese ?? "")。")
        return req.redirect(to: SiteURL.legalAidCase(id).path)
    }

    func act(req: Request) async throws -> Response {
        let account = try req.requireStaff()
        let id = try req.parameters.id()
        let reference = try await req.referenceData()
        let (record, app) = try await CaseService(req).find(id, for: account, reference: reference)
        let input = try req.content.decode(CaseActionInput.self)
        do {
            guard let kind = CaseEventKind(rawValue: req.parameters.get("event") ?? "") else { throw AppError.notFound() }
            let transition = try await input.perform(kind, on: record, app: app, by: account, reference: reference, req: req)
            req.flash("已完成。案件状态：\(transition.to.chinese)。")
            return req.redirect(to: SiteURL.legalAidCase(id).path)
        } catch let error as AppError where error.refusesForm {
            return try await CasePage.refused(req, caseID: id, account: account, error: error)
        }
    }
}

