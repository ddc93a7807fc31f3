import Foundation
import LegalAidCore
import DeskCore

/// One consultation: the conversation, and what this viewer may do next. Works without
/// JavaScript (forms post and the page reloads); `consult.js` makes it live.
struct ConversationPage: PageView {
    enum Viewer: Equatable {
        case asker
        /// A staff member; `responsible` when they hold it now.
        case staff(responsible: Bool, onDuty: Bool)
        case supervisor
    }

    var consultation: API.ConsultationSummary
    var messages: [API.ConsultationMessage]
    var viewer: Viewer
    var queueText: String?
    var canRate: Bool
    var rating: Int?
    /// Colleagues on duty a conversation may be handed to.
    var colleagues: [(id: UUID, name: String)] = []
    /// The number to dial, shown to desk staff while a call back is owed or to whoever holds it.
    var callbackPhone: String?
    /// Where an application may be filed, for closing a consultation as one.
    var communityPoints: [(value: String, label: String)] = []
    /// The asker owns the draft the consultation became (a signed-in citizen).
    var ownsApplication = false
    /// Staff who write the knowledge base may turn a closed consultation into a public FAQ entry.
    var canPublishFAQ = false
    /// The key from an SMS link, carried on to this page's forms.
    var linkKey: String?
    var maxUploadMB = 10
    var errors = FormErrors()

    var title: String { "\(consultation.topicLabel) · \(consultation.stateLabel)" }

    var isAsker: Bool { viewer == .asker }
    var state: ConsultationState { ConsultationState(rawValue: consultation.state) ?? .closed }

    func body(in context: PageContext) -> HTML {
        let items: [HTML] = messages.map { Self.item($0, asker: isAsker) }
        let last = messages.last?.seq ?? 0
        return """
        <div class="conversation" id="conversation" data-id="\(consultation.id.uuidString)" data-after="\(last)" data-state="\(consultation.state)"
             data-live="\(SiteURL.consultationLive(.value(consultation.id)))" data-role="\(isAsker ? "asker" : "staff")">
          <p class="conversation-meta">\(ConsultationChannel(rawValue: consultation.channel)?.chinese ?? "")· \(consultation.topicLabel) ·
            <strong class="state" id="conversation-state">\(consultation.stateLabel)</strong></p>
          \(queueText.map { t -> HTML in "<p class=\"queue\" id=\"queue-text\" role=\"status\">\(t)</p>" })
          \(callbackPhone.map { p -> HTML in "<p class=\"callback-phone\">回电号码：<a href=\"tel:\(p)\">\(p)</a>（仅用于回电，请勿外传）</p>" })
          \(when(consultation.replyDue != nil && state == .awaitingReply) { "<p class=\"hint\">书面答复期限：\(TimeText.chinese(consultation.replyDue!))</p>" })
          <ol class="messages" id="messages" aria-live="polite" aria-relevant="additions" aria-label="对话内容">\(items)</ol>
          <p class="typing" id="typing" aria-live="polite"></p>
          \(errors.summary())
          \(composer(context))
          \(actions(context))
        </div>
        <script src="\(SiteURL.consultScript)" defer></script>
        """
    }

    static func item(_ m: API.ConsultationMessage, asker: Bool) -> HTML {
        let mine = (m.author == "asker") == asker && m.author != "system"
        let who = m.author == "system" ? "系统提示" : (m.author == "asker" ? (asker ? "我" : m.authorName) : (asker ? "\(m.authorName)（工作人员）" : m.authorName))
        return """
        <li class="message \(m.author)\(mine ? " mine" : "")" data-seq="\(m.seq)" id="m-\(m.id.uuidString)">
          <span class="who">\(who)</span> <time datetime="\(ISO8601DateFormatter().string(from: m.at))">\(TimeText.clock(m.at))</time>
          \(m.file.map(file) ?? "<p>\(m.body)</p>")
        </li>
        """
    }

    /// A file in the conversation: an image shown small (opens full size), a PDF as a link.
    static func file(_ f: API.ConsultationFile) -> HTML {
        if f.contentType.hasPrefix("image/") {
            return "<p class=\"file\"><a href=\"\(f.url)\" target=\"_blank\" rel=\"noopener\"><img src=\"\(f.url)\" alt=\"图片：\(f.name)\" loading=\"lazy\"></a></p>"
        }
        return "<p class=\"file\"><a href=\"\(f.url)\">📄 \(f.name)</a>（PDF，\(size(f.size))）</p>"
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1_048_576 ? String(format: "%.1fMB", Double(bytes) / 1_048_576) : "\(max(1, bytes / 1024))KB"
    }

    private var keyField: HTML {
        linkKey.map { "<input type=\"hidden\" name=\"key\" value=\"\($0)\">" } ?? .empty
    }

    private var canWrite: Bool {
        switch viewer {
        case .asker: state == .waiting || state == .active || state == .callback
        case .staff(let responsible, _): responsible && state == .active
        case .supervisor: false
        }
    }

    private func composer(_ context: PageContext) -> HTML {
        guard canWrite else {
            if !state.isOpen {
                return "<p class=\"closed-note\">本次咨询已结束\(consultation.outcome.map { code -> String in "（" + (Self.outcomeLabel(code)) + "）" } ?? "")。</p>" + application + mediationLink + faqLink
            }
            return .empty
        }
        return """
        <form method="post" action="\(SiteURL.consultationMessages(.value(consultation.id)))" class="composer" id="composer">
          \(Fields.csrf(context.csrfToken))\(keyField)
          <input type="hidden" name="clientId" value="\(UUID().uuidString)">
          \(Fields.textarea("body", "输入消息", value: "", errors: errors, hint: "按“发送”或 Ctrl+Enter 发送"))
          <button type="submit">发送</button>
        </form>
        <form method="post" action="\(SiteURL.consultationFiles(.value(consultation.id)))" enctype="multipart/form-data" class="composer-file" id="file-form">
          \(Fields.csrf(context.csrfToken))\(keyField)
          <input type="hidden" name="clientId" value="\(UUID().uuidString)">
          \(Fields.file("file", "发送图片或PDF文件", errors: errors, hint: "照片（JPG、PNG、GIF、WebP）或PDF，不超过\(maxUploadMB)MB；请勿发送身份证件照片，需要时工作人员会告知"))
          <button type="submit" class="secondary">发送文件</button>
        </form>
        """
    }

    /// Referred to people's mediation: staff register it with what the conversation already holds.
    private var mediationLink: HTML {
        guard !isAsker, consultation.outcome == "referred.mediation" else { return .empty }
        return "<p><a class=\"button secondary\" href=\"\(SiteURL.newMediation.path)?consultation=\(consultation.id.uuidString)\">登记人民调解（自动填好已知信息）</a></p>"
    }

    private var faqLink: HTML {
        guard canPublishFAQ, !isAsker else { return .empty }
        return "<p><a class=\"button secondary\" href=\"\(SiteURL.consultationToFAQ(.value(consultation.id)))\">整理为常见问题（去掉个人信息后公开）</a></p>"
    }

    /// The application this consultation became: its number, and for its owner the way in.
    private var application: HTML {
        guard let number = consultation.applicationNumber else { return .empty }
        if ownsApplication, let id = consultation.applicationID {
            return "<p class=\"application-link\">法律援助申请（编号\(number)）已根据咨询内容预先填写。<a class=\"button\" href=\"\(SiteURL.editApplication(id))\">继续填写申请</a></p>"
        }
        return "<p class=\"application-link\">已转为法律援助申请，申请编号\(number)。</p>"
    }

    /// Every outcome a consultation may end with, as a form offers them.
    static let outcomeChoices: [(value: String, label: String)] = [("answered", "已解答"), ("application", "转为法律援助申请（须咨询人同意）")]
        + ConsultationOutcome.Referral.allCases.map { ("referred.\($0.rawValue)", "转介\($0.chinese)") }
        + ConsultationOutcome.OtherHotline.allCases.map { ("passedOn.\($0.rawValue)", "转\($0.chinese)") }

    static func outcomeLabel(_ code: String) -> String {
        ConsultationOutcome.parse(code: code, note: "说明", consent: true).map(\.chinese).get(or: code)
    }

    private func actions(_ context: PageContext) -> HTML {
        let id = consultation.id
        func form(_ step: ConsultationStep, _ fields: HTML, _ button: String, secondary: Bool = false) -> HTML {
            """
            <form method="post" action="\(SiteURL.consultationStep(.value(id), step))" class="step">
              \(Fields.csrf(context.csrfToken))\(keyField)\(fields)<button type="submit"\(HTML(raw: secondary ? " class=\"secondary\"" : ""))>\(button)</button>
            </form>
            """
        }
        switch viewer {
        case .supervisor:
            return .empty
        case .asker:
            if state == .waiting { return form(.withdraw, .empty, "不等了，结束咨询", secondary: true) }
            if canRate {
                let stars = (1...5).reversed().map { (value: String($0), label: String(repeating: "★", count: $0) + "（\($0)分）") }
                return """
                <section class="rate" aria-labelledby="rate-title"><h2 id="rate-title">请对本次服务评价</h2>
                \(form(.rate, Fields.select("stars", "评分", options: stars, selected: nil, errors: errors) + Fields.textarea("comment", "意见建议", value: "", errors: errors, required: false), "提交评价"))
                </section>
                """
            }
            if let rating { return "<p>您的评价：\(String(repeating: "★", count: rating))，谢谢。</p>" }
            return .empty
        case .staff(let responsible, _):
            var parts: [HTML] = []
            if state == .waiting || (state == .callback && !responsible) || (state == .awaitingReply && !responsible) {
                parts.append(form(.take, .empty, state == .waiting ? "接入" : "由我办理"))
            }
            if state == .callback {
                let results = CallbackResult.allCases.map { (value: $0.rawValue, label: $0.chinese) }
                parts.append("<h2>回电</h2>" + form(.callback, Fields.scoped("callback", Fields.select("result", "回电结果", options: results, selected: nil, errors: errors)
                    + Fields.text("note", "备注", value: "", errors: errors, required: false)), "记录本次回电"))
            }
            if state == .awaitingReply {
                parts.append("<h2>书面答复</h2>" + form(.reply, Fields.textarea("reply", "答复内容", value: "", errors: errors,
                                                                         hint: "答复将通知咨询人；请勿写入与问题无关的个人信息。"), "发送答复"))
            }
            if responsible && state == .active {
                parts.append("<h2>结束咨询</h2>" + form(.close, Fields.scoped("close", Fields.select("outcome", "咨询结果", options: Self.outcomeChoices, selected: nil, errors: errors)
                    + Fields.textarea("note", "说明", value: "", errors: errors, hint: "转介或转其他热线时必填：写明转交事项和接收单位；转为申请时写明请求事项", required: false)
                    + Fields.select("communityPointID", "咨询人所在社区（村）", options: communityPoints, selected: nil, errors: errors,
                                    hint: "转为法律援助申请时必填：申请由该社区所属的工作站初审", required: false)
                    + Fields.checkbox("consent", "咨询人已同意将本次咨询内容用于法律援助申请", checked: false, errors: errors)), "结束咨询"))
                if !colleagues.isEmpty {
                    parts.append("<h2>转交同事</h2>" + form(.handOver, Fields.scoped("handover", Fields.select("to", "接手的同事（正在值班）", options: colleagues.map { ($0.id.uuidString, $0.name) }, selected: nil, errors: errors)
                        + Fields.textarea("note", "交接说明", value: "", errors: errors, hint: "写明已了解的情况和需要接续办理的事项")), "转交", secondary: true))
                }
            }
            return parts.isEmpty ? .empty : "<section class=\"staff-actions\">\(parts)</section>"
        }
    }
}

extension Result {
    func get(or fallback: Success) -> Success {
        if case .success(let value) = self { return value }
        return fallback
    }
}
