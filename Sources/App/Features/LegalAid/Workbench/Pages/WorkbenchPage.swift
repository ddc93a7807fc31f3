import LegalAidCore
import Vapor

struct WorkbenchPage: PageView {
    /// An unread deadline alert for this person.
    struct Alert: Sendable {
        var id: UUID
        var level: AlertLevel
        var message: String
        var link: String
    }

    var account: Viewer
    var reference: ReferenceData
    var now: Date
    /// What waits on this person, soonest deadline first.
    var todo: [WorkItem]
    var todoTotal: Int
    var todoPager: HTML
    /// Past the decision day (第43条), the first 50 and the count.
    var overdue: Paged<WorkItem>
    /// Due within two days.
    var dueSoon: Int
    /// Everything in reach, most recently changed first.
    var all: [WorkItem]
    var allPager: HTML
    var deadlines: [WatchedDeadline] = []
    var alerts: [Alert] = []

    var title: String { "工作台" }

    func body(in context: PageContext) -> HTML {
        let overdueClocks = deadlines.filter { $0.isOverdue(at: now) }
        let dueToday = deadlines.filter { $0.isDueToday(at: now) }
        let org = reference.name(account.organisationID)
        return """
        <p>\(account.displayName)，\(org)。\(account.roles?.roles.map(\.chinese).sorted().joined(separator: "、") ?? "")</p>
        <div class="cards three">
          <div class="card"><h2>待我办理</h2><p><strong>\(todoTotal)</strong> 件</p></div>
          <div class="card"><h2>今日到期</h2><p><strong>\(dueToday.count)</strong> 项</p></div>
          <div class="card"><h2>已超期</h2><p class="\(overdueClocks.isEmpty && overdue.total == 0 ? "" : "overdue")"><strong>\(max(overdueClocks.count, overdue.total))</strong> 项</p></div>
        </div>
        \(when(!alerts.isEmpty) { alertList(csrf: context.csrfToken) })
        \(when(!overdueClocks.isEmpty || !dueToday.isEmpty) { deadlineTable(overdueClocks + dueToday, now: now) })
        \(when(dueSoon > 0) { "<p>另有 \(dueSoon) 件申请的决定期限在两日内届满。</p>" })
        \(when(overdue.total > 0) { "<h2 class=\"overdue\">超期未决定（法律援助法第43条）</h2>" + table(overdue.items) + (overdue.hasNext ? "<p class=\"hint\">仅显示最早到期的\(overdue.items.count)件，共\(overdue.total)件。</p>" : .empty) })
        <h2>待我办理</h2>
        \(todo.isEmpty ? "<p>目前没有需要您办理的申请。</p>" : table(todo) + todoPager)
        <h2>本机构可见的全部申请</h2>
        \(all.isEmpty ? "<p>暂无申请。</p>" : table(all) + allPager)
        """
    }

    private func alertList(csrf: String) -> HTML {
        let rows: [HTML] = alerts.map { alert in
            """
            <li class="\(alert.level == .overdue ? "overdue" : "")"><strong>\(alert.level.chinese)</strong>：<a href="\(alert.link)">\(alert.message)</a>
            <form method="post" action="\(SiteURL.readAlert(alert.id))" class="inline">\(Fields.csrf(csrf))<button type="submit" class="link">知道了</button></form></li>
            """
        }
        return "<h2>期限提醒</h2><ul class=\"alerts\">\(rows)</ul>"
    }

    private func deadlineTable(_ rows: [WatchedDeadline], now: Date) -> HTML {
        let body: [HTML] = rows.map { d in
            let when: HTML = d.isOverdue(at: now) ? "<span class=\"overdue\">已超期（\(LocalDate(d.due).chinese)）</span>" : "今日到期"
            let mine: HTML = d.responsible.isEmpty ? "" : (d.responsible.contains(account.id) ? "由我办理" : "督办")
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
            <tr><td><a href="\(SiteURL.application(app.id))">\(app.number)</a>\(priority)</td><td>\(app.applicantName)</td>
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

extension WorkbenchPage.Alert {
    init(_ row: AlertModel) {
        self.init(id: row.id!, level: row.alertLevel, message: row.message, link: row.link)
    }
}
