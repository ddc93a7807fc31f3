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
        let account = try req.requireStaff()
        let reference = try await req.referenceData()
        let page = try await ObjectionService(req).visible(to: account, reference: reference, page: try ListPage.from(req))
        let items = page.items
        let today = LocalDate(req.now)
        let rows: [HTML] = items.map { objection, app in
            let due = LocalDate(iso: objection.dueOn)
            let overdue = objection.objectionState == .pending && due.map { today > $0 } == true
            let deadline: HTML = objection.objectionState != .pending ? "—"
                : overdue ? "<span class=\"overdue\">已超期（\(CaseDates.chinese(objection.dueOn))）</span>" : "\(CaseDates.chinese(objection.dueOn))前"
            return """
            <tr><td><a href="\(SiteURL.objection(objection.id!))">\(app.number)</a></td><td>\(app.applicantName)</td><td>\(objection.objectionSubject.chinese)</td>
            <td>\(CaseDates.chinese(objection.receivedOn))</td><td>\(objection.objectionState.chinese)</td><td>\(deadline)</td></tr>
            """
        }
        return req.page("法律援助异议", """
        <p>对不予法律援助决定、终止法律援助决定的异议，由司法局自收到之日起5日内审查，作出维持或者责令改正的决定（法律援助法第49条）。</p>
        \((items.isEmpty ? "<p>暂无异议。</p>" : "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">申请编号</th><th scope=\"col\">异议人</th><th scope=\"col\">异议事项</th><th scope=\"col\">收到日期</th><th scope=\"col\">状态</th><th scope=\"col\">决定期限</th></tr></thead><tbody>\(rows)</tbody></table></div>") as HTML)
        \(Pager.render(page, req, unit: "件"))
        """)
    }

    func show(req: Request) async throws -> HTML {
        let account = try req.requireStaff()
        let reference = try await req.referenceData()
        let (objection, app) = try await ObjectionService(req).find(try req.parameters.id(), for: account, reference: reference)
        try await req.audit("personalData.view", target: "application:\(app.number)", detail: "异议")
        return page(req, objection: objection, app: app, account: account, reference: reference, errors: FormErrors())
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
            return try await page(req, objection: fresh, app: app, account: account, reference: reference, errors: errors, typed: input.explanation ?? "")
                .response(req, status: error.status)
        }
    }

    private func page(_ req: Request, objection: ObjectionModel, app: ApplicationModel, account: AccountModel, reference: ReferenceData,
                      errors: FormErrors, typed: String = "") -> HTML {
        let mayDecide = objection.objectionState == .pending && account.actor.map { AccessPolicy.canDecideObjection(centreID: app.centreID, actor: $0, tree: reference.tree) } == true
        let form: HTML = when(mayDecide) {
            """
            <h2>审查决定</h2>
            <form method="post" action="\(SiteURL.objectionDecision(objection.id!))" class="panel" novalidate>
              \(Fields.csrf(req.pageContext.csrfToken))
              \(Fields.select("outcome", "决定", options: [(value: "upheld", label: "维持原决定"), (value: "correctionOrdered", label: "责令法律援助中心改正")], selected: nil, errors: errors))
              \(Fields.textarea("explanation", "审查意见和理由（将写入决定书）", value: typed, errors: errors))
              <div class="actions"><button type="submit">作出决定</button></div>
            </form>
            """
        }
        return req.page("异议审查 \(app.number)", """
        \(errors.summary())
        <div class="panel"><dl class="facts">
          <dt>异议事项</dt><dd>\(objection.objectionSubject.chinese)（<a href="\(SiteURL.application(app.id!))">申请 \(app.number)</a>）</dd>
          <dt>异议人</dt><dd>\(app.applicantName)</dd>
          <dt>收到日期</dt><dd>\(CaseDates.chinese(objection.receivedOn))</dd>
          <dt>决定期限</dt><dd>\(CaseDates.chinese(objection.dueOn))前（法律援助法第49条：5日内）</dd>
          <dt>状态</dt><dd><strong>\(objection.objectionState.chinese)</strong></dd>
          <dt>异议理由</dt><dd>\(objection.reason)</dd>
          \(objection.explanation.map { text -> HTML in "<dt>审查意见</dt><dd>\(text)</dd>" })
        </dl></div>
        \(form)
        """)
    }
}
