import Foundation
import MediationCore

/// 申请人民调解: a citizen online (their own name and number filled in), or staff at a window,
/// from a consultation, an aid case, a court's referral or a village adviser (who say which).
struct MediationApplyPage: PageView {
    var form: MediationInput.Form
    var errors: FormErrors
    /// Every village or community committee of the district: the places committees serve.
    var places: [(value: String, label: String)]
    /// Staff choose where it came from; a citizen applies themselves.
    var staff: Bool

    var title: String { staff ? "登记人民调解" : "申请人民调解" }

    var action: SiteURL { staff ? .newMediation : .applyMediation }

    func body(in context: PageContext) -> HTML {
        let types = DisputeType.allCases.map { (value: $0.rawValue, label: $0.chinese) }
        let sources = MediationSource.allCases.filter { $0 != .partyApplication || staff }.map { (value: $0.rawValue, label: $0.chinese) }
        let intro: HTML = staff
            ? "<p>登记当事人到窗口申请、调解委员会主动调解、法院诉前委派或村（居）法律顾问转来的纠纷。提交后系统按纠纷类型和当事人所在村（社区）确定调解委员会，并用短信邀请对方当事人答复。</p>"
            : """
              <p>人民调解<strong>免费</strong>，双方自愿。提交后，调解委员会用短信请对方在7日内答复是否同意调解；同意的，调解员会联系您约定时间地点（也可以视频调解）。</p>
              <p>不方便在网上填写的，可以拨打 <a href="tel:12348">12348</a>，或到所在社区（村）的公共法律服务点请工作人员帮助。</p>
              """
        return """
        \(intro)
        \(errors.summary())
        <form method="post" action="\(action)" class="stack">
          \(Fields.csrf(context.csrfToken))
          \(Fields.hidden("sourceRef", form.sourceRef ?? ""))
          \(when(staff) { Fields.select("source", "调解从哪里来", options: sources, selected: form.source, errors: errors) })
          \(Fields.select("type", "纠纷类型", options: types, selected: form.type, errors: errors))
          <fieldset><legend>申请人</legend>
          \(Fields.text("applicantName", "姓名（单位填单位名称）", value: form.applicantName ?? "", errors: errors))
          \(Fields.text("applicantPhone", "手机号", value: form.applicantPhone ?? "", errors: errors, hint: "用于通知调解进展和签署协议", type: "tel"))
          \(Fields.text("applicantAgent", "代理人", value: form.applicantAgent ?? "", errors: errors, hint: "例如：王某（儿子）", required: false))
          \(Fields.select("applicantPlace", "您所在的村（社区）", options: places, selected: form.applicantPlace, errors: errors, required: false))
          </fieldset>
          <fieldset><legend>对方当事人</legend>
          \(Fields.text("respondentName", "姓名或单位名称", value: form.respondentName ?? "", errors: errors))
          \(Fields.checkbox("respondentOrganisation", "对方是单位（公司、物业等）", checked: form.respondentOrganisation == "true", errors: errors))
          \(Fields.text("respondentPhone", "对方手机号", value: form.respondentPhone ?? "", errors: errors, hint: "调解委员会用短信请对方答复；不知道的可以不填，由调解员当面通知", type: "tel", required: false))
          \(Fields.text("respondentAddress", "对方住址或单位地址", value: form.respondentAddress ?? "", errors: errors, required: false))
          \(Fields.select("respondentPlace", "对方所在的村（社区）", options: places, selected: form.respondentPlace, errors: errors, hint: "纠纷一般由对方或您所在村（社区）的调解委员会调解；劳动、交通事故、医疗纠纷由行业调解委员会调解", required: false))
          </fieldset>
          \(Fields.textarea("facts", "发生了什么", value: form.facts ?? "", errors: errors, hint: "简要写明时间、地点、经过和现在的情况"))
          \(Fields.textarea("claims", "希望怎样解决", value: form.claims ?? "", errors: errors, hint: "例如：请对方赔偿漏水造成的损失2000元"))
          \(Fields.text("language", "需要的语言或方言", value: form.language ?? "", errors: errors, hint: "例如：粤语、维吾尔语、手语", required: false))
          \(when(staff) { Fields.checkbox("joint", "双方当事人共同申请（不需要再征求对方意见）", checked: form.joint == "true", errors: errors) })
          <button type="submit">\(staff ? "登记并通知对方" : "提交调解申请")</button>
        </form>
        """
    }
}

/// After staff outside the committee referred a dispute: where it went.
struct MediationReferredPage: PageView {
    var number: String
    var committee: String
    var invited: Bool

    var title: String { "已转人民调解" }

    func body(in context: PageContext) -> HTML {
        """
        <div class="panel" role="status">
          <p>已转交<strong>\(committee)</strong>调解，编号 <strong>\(number)</strong>。</p>
          <p>\(invited ? "已用短信请对方当事人答复是否同意调解。" : "对方没有登记手机号，调解委员会将当面通知对方。")调解进展会通知申请人。</p>
        </div>
        <p><a href="\(SiteURL.home)">返回首页</a></p>
        """
    }
}
