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
        let reference = try await req.referenceData()
        let page = try await CaseService(req).visible(to: account, reference: reference, page: try ListPage.from(req))
        let cases = page.items
        let today = LocalDate(req.now)
        // Handlers: lawyers, or the centre's own staff.
        let handlerIDs = Set(cases.compactMap(\.lawyerAccountId))
        let lawyers = Dictionary(try await AccountModel.query(on: req.db).filter(\.$id ~~ Array(handlerIDs)).all().map { ($0.id!, $0.displayName) },
                                 uniquingKeysWith: { a, _ in a })
        let rows: [HTML] = cases.map { record in
            let overdue = record.caseState == .awaitingAssignment && LocalDate(iso: record.assignmentDue).map { today > $0 } == true
            let due: HTML = record.caseState == .awaitingAssignment
                ? (overdue ? "<span class=\"overdue\">指派已超期（\(CaseDates.chinese(record.assignmentDue))）</span>" : "\(CaseDates.chinese(record.assignmentDue))前指派")
                : "—"
            return """
            <tr><td><a href="\(SiteURL.legalAidCase(record.id))">\(record.number)</a>\(when(record.caseOrigin != .decision) { "<br><span class=\"badge\">\(record.caseOrigin.chinese)</span>" })</td><td>\(record.applicantName)</td>
            <td>\(record.caseState.chinese)</td><td>\(record.lawyerAccountId.flatMap { lawyers[$0] } ?? "—")</td><td>\(due)</td></tr>
            """
        }
        let title = account.roles?.contains(.lawyer) == true ? "我承办的案件" : "法律援助案件"
        return req.page(title, """
        \((cases.isEmpty ? "<p>暂无案件。</p>" : "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">编号</th><th scope=\"col\">受援人</th><th scope=\"col\">状态</th><th scope=\"col\">承办人</th><th scope=\"col\">指派期限（第43条）</th></tr></thead><tbody>\(rows)</tbody></table></div>") as HTML)
        \(Pager.render(page, req, unit: "件"))
        """)
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

