import Fluent
import LegalAidCore
import Vapor

/// Staff's list of work: what waits on them, what is due or overdue, and everything in reach.
struct WorkbenchController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.workbench, use: index)
        routes.post(.readAlert(.key), use: markRead)
    }

    func index(req: Request) async throws -> HTML {
        let account = try req.requireStaff()
        let reference = try await req.referenceData()
        let service = ApplicationService(req)
        let now = req.now
        let today = LocalDate(now)
        let atCentre = ApplicationState.allCases.filter(\.isAtCentre).map(\.rawValue)
        // What waits on this person: the states in which their roles have a step to take.
        let actionable = account.actor.map { actor in
            ApplicationState.allCases.filter { state in Workflow.availableEvents(in: state, for: actor).contains { $0 != .withdraw && $0 != .submit } }
        } ?? []
        let mayAct = account.actor.map { !$0.has(.supervisor) || $0.roles.roles.count > 1 } ?? false
        let todo = try await service.visible(to: account, reference: reference, page: try ListPage.from(req, key: "todoPage")) { query in
            query.filter(\.$state ~~ (mayAct ? actionable.map(\.rawValue) : []))
                .sort(.sql(unsafeRaw: "COALESCE(decision_due, '9999-12-31')")).sort(\.$submittedAt)
        }
        let overdue = try await service.visible(to: account, reference: reference, page: ListPage(number: 1, size: 50)) { query in
            query.filter(\.$state ~~ atCentre).filter(\.$decisionDue != nil).filter(\.$decisionDue < today.iso).sort(\.$decisionDue)
        }
        let dueSoon = try await service.visible(to: account, reference: reference, page: ListPage(number: 1, size: 1)) { query in
            query.filter(\.$state ~~ atCentre).filter(\.$decisionDue >= today.iso).filter(\.$decisionDue <= today.adding(days: 2).iso)
        }.total
        let all = try await service.visible(to: account, reference: reference, page: try ListPage.from(req))
        let deadlines = try await DeadlineBoard.collect(on: req.db, reference: reference, now: now, deskRules: req.fayuan.settings.deskRules).filter { $0.concerns(account.id!) }
        let alerts = try await AlertModel.query(on: req.db).filter(\.$recipientAccountID == account.id!).filter(\.$readAt == nil)
            .sort(\.$raisedAt, .descending).limit(50).all()
        func items(_ page: Paged<ApplicationModel>) -> Paged<WorkItem> {
            Paged(items: WorkItem.build(page.items, account: account, reference: reference, now: now), page: page.page, total: page.total)
        }
        return WorkbenchPage(account: account, reference: reference, todo: items(todo), overdue: items(overdue), dueSoon: dueSoon,
                             all: items(all), deadlines: deadlines, alerts: alerts).render(req)
    }

    /// The recipient has seen the alert; it leaves the workbench (the deadline itself stays listed until met).
    func markRead(req: Request) async throws -> Response {
        let account = try req.requireStaff()
        guard let alert = try await AlertModel.find(try req.parameters.id(), on: req.db),
              alert.recipientAccountID == account.id else { throw AppError.notFound("提醒") }
        alert.readAt = req.now
        try await alert.save(on: req.db)
        return req.redirect(to: SiteURL.workbench.path)
    }
}

/// One row of the workbench, with its deadline worked out on the holiday calendar.
struct WorkItem {
    var app: ApplicationModel
    var myActions: [ApplicationEventKind]
    /// The decision clock while the centre has the application: running to a day, or stopped.
    var clock: ClockReading?
    var lastDay: LocalDate? { clock?.lastDay }
    var daysLeft: Int? {
        if case .running(_, let left, _) = clock { return left }
        return nil
    }
    var overdue: Bool {
        if case .running(_, _, let overdue) = clock { return overdue }
        return false
    }

    static func build(_ apps: [ApplicationModel], account: AccountModel, reference: ReferenceData, now: Date) -> [WorkItem] {
        return apps.map { app in
            let deadline = app.applicationState.isAtCentre ? app.workflowCase.decisionDeadline : nil
            let mine = account.actor.flatMap { actor in
                AccessPolicy.canAct(app.scope, actor: actor, tree: reference.tree) ? Workflow.availableEvents(in: app.applicationState, for: actor) : nil
            } ?? []
            return WorkItem(app: app, myActions: mine.filter { $0 != .withdraw }, clock: deadline?.reading(at: now, calendar: reference.calendar))
        }
    }
}

struct WorkbenchPage {
    var account: AccountModel
    var reference: ReferenceData
    /// What waits on this person, soonest deadline first.
    var todo: Paged<WorkItem>
    /// Past the decision day (第43条), the first 50 and the count.
    var overdue: Paged<WorkItem>
    /// Due within two days.
    var dueSoon: Int
    /// Everything in reach, most recently changed first.
    var all: Paged<WorkItem>
    var deadlines: [WatchedDeadline] = []
    var alerts: [AlertModel] = []

    func render(_ req: Request) -> HTML {
        let now = req.now
        let overdueClocks = deadlines.filter { $0.isOverdue(at: now) }
        let dueToday = deadlines.filter { $0.isDueToday(at: now) }
        let org = reference.name(account.organisationID)
        return req.page("工作台", """
        <p>\(account.displayName)，\(org)。\(account.roles?.roles.map(\.chinese).sorted().joined(separator: "、") ?? "")</p>
        <div class="cards three">
          <div class="card"><h2>待我办理</h2><p><strong>\(todo.total)</strong> 件</p></div>
          <div class="card"><h2>今日到期</h2><p><strong>\(dueToday.count)</strong> 项</p></div>
          <div class="card"><h2>已超期</h2><p class="\(overdueClocks.isEmpty && overdue.total == 0 ? "" : "overdue")"><strong>\(max(overdueClocks.count, overdue.total))</strong> 项</p></div>
        </div>
        \(when(!alerts.isEmpty) { alertList(req) })
        \(when(!overdueClocks.isEmpty || !dueToday.isEmpty) { deadlineTable(overdueClocks + dueToday, now: now) })
        \(when(dueSoon > 0) { "<p>另有 \(dueSoon) 件申请的决定期限在两日内届满。</p>" })
        \(when(overdue.total > 0) { "<h2 class=\"overdue\">超期未决定（法律援助法第43条）</h2>" + table(overdue.items) + (overdue.hasNext ? "<p class=\"hint\">仅显示最早到期的\(overdue.items.count)件，共\(overdue.total)件。</p>" : .empty) })
        <h2>待我办理</h2>
        \(todo.items.isEmpty ? "<p>目前没有需要您办理的申请。</p>" : table(todo.items) + Pager.render(todo, req, key: "todoPage", unit: "件"))
        <h2>本机构可见的全部申请</h2>
        \(all.items.isEmpty ? "<p>暂无申请。</p>" : table(all.items) + Pager.render(all, req, unit: "件"))
        """)
    }

    private func alertList(_ req: Request) -> HTML {
        let csrf = req.pageContext.csrfToken
        let rows: [HTML] = alerts.map { alert in
            """
            <li class="\(alert.alertLevel == .overdue ? "overdue" : "")"><strong>\(alert.alertLevel.chinese)</strong>：<a href="\(alert.link)">\(alert.message)</a>
            <form method="post" action="\(SiteURL.readAlert(alert.id!))" class="inline">\(Fields.csrf(csrf))<button type="submit" class="link">知道了</button></form></li>
            """
        }
        return "<h2>期限提醒</h2><ul class=\"alerts\">\(rows)</ul>"
    }

    private func deadlineTable(_ rows: [WatchedDeadline], now: Date) -> HTML {
        let body: [HTML] = rows.map { d in
            let when: HTML = d.isOverdue(at: now) ? "<span class=\"overdue\">已超期（\(LocalDate(d.due).chinese)）</span>" : "今日到期"
            let mine: HTML = d.responsible.isEmpty ? "" : (account.id.map { d.responsible.contains($0) } == true ? "由我办理" : "督办")
            return "<tr><td><a href=\"\(d.link)\">\(d.label)</a></td><td>\(d.kind.chinese)</td><td>\(when)</td><td>\(mine)</td></tr>"
        }
        return """
        <h2>今日到期和已超期</h2>
        <div class="table-wrap"><table><thead><tr><th scope="col">事项</th><th scope="col">期限</th><th scope="col">状态</th><th scope="col">我的职责</th></tr></thead>
        <tbody>\(body)</tbody></table></div>
        """
    }

    private func table(_ rows: [WorkItem]) -> HTML {
        let body: [HTML] = rows.map { item in
            let app = item.app
            let due: HTML = {
                switch item.clock {
                case nil: return "—"
                case let .paused(since, unused)?: return "\(since.chinese)起暂停计算（待补材料，补齐后剩\(unused)天）"
                case let .running(last, left, overdue)?:
                    return overdue ? "<span class=\"overdue\">已超期（\(last.chinese)）</span>" : "\(last.chinese)（剩\(left)天）"
                }
            }()
            let priority: HTML = when(!(app.eligibility?.priorities.isEmpty ?? true) || app.eligibility?.greenChannel == true) {
                app.eligibility?.greenChannel == true ? "<br><span class=\"badge\">绿色通道</span>" : "<br><span class=\"badge\">优先</span>"
            } + when(app.possibleDuplicateOf != nil) { "<br><span class=\"badge\">疑似重复（\(app.possibleDuplicateOf ?? "")）</span>" }
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
