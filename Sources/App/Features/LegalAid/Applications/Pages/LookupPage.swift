import Vapor

/// 查询办理进度 without signing in: the application number and the phone's last four digits,
/// and, once both match, where the application stands.
struct LookupPage: PageView {
    var number: String
    var phoneLast4: String
    var errors: FormErrors
    var result: StatusSummary?
    /// Said once when the lookup is closed for the day: nothing typed is wrong.
    var notice: String?

    var title: String { "查询办理进度" }

    func body(in context: PageContext) -> HTML {
        """
        \(notice.map { notice -> HTML in "<div class=\"notice\" role=\"alert\"><p>\(notice)</p></div>" })
        \(errors.summary())
        <form method="post" action="\(SiteURL.lookup)" class="panel" novalidate>
          \(Fields.csrf(context.csrfToken))
          \(Fields.text("number", "申请编号", value: number, errors: errors, hint: "提交申请后短信中的编号，例如 FY2026-000123"))
          \(Fields.text("phoneLast4", "手机号码后四位", value: phoneLast4, errors: errors, inputmode: "numeric"))
          <div class="actions"><button type="submit">查询</button></div>
        </form>
        \(result?.render())
        """
    }
}
