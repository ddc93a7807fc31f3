import LegalAidCore

/// 法律咨询: ask a question, live or in writing, and the asker's own earlier consultations.
struct ConsultPage: PageView {
    struct Form {
        var channel = "live"
        var topic = ""
        var question = ""
        var name = ""
        var phone = ""
        var phoneCode = ""
    }

    var deskName: String
    var availability: ConsultationDesk.Availability
    /// Anonymous askers leave a number for the call back and the SMS.
    var signedIn: Bool
    var form = Form()
    var errors = FormErrors()
    var earlier: [API.ConsultationSummary] = []
    /// An anonymous asker was just sent a code to confirm their number ("尾号0003").
    var codeSentTo: String?

    var title: String { "法律咨询" }

    /// The second step for an anonymous asker: the code sent to their number.
    private var codeStep: HTML {
        guard codeSentTo != nil || errors["phoneCode"] != nil else { return .empty }
        return """
        \(codeSentTo.map { to -> HTML in "<p class=\"notice\" role=\"status\">验证码已发送到\(to)的手机，5分钟内有效。请输入验证码，再按“开始咨询”。</p>" })
        \(Fields.text("phoneCode", "短信验证码", value: form.phoneCode, errors: errors, hint: "6位数字", autocomplete: "one-time-code", inputmode: "numeric"))
        """
    }

    func body(in context: PageContext) -> HTML {
        let open = availability.isOpen
        let topics = ConsultationTopic.allCases.map { (value: $0.rawValue, label: $0.chinese) }
        let channel = open ? form.channel : "messageBoard"
        let mine: [HTML] = earlier.map { c in
            "<li><a href=\"\(SiteURL.consultation(.value(c.id)))\">\(c.topicLabel)</a> · \(c.stateLabel) · <time>\(TimeText.chinese(c.queuedAt))</time></li>"
        }
        return """
        <p class="lead">律师和法律援助工作人员免费解答您的法律问题。也可以直接拨打<strong><a href="tel:12348">12348</a></strong>公共法律服务热线。</p>
        <section class="desk-status \(open ? "is-open" : "is-closed")" aria-label="服务状态">
          <h2>\(deskName)</h2>
          <p>\(availability.chinese)</p>
        </section>
        \(errors.summary(labels: [:]))
        <form method="post" action="\(SiteURL.consult)" class="consult-form">
          \(Fields.csrf(context.csrfToken))
          <fieldset class="choices" id="\(Fields.domID("channel"))"><legend>咨询方式</legend>
            <label for="f-channel-live"><input type="radio" id="f-channel-live" name="channel" value="live"\(HTML(raw: channel == "live" ? " checked" : ""))\(HTML(raw: open ? "" : " disabled"))> <span>在线咨询：与值班律师或工作人员即时文字交流\(open ? "" : "（当前未开放）")</span></label>
            <label for="f-channel-board"><input type="radio" id="f-channel-board" name="channel" value="messageBoard"\(HTML(raw: channel == "messageBoard" ? " checked" : ""))> <span>留言咨询：写下问题，工作日24小时内书面答复（遇节假日顺延）</span></label>
            \(errors["channel"].map { e -> HTML in "<p class=\"field-error\">\(e)</p>" })
          </fieldset>
          \(Fields.select("topic", "咨询类别", options: topics, selected: form.topic, errors: errors))
          \(Fields.textarea("question", "您的问题", value: form.question, errors: errors, hint: "请简要说明发生了什么、您想知道什么。不要填写身份证号等个人证件信息。"))
          \(Fields.text("name", "怎么称呼您", value: form.name, errors: errors, hint: "如“王女士”“李师傅”", autocomplete: "name"))
          \(Fields.text("phone", "手机号", value: form.phone, errors: errors,
                        hint: signedIn ? "选填。留下手机号，无人接入时12348热线将回电。" : "无人及时接入时，12348热线将拨打这个号码回电；答复后也会短信通知您。",
                        type: "tel", required: !signedIn, autocomplete: "tel", inputmode: "numeric"))
          \(when(!signedIn && codeSentTo == nil && errors["phoneCode"] == nil) {
              "<p class=\"hint\">按“开始咨询”后，我们会向这个手机号发送6位验证码，确认号码无误。</p>"
          })
          \(codeStep)
          <button type="submit">开始咨询</button>
          \(when(codeSentTo != nil || errors["phoneCode"] != nil) {
              "<button type=\"submit\" name=\"intent\" value=\"resendCode\" class=\"secondary\" formnovalidate>重新获取验证码</button>"
          })
        </form>
        \(when(!mine.isEmpty) { "<h2>我的咨询</h2><ul class=\"plain\">\(mine)</ul>" })
        """
    }
}
