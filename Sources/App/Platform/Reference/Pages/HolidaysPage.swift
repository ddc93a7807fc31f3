import LegalAidCore
import Vapor

/// The system administrator's holiday schedule for one year, and the form to add a day.
struct HolidaysPage: PageView {
    struct Day: Sendable {
        var id: UUID
        var date: String
        var name: String
        var isRest: Bool
    }

    var year: Int
    var days: [Day]
    /// What was typed into the form (after a refusal) and what was wrong with it.
    var date = ""
    var kind: String?
    var name = ""
    var errors = FormErrors()

    var title: String { "节假日设置" }

    func body(in context: PageContext) -> HTML {
        let rows: [HTML] = days.map { day in
            """
            <tr><td>\(day.date)</td><td>\(day.name)</td><td>\(day.isRest ? "放假" : "调休上班")</td>
            <td><form method="post" action="\(SiteURL.deleteHoliday(day.id))" class="inline">\(Fields.csrf(context.csrfToken))<button type="submit" class="secondary">删除</button></form></td></tr>
            """
        }
        return """
        <p>期限按《民法典》第201、203条计算：期间最后一日是法定休假日的，以休假日结束的次日为最后一日；调休上班日按工作日计算。每年11月国务院公布次年安排后，请在此录入。</p>
        <p><a href="?year=\(year - 1)">← \(year - 1)年</a>　<strong>\(year)年</strong>　<a href="?year=\(year + 1)">\(year + 1)年 →</a></p>
        \((days.isEmpty ? "<p>\(year)年尚未录入节假日安排。</p>" : "<table><thead><tr><th scope=\"col\">日期</th><th scope=\"col\">节日</th><th scope=\"col\">类型</th><th scope=\"col\">操作</th></tr></thead><tbody>\(rows)</tbody></table>") as HTML)
        <h2>添加一天</h2>
        \(errors.summary())
        <form method="post" action="\(SiteURL.holidays)" class="panel" novalidate>
          \(Fields.csrf(context.csrfToken))
          \(Fields.text("date", "日期", value: date, errors: errors, type: "date"))
          \(Fields.select("kind", "类型", options: [(value: "rest", label: "放假"), (value: "makeUpWorkday", label: "调休上班")], selected: kind, errors: errors))
          \(Fields.text("name", "节日名称", value: name, errors: errors, hint: "例如：春节"))
          <div class="actions"><button type="submit">添加</button></div>
        </form>
        """
    }
}
