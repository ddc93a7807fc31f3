import Foundation
import LegalAidCore
import DeskCore

/// 咨询服务台: the duty switch, the queue with waiting times, "接入下一位", this person's
/// chats, call backs owed and written questions with their 24-hour clocks. `consult.js`
/// refreshes it when the desk changes.
struct DeskPage: PageView {
    var desk: API.DeskState
    var now: Date
    var rules: DeskRules
    /// Supervisors watch; they do not go on duty.
    var watching: Bool
    /// The call-log form as last sent (kept when it comes back with errors).
    var call = CallForm()
    var errors = FormErrors()

    struct CallForm {
        var channel = "hotline"
        var phone = ""
        var name = ""
        var topic = ""
        var summary = ""
        var answer = ""
        var minutes = ""
        var outcome = ""
        var note = ""
        var consent = false
        var communityPoint = ""
    }

    /// Where an application may be filed, for a call that ends as one.
    var communityPoints: [(value: String, label: String)] = []

    var title: String { "咨询服务台" }

    func body(in context: PageContext) -> HTML {
        """
        <div id="desk" data-live="\(SiteURL.deskLive)">
        <p class="desk-status \(desk.open ? "is-open" : "is-closed")">\(desk.deskName)：\(desk.availability)</p>
        \(when(!watching) { duty(context) })
        \(when(watching) { figures })
        <section aria-labelledby="queue-title"><h2 id="queue-title">排队等待（\(desk.waiting.count)）</h2>
        \(list(desk.waiting, empty: "当前没有排队的咨询。") { c in
            let waited = Int(now.timeIntervalSince(c.queuedAt) / 60)
            let due = c.escalationDue.map { d -> String in d > now ? "，\(Int(d.timeIntervalSince(now)))秒后转热线回电" : "，即将转热线回电" } ?? ""
            return "已等待\(waited)分钟\(due)"
        })
        \(when(desk.onDuty && !desk.waiting.isEmpty) {
            "<form method=\"post\" action=\"\(SiteURL.deskNext)\">\(Fields.csrf(context.csrfToken))<button type=\"submit\">接入下一位</button></form>"
        })
        </section>
        \(when(!watching) { """
        <section aria-labelledby="mine-title"><h2 id="mine-title">我正在接待（\(desk.mine.count)/\(rules.maxParallelChats)）</h2>
        \(list(desk.mine, empty: "暂无。") { c in "\(c.messageCount)条消息" })
        </section>
        """ })
        \(when(!watching) { callLog(context) })
        <section aria-labelledby="callback-title"><h2 id="callback-title">待回电（\(desk.callbacks.count)）</h2>
        \(list(desk.callbacks, empty: "暂无待回电任务。") { c in "登记于\(TimeText.chinese(c.queuedAt))" })
        </section>
        <section aria-labelledby="board-title"><h2 id="board-title">待回复留言（\(desk.questions.count)）</h2>
        \(list(desk.questions, empty: "暂无待回复留言。") { c in
            guard let due = c.replyDue else { return "" }
            switch rules.replyClock(due: due, now: now) {
            case .overdue: return "已超过答复期限（\(TimeText.chinese(due))）"
            case .dueSoon: return "即将到期：\(TimeText.chinese(due))前答复"
            case .running: return "\(TimeText.chinese(due))前答复"
            }
        })
        </section>
        \(when(!watching) { figures })
        <section aria-labelledby="duty-title"><h2 id="duty-title">正在值班（\(desk.staffOnDuty.count)）</h2>
        \((desk.staffOnDuty.isEmpty ? "<p>当前无人值班。</p>" : "<ul class=\"plain\">\(desk.staffOnDuty.map { d -> HTML in "<li>\(d.name)：接待中\(d.openChats)位</li>" })</ul>") as HTML)
        </section>
        </div>
        <script src="\(SiteURL.consultScript)" defer></script>
        """
    }

    /// 今日数据: what a supervisor watches, on everyone's desk (the team sees its own numbers).
    private var figures: HTML {
        let f = desk.figures
        let rate = f.answerRate.map { "\(Int(($0 * 100).rounded()))%" } ?? "暂无"
        let longest = f.longestWaitSeconds.map { $0 >= 60 ? "\($0 / 60)分\($0 % 60)秒" : "\($0)秒" } ?? "无人等待"
        let rating = f.averageRating.map { String(format: "%.1f分（%d人评价）", $0, f.ratings) } ?? "暂无评价"
        let limit = Int(rules.escalateAfter)
        let minutes = limit % 60 == 0 ? "\(limit / 60)分钟" : "\(limit)秒"
        let cells: [(String, String, Bool)] = [
            ("排队人数", "\(f.waiting)", false),
            ("最长等待", longest, (f.longestWaitSeconds ?? 0) >= Int(rules.escalateAfter)),
            ("今日\(minutes)内接入率", "\(rate)（\(f.answeredInTimeToday)/\(f.liveDecidedToday)）", false),
            ("待回电", "\(f.callbacksOwed)", f.callbacksOwed > 0),
            ("今日已回电", "\(f.callbackAttemptsToday)次", false),
            ("待回复留言", "\(f.questionsOpen)", false),
            ("超24小时未答复", "\(f.repliesOverdue)", f.repliesOverdue > 0),
            ("近30天满意度", rating, false),
        ]
        let items: [HTML] = cells.map { label, value, alert in
            "<div class=\"figure\(alert ? " is-alert" : "")\"><dt>\(label)</dt><dd>\(value)</dd></div>"
        }
        return """
        <section aria-labelledby="figures-title"><h2 id="figures-title">今日数据</h2>
        <dl class="desk-figures">\(items)</dl>
        </section>
        """
    }

    /// 登记来电: a call or a visit recorded by the person who took it.
    private func callLog(_ context: PageContext) -> HTML {
        let topics = ConsultationTopic.allCases.map { (value: $0.rawValue, label: $0.chinese) }
        let channels: [(value: String, label: String)] = [("hotline", "12348来电"), ("window", "窗口来访")]
        return """
        <details class="call-log"\(HTML(raw: errors.isEmpty ? "" : " open"))>
          <summary>登记来电或窗口咨询</summary>
          \(errors.summary(labels: [:]))
          <form method="post" action="\(SiteURL.deskCalls)">
            \(Fields.csrf(context.csrfToken))
            \(Fields.select("channel", "咨询方式", options: channels, selected: call.channel, errors: errors)
                + Fields.text("phone", "来电号码", value: call.phone, errors: errors, hint: "未显示号码的来电请留空", type: "tel", required: false, inputmode: "numeric")
                + Fields.text("name", "咨询人称呼", value: call.name, errors: errors, hint: "如“王女士”", required: false)
                + Fields.select("topic", "咨询类别", options: topics, selected: call.topic, errors: errors)
                + Fields.textarea("summary", "咨询问题摘要", value: call.summary, errors: errors, hint: "记录问题本身，不要写入身份证号等证件信息")
                + Fields.textarea("answer", "解答内容", value: call.answer, errors: errors)
                + Fields.text("minutes", "通话或接待时长（分钟）", value: call.minutes, errors: errors, inputmode: "numeric")
                + Fields.select("outcome", "咨询结果", options: ConversationPage.outcomeChoices, selected: call.outcome, errors: errors)
                + Fields.textarea("note", "说明", value: call.note, errors: errors, hint: "转介或转其他热线时必填：写明转交事项和接收单位；转为申请时写明请求事项", required: false)
                + Fields.select("communityPointID", "咨询人所在社区（村）", options: communityPoints, selected: call.communityPoint, errors: errors,
                                hint: "转为法律援助申请时必填：申请由该社区所属的工作站初审", required: false)
                + Fields.checkbox("consent", "咨询人已同意将本次咨询内容用于法律援助申请", checked: call.consent, errors: errors))
            <button type="submit">登记</button>
          </form>
        </details>
        """
    }

    private func duty(_ context: PageContext) -> HTML {
        """
        <form method="post" action="\(SiteURL.deskDuty)" class="duty">
          \(Fields.csrf(context.csrfToken))
          <input type="hidden" name="onDuty" value="\(desk.onDuty ? "false" : "true")">
          <p>\(desk.onDuty ? "您正在值班，排队的咨询会分配给您。" : "您当前不在值班。开始值班后，排队的咨询会公平地分配给值班人员。")</p>
          <button type="submit"\(HTML(raw: desk.onDuty ? " class=\"secondary\"" : ""))>\(desk.onDuty ? "结束值班" : "开始值班")</button>
        </form>
        """
    }

    private func list(_ items: [API.ConsultationSummary], empty: String, note: (API.ConsultationSummary) -> String) -> HTML {
        guard !items.isEmpty else { return "<p>\(empty)</p>" }
        let rows: [HTML] = items.map { c in
            "<li><a href=\"\(SiteURL.consultation(.value(c.id)))\">\(c.askerName) · \(c.topicLabel)</a> <span class=\"hint\">\(note(c))</span></li>"
        }
        return "<ul class=\"queue-list\">\(rows)</ul>"
    }
}
