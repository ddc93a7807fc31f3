import Foundation
import MediationCore

/// A party's page, in plain words: who asked for mediation and what about, the answer asked of
/// them and by when, their rights and duties, where the mediation stands, the agreement, and
/// what they can still do if it did not settle.
struct MediationPartyPage: PageView {
    var party: UUID
    var mediationID: UUID
    var version: Int
    var name: String
    var side: MediationPartyModel.Side
    var number: String
    var type: String
    var state: MediationState
    var committee: String
    var committeePhone: String?
    var mediator: String?
    var applicant: String
    var facts: String
    var claims: String
    var replyDue: String?
    var mayReply: Bool
    var reply: String?
    var rightsAcknowledged: Bool
    var mayAcknowledge: Bool
    var endedReason: String?
    var routes: [RoutesStillOpen.Route]
    var agreement: MediationPage.AgreementView?
    /// Their signature is still wanted on the current version.
    var maySign = false
    var confirmationDue: String?
    var due: String?
    var errors = FormErrors([])

    var title: String { "人民调解 \(number)" }

    func body(in context: PageContext) -> HTML {
        let contact: HTML = "<p>有疑问可以联系\(committee)\(committeePhone.map { p -> HTML in "（电话 <a href=\"tel:\(p)\">\(p)</a>）" })，或拨打 <a href=\"tel:12348\">12348</a>。</p>"
        return """
        \(errors.summary())
        <p>\(name)，您好。这是<strong>\(committee)</strong>的人民调解（编号\(number)）。人民调解<strong>免费</strong>，参加与否由您自愿决定。</p>
        <dl class="facts">
          <dt>现在的情况</dt><dd><strong>\(state.chinese)</strong>\(due.map { d -> HTML in "；\(d)" })</dd>
          <dt>纠纷类型</dt><dd>\(type)</dd>
          <dt>申请人</dt><dd>\(applicant)</dd>
          \(mediator.map { m -> HTML in "<dt>调解员</dt><dd>\(m)</dd>" })
          \(endedReason.map { r -> HTML in "<dt>终止原因</dt><dd>\(r)</dd>" })
        </dl>
        <section aria-labelledby="what"><h2 id="what">申请调解的事项</h2>
        <h3>发生了什么（申请人所述）</h3><p class="prewrap">\(facts)</p>
        <h3>希望怎样解决</h3><p class="prewrap">\(claims)</p></section>
        \(replySection(context))
        \(rightsSection(context))
        \(agreementSection)
        \(signSection(context))
        \(routesSection)
        \(contact)
        """
    }

    private func replySection(_ context: PageContext) -> HTML {
        guard mayReply else { return .empty }
        return """
        <section aria-labelledby="reply" class="panel"><h2 id="reply">您是否同意调解？</h2>
        <p>请在<strong>\(replyDue ?? "答复期限")</strong>前答复。逾期不答复的，视为不同意调解，调解不会进行。</p>
        <form method="post" action="\(SiteURL.mediationPartyAction(.value(party), .reply))" class="stack">
          \(Fields.csrf(context.csrfToken))\(Fields.hidden("version", String(version)))
          <fieldset class="choices" id="f-answer"><legend>我的答复</legend>
            <label for="f-answer-accept"><input type="radio" id="f-answer-accept" name="answer" value="accept"> <span>同意调解</span></label>
            <label for="f-answer-refuse"><input type="radio" id="f-answer-refuse" name="answer" value="refuse"> <span>不同意调解</span></label>
            \(errors["answer"].map { e -> HTML in "<p class=\"field-error\">\(e)</p>" })
          </fieldset>
          \(Fields.text("reason", "不同意的原因", value: "", errors: errors, hint: "不同意调解时请简单说明，调解委员会会告知对方", required: false))
          <button type="submit">提交答复</button>
        </form></section>
        """
    }

    private func rightsSection(_ context: PageContext) -> HTML {
        guard mayAcknowledge || rightsAcknowledged else { return .empty }
        let rights: [HTML] = RightsNotice.rights.map { "<li>\($0)</li>" }
        let duties: [HTML] = RightsNotice.duties.map { "<li>\($0)</li>" }
        let confirm: HTML = mayAcknowledge ? """
            <form method="post" action="\(SiteURL.mediationPartyAction(.value(party), .rights))" class="stack">
              \(Fields.csrf(context.csrfToken))
              \(Fields.checkbox("understood", "我已阅读并知悉上述权利和义务", checked: false, errors: errors))
              <button type="submit">确认</button>
            </form>
            """ : "<p>您已确认知悉。</p>"
        return """
        <section aria-labelledby="rights"><h2 id="rights">您在调解中的权利和义务</h2>
        <p>您有权：</p><ul>\(rights)</ul>
        <p>您应当：</p><ul>\(duties)</ul>
        \(confirm)</section>
        """
    }

    private var agreementSection: HTML {
        guard let agreement else { return .empty }
        return """
        <section aria-labelledby="agreement"><h2 id="agreement">调解协议</h2>
        <p>第\(agreement.version)版，\(agreement.effective ? "已生效" : "签名后由调解委员会盖章生效")。<a href="\(SiteURL.mediationAgreementPrint(.value(mediationID)))">查看并打印协议书</a></p>
        <p class="prewrap">\(agreement.terms)</p>
        \(when(agreement.effective && !agreement.oral) { "<p>协议已生效，具有法律约束力。双方可在<strong>\(confirmationDue ?? "协议生效后30日")</strong>前共同向人民法院申请司法确认，确认后一方不履行的，另一方可以申请强制执行。</p>" })
        </section>
        """
    }

    private func signSection(_ context: PageContext) -> HTML {
        guard maySign, let agreement else { return .empty }
        return """
        <section aria-labelledby="sign" class="panel"><h2 id="sign">在协议上签名</h2>
        <p>请先仔细阅读上面的第\(agreement.version)版协议。同意的，点“获取验证码”，把手机收到的6位验证码填在下面，确认签名。签名后协议内容不能再改；需要修改的，调解员会生成新版本请各方重新签名。</p>
        <form method="post" action="\(SiteURL.mediationPartyAction(.value(party), .code))" class="stack">
          \(Fields.csrf(context.csrfToken))
          <button type="submit" class="secondary">获取验证码</button>
        </form>
        <form method="post" action="\(SiteURL.mediationPartyAction(.value(party), .sign))" class="stack">
          \(Fields.csrf(context.csrfToken))\(Fields.hidden("version", String(version)))
          \(Fields.text("code", "短信验证码", value: "", errors: errors, hint: "6位数字", inputmode: "numeric"))
          <button type="submit">确认签名</button>
        </form></section>
        """
    }

    private var routesSection: HTML {
        guard !routes.isEmpty else { return .empty }
        let items: [HTML] = routes.map { "<li><strong>\($0.title)</strong>：\($0.detail)</li>" }
        return "<section aria-labelledby=\"routes\"><h2 id=\"routes\">您还可以</h2><ul>\(items)</ul></section>"
    }
}

/// The page an SMS link opens (`/m/{party}/open#key=…`): it reads nothing; its script posts the
/// key from the fragment, once.
struct MediationOpenPage: PageView {
    var party: UUID

    var title: String { "打开调解通知" }

    func body(in context: PageContext) -> HTML {
        """
        <form method="post" action="\(SiteURL.mediationOpen(.value(party)))" id="mediation-open" class="panel">
          \(Fields.csrf(context.csrfToken))
          <input type="hidden" name="key" value="">
          <p role="status">正在打开调解通知……</p>
          <noscript><p class="notice">请允许浏览器运行脚本后，重新点开短信中的链接；也可以拨打<a href="tel:12348">12348</a>。</p></noscript>
        </form>
        <script src="\(SiteURL.mediationScript)" defer></script>
        """
    }
}

/// 我的调解: a citizen's own applications.
struct MyMediationsPage: PageView {
    struct Row: Sendable {
        var party: UUID
        var number: String
        var type: String
        var state: String
        var committee: String
        var createdAt: Date
    }

    var rows: [Row]
    var pager: HTML

    var title: String { "我的调解" }

    func body(in context: PageContext) -> HTML {
        let items: [HTML] = rows.map { r in
            "<li class=\"card\"><h2><a href=\"\(SiteURL.mediationParty(.value(r.party)))\">\(r.number)</a></h2><p>\(r.type)　\(r.committee)　<strong>\(r.state)</strong>　\(TimeText.chinese(r.createdAt))</p></li>"
        }
        let list: HTML = items.isEmpty ? "<p>您还没有申请过调解。</p>" : "<ul class=\"cards plain\">\(items)</ul>"
        return """
        <p><a class="button" href="\(SiteURL.applyMediation)">申请人民调解</a></p>
        \(list)
        \(pager)
        """
    }
}
