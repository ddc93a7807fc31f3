import LegalAidCore
import Vapor

/// 法律援助法 第49条: the bureau's list of objections, each with its five-day deadline.
struct ObjectionsPage: PageView {
    struct Row: Sendable {
        var id: UUID
        var applicationNumber: String
        var applicantName: String
        var subject: Objection.Subject
        var receivedOn: String
        var state: Objection.State
        var dueOn: String
    }

    var rows: [Row]
    var today: LocalDate
    var pager: HTML

    var title: String { "法律援助异议" }

    func body(in context: PageContext) -> HTML {
        let rows: [HTML] = rows.map { row in
            let overdue = row.state == .pending && LocalDate(iso: row.dueOn).map { today > $0 } == true
            let deadline: HTML = row.state != .pending ? "—"
                : overdue ? "<span class=\"overdue\">已超期（\(CaseDates.chinese(row.dueOn))）</span>" : "\(CaseDates.chinese(row.dueOn))前"
            return """
            <tr><td><a href="\(SiteURL.objection(row.id))">\(row.applicationNumber)</a></td><td>\(row.applicantName)</td><td>\(row.subject.chinese)</td>
            <td>\(CaseDates.chinese(row.receivedOn))</td><td>\(row.state.chinese)</td><td>\(deadline)</td></tr>
            """
        }
        return """
        <p>对不予法律援助决定、终止法律援助决定的异议，由司法局自收到之日起5日内审查，作出维持或者责令改正的决定（法律援助法第49条）。</p>
        \((rows.isEmpty ? "<p>暂无异议。</p>" : "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">申请编号</th><th scope=\"col\">异议人</th><th scope=\"col\">异议事项</th><th scope=\"col\">收到日期</th><th scope=\"col\">状态</th><th scope=\"col\">决定期限</th></tr></thead><tbody>\(rows)</tbody></table></div>") as HTML)
        \(pager)
        """
    }
}

/// One objection as the bureau reviews it, with the decision form while it is pending and the
/// reviewer may decide.
struct ObjectionPage: PageView {
    var id: UUID
    var applicationID: UUID
    var applicationNumber: String
    var applicantName: String
    var subject: Objection.Subject
    var receivedOn: String
    var dueOn: String
    var state: Objection.State
    var reason: String
    var explanation: String?
    var mayDecide: Bool
    var errors = FormErrors()
    /// What the reviewer had typed, after a refusal.
    var typed = ""

    var title: String { "异议审查 \(applicationNumber)" }

    func body(in context: PageContext) -> HTML {
        let form: HTML = when(mayDecide) {
            """
            <h2>审查决定</h2>
            <form method="post" action="\(SiteURL.objectionDecision(id))" class="panel" novalidate>
              \(Fields.csrf(context.csrfToken))
              \(Fields.select("outcome", "决定", options: [(value: "upheld", label: "维持原决定"), (value: "correctionOrdered", label: "责令法律援助中心改正")], selected: nil, errors: errors))
              \(Fields.textarea("explanation", "审查意见和理由（将写入决定书）", value: typed, errors: errors))
              <div class="actions"><button type="submit">作出决定</button></div>
            </form>
            """
        }
        return """
        \(errors.summary())
        <div class="panel"><dl class="facts">
          <dt>异议事项</dt><dd>\(subject.chinese)（<a href="\(SiteURL.application(applicationID))">申请 \(applicationNumber)</a>）</dd>
          <dt>异议人</dt><dd>\(applicantName)</dd>
          <dt>收到日期</dt><dd>\(CaseDates.chinese(receivedOn))</dd>
          <dt>决定期限</dt><dd>\(CaseDates.chinese(dueOn))前（法律援助法第49条：5日内）</dd>
          <dt>状态</dt><dd><strong>\(state.chinese)</strong></dd>
          <dt>异议理由</dt><dd>\(reason)</dd>
          \(explanation.map { text -> HTML in "<dt>审查意见</dt><dd>\(text)</dd>" })
        </dl></div>
        \(form)
        """
    }
}
