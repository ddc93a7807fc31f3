import Fluent
import LegalAidCore
import Vapor

/// Staff's list of work: what waits on them, what is due or overdue, and everything in reach.
struct WorkbenchController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get("workbench", use: index)
    }

    func index(req: Request) async throws -> HTML {
        let account = try req.requireStaff()
        let reference = try await ReferenceData.load(on: req.db)
        let apps = try await ApplicationService(req).visible(to: account, reference: reference)
        let items = WorkItem.build(apps, account: account, reference: reference, now: req.now)
        return WorkbenchPage(account: account, reference: reference, items: items).render(req)
    }
}

/// One row of the workbench, with its deadline worked out on the holiday calendar.
struct WorkItem {
    var app: ApplicationModel
    var myActions: [ApplicationEventKind]
    var lastDay: LocalDate?
    var daysLeft: Int?
    var overdue: Bool

    static func build(_ apps: [ApplicationModel], account: AccountModel, reference: ReferenceData, now: Date) -> [WorkItem] {
        let today = LocalDate(now)
        return apps.map { app in
            let deadline = app.applicationState.isAtCentre ? app.workflowCase.decisionDeadline : nil
            let mine = account.actor.flatMap { actor in
                AccessPolicy.canAct(app.scope, actor: actor, tree: reference.tree) ? Workflow.availableEvents(in: app.applicationState, for: actor) : nil
            } ?? []
            return WorkItem(app: app, myActions: mine.filter { $0 != .withdraw },
                            lastDay: deadline?.lastDay(asOf: today, calendar: reference.calendar),
                            daysLeft: deadline?.daysLeft(asOf: today, calendar: reference.calendar),
                            overdue: deadline?.isOverdue(at: now, calendar: reference.calendar) ?? false)
        }
    }
}

struct WorkbenchPage {
    var account: AccountModel
    var reference: ReferenceData
    var items: [WorkItem]

    func render(_ req: Request) -> HTML {
        let overdue = items.filter(\.overdue)
        let dueSoon = items.filter { !$0.overdue && ($0.daysLeft ?? 99) <= 2 }
        let todo = items.filter { !$0.myActions.isEmpty }.sorted { ($0.lastDay ?? .init(year: 9999, month: 1, day: 1)!) < ($1.lastDay ?? .init(year: 9999, month: 1, day: 1)!) }
        let org = reference.name(account.organisationID)
        return req.page("工作台", """
        <p>\(account.displayName)，\(org)。\(account.roles?.roles.map(\.chinese).sorted().joined(separator: "、") ?? "")</p>
        <div class="cards three">
          <div class="card"><h2>待我办理</h2><p><strong>\(todo.count)</strong> 件</p></div>
          <div class="card"><h2>已超期</h2><p class="\(overdue.isEmpty ? "" : "overdue")"><strong>\(overdue.count)</strong> 件</p></div>
          <div class="card"><h2>两日内到期</h2><p><strong>\(dueSoon.count)</strong> 件</p></div>
        </div>
        \(when(!overdue.isEmpty) { "<h2 class=\"overdue\">超期未决定（法律援助法第43条）</h2>" + table(overdue) })
        <h2>待我办理</h2>
        \(todo.isEmpty ? "<p>目前没有需要您办理的申请。</p>" : table(todo))
        <h2>本机构可见的全部申请</h2>
        \(items.isEmpty ? "<p>暂无申请。</p>" : table(items))
        """)
    }

    private func table(_ rows: [WorkItem]) -> HTML {
        let body: [HTML] = rows.map { item in
            let app = item.app
            let due: HTML = {
                guard let last = item.lastDay else { return "—" }
                if item.overdue { return "<span class=\"overdue\">已超期（\(last.chinese)）</span>" }
                if app.workflowCase.decisionDeadline?.isPaused == true { return "暂停计算（待补材料）" }
                return "\(last.chinese)（剩\(item.daysLeft ?? 0)天）"
            }()
            let priority: HTML = when(!(app.eligibility?.priorities.isEmpty ?? true) || app.eligibility?.greenChannel == true) {
                app.eligibility?.greenChannel == true ? "<br><span class=\"badge\">绿色通道</span>" : "<br><span class=\"badge\">优先</span>"
            }
            return """
            <tr><td><a href="\(SiteURL.application(app.id!))">\(app.number)</a>\(priority)</td><td>\(app.applicantName)</td>
            <td>\(app.form.matter.type?.chinese ?? "—")</td><td>\(app.applicationState.chinese)</td>
            <td>\(reference.name(app.preReviewOrganisationID))</td><td>\(due)</td></tr>
            """
        }
        return """
        <div class="table-wrap"><table><thead><tr><th scope="col">编号</th><th scope="col">申请人</th><th scope="col">类型</th><th scope="col">状态</th><th scope="col">初审机构</th><th scope="col">决定期限</th></tr></thead>
        <tbody>\(body)</tbody></table></div>
        """
    }
}
