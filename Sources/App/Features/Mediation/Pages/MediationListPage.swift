import Foundation
import MediationCore

/// 人民调解: the committee's mediations (every committee's for a supervisor), newest first,
/// with where each stands, the period it runs against, and the open escalation flags first to see.
struct MediationListPage: PageView {
    struct Row: Sendable {
        var id: UUID
        var number: String
        var type: String
        var state: String
        var committee: String
        var mediator: String?
        var createdAt: Date
        var flagged: Bool
        var due: String?
    }

    var rows: [Row]
    var total: Int
    var state: MediationState?
    var flagged: Bool
    var due: MediationService.Due? = nil
    /// Open mediations past their one-month period, and ending within a week.
    var overdue = 0
    var dueSoon = 0
    var pager: HTML
    var mayStart: Bool

    var title: String { "人民调解" }

    func body(in context: PageContext) -> HTML {
        let filters: [HTML] = ["<a href=\"\(SiteURL.mediations)\"\(HTML(raw: state == nil && !flagged && due == nil ? " aria-current=\"page\"" : ""))>全部</a>"] + MediationState.allCases.map { s in
            "<a href=\"\(SiteURL.mediations)?state=\(s.rawValue)\"\(HTML(raw: state == s ? " aria-current=\"page\"" : ""))>\(s.chinese)</a>"
        } + ["<a href=\"\(SiteURL.mediations)?flagged=1\"\(HTML(raw: flagged ? " aria-current=\"page\"" : ""))>风险预警</a>"]
        let items: [HTML] = rows.map { r in
            """
            <tr><th scope="row"><a href="\(SiteURL.mediation(.value(r.id)))">\(r.number)</a>\(when(r.flagged) { " <span class=\"badge urgent\">风险预警</span>" })</th>
            <td>\(r.type)</td><td>\(r.state)</td><td>\(r.committee)</td><td>\(r.mediator ?? "未指定")</td>
            <td>\(r.due ?? "")</td><td>\(TimeText.chinese(r.createdAt))</td></tr>
            """
        }
        let table: HTML = items.isEmpty ? "<p>没有符合条件的调解。</p>" : """
            <div class="table-wrap"><table><caption class="visually-hidden">调解列表</caption>
            <thead><tr><th scope="col">编号</th><th scope="col">纠纷类型</th><th scope="col">状态</th><th scope="col">调解委员会</th><th scope="col">调解员</th><th scope="col">期限</th><th scope="col">登记时间</th></tr></thead>
            <tbody>\(items)</tbody></table></div>
            """
        let alerts: [HTML] = [
            overdue > 0 ? "<a href=\"\(SiteURL.mediations)?due=overdue\"><strong>\(overdue)件已超过调解期限</strong></a>" : nil,
            dueSoon > 0 ? "<a href=\"\(SiteURL.mediations)?due=soon\">\(dueSoon)件\(MediationService.soonDays)日内到期</a>" : nil,
        ].compactMap { $0 }
        let banner: HTML = alerts.isEmpty ? .empty
            : "<p class=\"notice urgent\" role=\"status\">期限提醒：\(HTML(raw: alerts.map(\.raw).joined(separator: "；")))。调解一般在受理后一个月内结束，需要延长的请在调解页面写明理由（只能延长一次）。</p>"
        return """
        \(banner)
        \(when(mayStart) { "<p><a class=\"button\" href=\"\(SiteURL.newMediation)\">登记新的调解</a></p>" })
        <nav class="filters" aria-label="按状态查看">\(HTML(raw: filters.map(\.raw).joined(separator: " · ")))</nav>
        <p>共\(total)件</p>
        \(table)
        \(pager)
        """
    }
}
