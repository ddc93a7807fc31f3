import LegalAidCore
import Vapor

extension ApplicationFormPage: PageView {
    var title: String { applicationNumber.map { "法律援助申请 \($0)" } ?? "申请法律援助" }

    func body(in context: PageContext) -> HTML {
        let f = form
        let matterOptions = MatterType.allCases.map { (value: $0.rawValue, label: $0.chinese) }
        let relationOptions = ApplicationForm.AgentRelation.allCases.map { (value: $0.rawValue, label: $0.chinese) }
        let exemptionOptions = HardshipExemption.allCases.map { (value: $0.rawValue, label: $0.chinese) }
        let groundOptions = MeansFreeGround.allCases.map { (value: $0.rawValue, label: $0.chinese) }
        let priorityOptions = PriorityCategory.allCases.map { (value: $0.rawValue, label: $0.chinese) }
        let agent = f.agent ?? ApplicationForm.Agent()
        let body: HTML = """
        \(errors.summary())
        <p class="hint">带“（选填）”的可以不填，其余都需要填写。可以先点“保存草稿”，以后再来补充。不会填写的，可以到所在社区的法律援助联系点请工作人员帮助，或拨打12348。</p>
        \(filingFor.map { who -> HTML in "<p class=\"notice\">您正在以<strong>\(who)</strong>的名义代申请人填写《法援在线初审案件申请表》。</p>" })
        <form method="post" action="\(action)" enctype="multipart/form-data" novalidate>
        \(Fields.csrf(context.csrfToken))
        \(version.map { Fields.hidden("version", String($0)) })
        <fieldset><legend>一、申请人信息</legend>
          \(Fields.text("applicant.name", "姓名", value: f.applicant.name, errors: errors))
          \(Fields.text("applicant.idNumber", "身份证号码", value: f.applicant.idNumber, errors: errors, hint: "18位，最后一位可能是X"))
          \(Fields.text("applicant.phone", "手机号码", value: f.applicant.phone, errors: errors, hint: "用于接收办理进度短信", type: "tel", inputmode: "numeric"))
          \(Fields.text("applicant.address", "住址", value: f.applicant.address, errors: errors))
          \(Fields.text("applicant.employer", "工作单位", value: f.applicant.employer, errors: errors, required: false))
          \(when(isCitizen) { Fields.select("communityPointID", "所在社区（村）", options: communityPoints, selected: selectedCommunityPoint, errors: errors, hint: "申请将由该社区所属的街道法律援助工作站初审") })
          \(Fields.select("preReviewOrganisationID", "改由部门联络中心初审", options: liaisonCentres, selected: selectedPreReview, errors: errors,
                          hint: "妇女、职工等可选择对应的部门联络中心初审；不选则由街道工作站初审", required: false, placeholder: "不选择（由街道工作站初审）"))
        </fieldset>
        <fieldset><legend>二、代理人（监护人或近亲属代为申请时填写）</legend>
          \(Fields.checkbox("hasAgent", "由代理人代为申请", checked: f.agent != nil, errors: errors))
          <div id="agent-fields">
          \(Fields.text("agent.name", "代理人姓名", value: agent.name, errors: errors, required: false))
          \(Fields.select("agent.relation", "与申请人关系", options: relationOptions, selected: agent.relation.rawValue, errors: errors, required: false))
          \(Fields.text("agent.idNumber", "代理人身份证号码", value: agent.idNumber, errors: errors, required: false))
          \(Fields.text("agent.phone", "代理人手机号码", value: agent.phone, errors: errors, type: "tel", required: false, inputmode: "numeric"))
          </div>
        </fieldset>
        <fieldset><legend>三、申请事项</legend>
          \(Fields.select("matter.type", "案件类型", options: matterOptions, selected: f.matter.type?.rawValue, errors: errors))
          \(Fields.text("matter.cause", "案由", value: f.matter.cause, errors: errors, hint: "例如：追索劳动报酬纠纷、赡养纠纷"))
          \(Fields.text("matter.opposingParty", "对方当事人", value: f.matter.opposingParty, errors: errors, required: false))
          \(Fields.textarea("matter.facts", "事实和经过", value: f.matter.facts, errors: errors, hint: "发生了什么、什么时候、涉及多少钱"))
          \(Fields.textarea("matter.helpWanted", "希望得到的帮助（请求事项）", value: f.matter.helpWanted, errors: errors))
          \(Fields.checkbox("matter.applicantDetained", "申请人目前被羁押", checked: f.matter.applicantDetained, errors: errors))
        </fieldset>
        <fieldset><legend>四、家庭经济状况</legend>
          \(Fields.text("household.members", "家庭人口数（含本人）", value: f.household.members.map(String.init) ?? "", errors: errors, type: "text", inputmode: "numeric"))
          \(Fields.text("household.monthlyIncomeYuan", "家庭月收入合计（元）", value: f.household.monthlyIncomeYuan.map(String.init) ?? "", errors: errors,
                        hint: "全家每月收入加在一起；符合下面免予审查情形的可以不填", inputmode: "numeric"))
          \(Fields.text("household.incomeNote", "收入来源说明", value: f.household.incomeNote, errors: errors, required: false))
          \(Fields.checkboxes("exemptions[]", "免予经济困难审查的情形（法律援助法第42条）", options: exemptionOptions, checked: Set(f.exemptions.map(\.rawValue)), errors: errors,
                              hint: "符合的请勾选，并在下面说明证明材料（如低保证、残疾证、法律援助卡）"))
          \(Fields.text("exemptionProof", "证明材料说明", value: f.exemptionProof, errors: errors, required: false))
          \(Fields.checkboxes("priorities[]", "涉及以下情形（优先办理）", options: priorityOptions, checked: Set(f.priorities.map(\.rawValue)), errors: errors))
          <p class="notice" id="means-free-offer" role="status" data-ground="\(MeansFreeGround.abuseAbandonmentDomesticViolence.rawValue)"\(HTML(raw: f.meansFreeGround == nil && f.victimOf != nil ? "" : " hidden"))>遭受家庭暴力、虐待或者遗弃的，为主张相关权益申请法律援助，不受经济困难条件限制（法律援助法第32条）。请在下面选择这一情形，不需要填写收入。</p>
          \(Fields.select("meansFreeGround", "不受经济困难条件限制的情形（法律援助法第32条）", options: groundOptions, selected: f.meansFreeGround?.rawValue ?? f.suggestedMeansFreeGround?.rawValue, errors: errors, required: false, placeholder: "不适用"))
        </fieldset>
        <fieldset><legend>五、证据和证明材料</legend>
          \(attachmentList)
          <div class="field\(errors["attachments"] == nil ? "" : " has-error")">
            <label for="f-attachments">上传照片或PDF（可一次选择多个）（选填）</label>
            <p class="hint" id="f-attachments-hint">身份证、收入证明、欠条、合同、判决书等，可用手机拍照上传。每个文件不超过\(maxUploadMB)MB。</p>
            <input type="file" id="f-attachments" name="attachments[]" multiple accept="image/*,application/pdf" aria-describedby="f-attachments-hint">
            \(errors["attachments"].map { e -> HTML in "<p class=\"field-error\">\(e)</p>" })
          </div>
          \(Fields.text("preferredLawyer", "希望指派的律师（如有）", value: f.preferredLawyer, errors: errors, required: false))
        </fieldset>
        <fieldset><legend>六、个人诚信承诺</legend>
          \(Fields.checkbox("integrityPledge", "本人承诺所填内容和所交材料真实、完整，如有虚假愿承担法律责任（法律援助法第41条）", checked: f.integrityPledge, errors: errors))
        </fieldset>
        <div class="actions">
          <button type="submit" name="action" value="submit">提交申请</button>
          <button type="submit" name="action" value="save" class="secondary">保存草稿</button>
        </div>
        </form>
        """
        return body
    }

    private var attachmentList: HTML {
        guard !attachments.isEmpty else { return .empty }
        let items: [HTML] = attachments.map { "<li>\($0.originalName)（\(ByteCount.text($0.size))）</li>" }
        return "<p>已上传：</p><ul>\(items)</ul>"
    }
}

enum ByteCount {
    static func text(_ bytes: Int) -> String {
        bytes >= 1024 * 1024 ? String(format: "%.1fMB", Double(bytes) / 1_048_576) : "\(max(1, bytes / 1024))KB"
    }
}
