import LegalAidCore
import Vapor

/// 通知辩护与羁押人员申请: the centre registers a criminal notification (第36条) and the detained
/// persons' applications it must forward within 24 hours (第39条).
struct IntakePage: PageView {
    /// A detained person's application still to be forwarded.
    struct Pending: Sendable {
        var id: UUID
        var personName: String
        var placeName: String
        var receivedAt: Date
        var forwardDue: Date
    }

    var pending: [Pending]
    var pager: HTML
    var now: Date
    /// The form that was refused, if any: it opens with what was typed and what was wrong.
    var form: String?
    var values: [String: String]
    var errors: FormErrors

    var title: String { "通知辩护与羁押人员申请" }

    func body(in context: PageContext) -> HTML {
        let csrf = context.csrfToken
        func errs(_ name: String) -> FormErrors { form == name ? errors : FormErrors() }
        func value(_ key: String) -> String { values[key] ?? "" }
        let rows: [HTML] = pending.map { entry in
            let overdue = now > entry.forwardDue
            return """
            <tr><td>\(entry.personName)</td><td>\(entry.placeName)</td><td>\(TimeText.chinese(entry.receivedAt))</td>
            <td>\((overdue ? "<span class=\"overdue\">已超过24小时（\(TimeText.chinese(entry.forwardDue))）</span>" : "\(TimeText.chinese(entry.forwardDue))前") as HTML)</td>
            <td><form method="post" action="\(SiteURL.forwardDetained(entry.id))" class="inline">\(Fields.csrf(csrf))<button type="submit">转交中心受理</button></form></td></tr>
            """
        }
        return """
        \(errors.summary())
        <h2>待转交的羁押人员申请（第39条：24小时内）</h2>
        \((pending.isEmpty ? "<p>暂无待转交的申请。</p>" : "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">申请人</th><th scope=\"col\">羁押场所</th><th scope=\"col\">收到时间</th><th scope=\"col\">转交期限</th><th scope=\"col\">操作</th></tr></thead><tbody>\(rows)</tbody></table></div>") as HTML)
        \(pager)
        <details class="panel"\(HTML(raw: form == "notification" || form == nil ? " open" : ""))><summary><strong>登记通知辩护（第36条）</strong></summary>
        <form method="post" action="\(SiteURL.intakeNotifications)" novalidate>
          \(Fields.csrf(csrf))
          \(Fields.select("authority", "通知机关类别", options: CriminalNotification.Authority.allCases.map { (value: $0.rawValue, label: $0.chinese) }, selected: value("authority"), errors: errs("notification")))
          \(Fields.text("authorityName", "通知机关名称", value: value("authorityName"), errors: errs("notification"), hint: "如：示范区人民法院"))
          \(Fields.text("personName", "犯罪嫌疑人、被告人姓名", value: value("personName"), errors: errs("notification")))
          \(Fields.text("charge", "涉嫌罪名", value: value("charge"), errors: errs("notification")))
          \(Fields.text("receivedOn", "收到通知的日期", value: value("receivedOn").isEmpty ? LocalDate(now).iso : value("receivedOn"), errors: errs("notification"), type: "date"))
          \(Fields.checkbox("detained", "犯罪嫌疑人、被告人在押", checked: value("detained") == "true", errors: errs("notification")))
          \(Fields.checkbox("possibleLifeOrDeath", "可能被判处无期徒刑、死刑（须指派执业三年以上律师，第26条）", checked: value("possibleLifeOrDeath") == "true", errors: errs("notification")))
          <div class="actions"><button type="submit">登记并进入指派</button></div>
        </form></details>
        <details class="panel"\(HTML(raw: form == "detained" ? " open" : ""))><summary><strong>登记羁押人员的法律援助申请（第39条）</strong></summary>
        <form method="post" action="\(SiteURL.intakeDetained)" novalidate>
          \(Fields.csrf(csrf))
          \(Fields.text("placeName", "羁押场所", value: value("placeName"), errors: errs("detained"), hint: "如：示范区看守所"))
          \(Fields.text("detaineeName", "申请人姓名", value: value("detaineeName"), errors: errs("detained")))
          \(Fields.text("detaineeCharge", "涉嫌罪名或案由", value: value("detaineeCharge"), errors: errs("detained"), required: false))
          \(Fields.text("receivedAt", "羁押场所收到申请的时间", value: value("receivedAt"), errors: errs("detained"), hint: "年-月-日 时:分，如：2026-11-20 09:30"))
          \(Fields.textarea("note", "备注", value: value("note"), errors: errs("detained"), required: false))
          <div class="actions"><button type="submit">登记</button></div>
        </form></details>
        """
    }
}

extension IntakePage.Pending {
    init(_ row: DetainedRequestModel) {
        self.init(id: row.id!, personName: row.person.name, placeName: row.placeName, receivedAt: row.receivedAt, forwardDue: row.forwardDue)
    }
}
