import LegalAidCore
import Vapor

/// 法律援助案件 (a lawyer's 我承办的案件): one page of cases, the assignment clock (第43条) on each.
struct CaseListPage: PageView {
    struct Row: Sendable {
        var id: UUID
        var number: String
        var applicantName: String
        var state: CaseState
        var origin: CaseOrigin
        /// The lawyer or centre staff member handling it.
        var handler: String?
        var assignmentDue: String
    }

    var rows: [Row]
    var forLawyer: Bool
    var today: LocalDate
    var pager: HTML

    var title: String { forLawyer ? "我承办的案件" : "法律援助案件" }

    func body(in context: PageContext) -> HTML {
        let rows: [HTML] = rows.map { row in
            let overdue = row.state == .awaitingAssignment && LocalDate(iso: row.assignmentDue).map { today > $0 } == true
            let due: HTML = row.state == .awaitingAssignment
                ? (overdue ? "<span class=\"overdue\">指派已超期（\(CaseDates.chinese(row.assignmentDue))）</span>" : "\(CaseDates.chinese(row.assignmentDue))前指派")
                : "—"
            return """
            <tr><td><a href="\(SiteURL.legalAidCase(row.id))">\(row.number)</a>\(when(row.origin != .decision) { "<br><span class=\"badge\">\(row.origin.chinese)</span>" })</td><td>\(row.applicantName)</td>
            <td>\(row.state.chinese)</td><td>\(row.handler ?? "—")</td><td>\(due)</td></tr>
            """
        }
        return """
        \((rows.isEmpty ? "<p>暂无案件。</p>" : "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">编号</th><th scope=\"col\">受援人</th><th scope=\"col\">状态</th><th scope=\"col\">承办人</th><th scope=\"col\">指派期限（第43条）</th></tr></thead><tbody>\(rows)</tbody></table></div>") as HTML)
        \(pager)
        """
    }
}
