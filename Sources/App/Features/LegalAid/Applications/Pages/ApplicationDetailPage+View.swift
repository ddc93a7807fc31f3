import LegalAidCore
import Vapor

extension ApplicationDetailPage: PageView {
    var title: String { "法律援助申请 \(app.number)" }

    func body(in context: PageContext) -> HTML {
        let csrf = context.csrfToken
        let form = app.form
        let body: HTML = """
        \(when(failedAction != nil) { errors.summary(scope: failedAction == "upload" ? nil : failedAction) })
        \(when(isStaff && app.possibleDuplicateOf != nil) { duplicateWarning })
        \(summary.render())
        \(when(app.applicationState == .draft) { "<p><a class=\"button\" href=\"\(SiteURL.editApplication(app.id))\">继续填写</a></p>" })
        \(casePanel)
        \(sideExitPanels(csrf: csrf))
        \(when(isStaff) { eligibilityPanel })
        \(actionForms(csrf: csrf))
        <h2>申请内容</h2>
        \(when(mayReveal && !revealed) { "<p class=\"hint\">证件号和手机号已部分隐藏。<a href=\"\(SiteURL.application(app.id))?reveal=1\">显示完整号码</a>（查看将被记录）</p>" })
        <div class="panel">
          <dl class="facts">
            <dt>申请人</dt><dd>\(form.applicant.name)</dd>
            <dt>身份证号码</dt><dd>\(revealed ? form.applicant.idNumber : ResidentID.parse(form.applicant.idNumber).map(\.masked).value ?? "—")</dd>
            <dt>手机号码</dt><dd>\(revealed ? form.applicant.phone : MobileNumber.parse(form.applicant.phone)?.masked ?? "—")</dd>
            <dt>住址</dt><dd>\(form.applicant.address)</dd>
            \(form.agent.map { agent -> HTML in "<dt>代理人</dt><dd>\(agent.name)（\(agent.relation.chinese)）</dd>" })
            <dt>案件类型</dt><dd>\(form.matter.type?.chinese ?? "—")</dd>
            <dt>案由</dt><dd>\(form.matter.cause)</dd>
            <dt>对方当事人</dt><dd>\(form.matter.opposingParty.isEmpty ? "—" : form.matter.opposingParty)</dd>
            <dt>事实和经过</dt><dd>\(form.matter.facts)</dd>
            <dt>请求事项</dt><dd>\(form.matter.helpWanted)</dd>
            <dt>家庭人口 / 月收入</dt><dd>\(form.household.members.map { "\($0)人" } ?? "—") / \(form.household.monthlyIncomeYuan.map { "\($0)元" } ?? "—")</dd>
            <dt>免审情形</dt><dd>\(form.exemptions.isEmpty ? "无" : form.exemptions.map(\.chinese).joined(separator: "；"))\(form.exemptionProof.isEmpty ? "" : "（\(form.exemptionProof)）")</dd>
            \(form.meansFreeGround.map { ground -> HTML in "<dt>不受经济条件限制</dt><dd>\(ground.chinese)</dd>" })
            \(when(!form.priorities.isEmpty) { "<dt>优先情形</dt><dd>\(form.priorities.map(\.chinese).joined(separator: "、"))</dd>" })
            <dt>联系点 / 初审机构</dt><dd>\(reference.name(app.communityPointID)) / \(reference.name(app.preReviewOrganisationID))</dd>
          </dl>
        </div>
        \(attachmentSection(csrf: csrf))
        \(documentSection)
        \(when(isStaff) { "<h2>完整办理记录</h2>" + summary.timeline(detailed: true) })
        """
        return body
    }

    private var duplicateWarning: HTML {
        """
        <div class="panel notice" role="note"><h2>疑似重复申请</h2>
        <p>同一身份证号的申请人在\(DuplicateApplication.windowDays)日内已就同类事项提交过申请 <strong>\(app.possibleDuplicateOf ?? "")</strong>。
        请核实是否为重复提交（例如连续点击两次提交，或线上、窗口各提交一次）；确属重复的，可以与申请人联系后撤回其中一份。</p></div>
        """
    }

    private var casePanel: HTML {
        guard let legalAidCase else { return .empty }
        // Only for those the case is open to: pre-review staff see its state here, not the case file.
        let mayOpenCase = isStaff && account.actor.map { AccessPolicy.canViewCase(legalAidCase.scope(applicant: app), actor: $0, tree: reference.tree) } == true
        let link: HTML = when(mayOpenCase) { " <a href=\"\(SiteURL.legalAidCase(legalAidCase.id))\">查看案件办理</a>" }
        return """
        <div class="panel"><h2>法律援助案件</h2><dl class="facts">
          <dt>办理状态</dt><dd>\(legalAidCase.caseState.chinese)\(link)</dd>
          <dt>承办律师</dt><dd>\(caseLawyer ?? "尚未指派（\(CaseDates.chinese(legalAidCase.assignmentDue))前指派）")</dd>
          \(when(legalAidCase.consent != nil) { "<dt>先行调解</dt><dd>\(legalAidCase.consent?.chinese ?? "")</dd>" })
        </dl>
        \(when(!caseProgress.isEmpty) { "<h3>办理进展</h3><ol class=\"timeline\">" + caseProgress.map { item -> HTML in "<li><time>\(TimeText.chinese(item.at))</time><strong>\(item.progressKind.chinese)</strong><br>\(item.note)</li>" }.joined() + "</ol>" })
        </div>
        """
    }

    private var eligibilityPanel: HTML {
        guard let finding = app.eligibility else { return .empty }
        let green: HTML = when(finding.greenChannel) { "<p><strong>绿色通道：即申即批</strong></p>" }
        let priorities: HTML = when(!finding.priorities.isEmpty) { "<p>优先办理：\(finding.priorities.map(\.chinese).joined(separator: "、"))</p>" }
        return """
        <div class="panel"><h2>系统条件判断</h2>
          <p><strong>\(finding.outcome.chinese)</strong>（依据：\(finding.article)）</p>
          <p>\(finding.explanation)</p>\(green)\(priorities)
          <p class="hint">系统判断仅供参考；审查意见与之不一致时须写明理由并留痕。</p>
        </div>
        """
    }

    private func actionForms(csrf: String) -> HTML {
        guard !availableEvents.isEmpty else { return .empty }
        let forms: [HTML] = availableEvents.map { actionForm($0, csrf: csrf) }
        return "<h2>办理</h2>\(forms)"
    }

    private func value(_ name: String, _ fallback: String = "") -> String { values[name] ?? fallback }

    private func actionForm(_ kind: ApplicationEventKind, csrf: String) -> HTML {
        let open = failedAction == kind.rawValue
        let errs = open ? errors : FormErrors()
        let fields: HTML
        var buttonClass = ""
        switch kind {
        case .submit:
            return .empty // submitted from the form page
        case .requestMaterials:
            fields = Fields.textarea("items", "需要补充的全部材料（每行一项）", value: value("items"), errors: errs, hint: "一次性告知：请把缺少的材料全部列出")
                + Fields.text("supplyBy", "补充期限", value: value("supplyBy", defaultSupplyBy.iso), errors: errs, type: "date")
        case .supplyMaterials:
            fields = Fields.textarea("note", "补充说明", value: value("note"), errors: errs, hint: "说明已补充了哪些材料；文件请在下方“证据和证明材料”上传", required: false)
        case .preReject:
            fields = Fields.textarea("reason", "不通过的理由", value: value("reason"), errors: errs)
                + Fields.textarea("referral", "建议申请人寻求帮助的其他途径", value: value("referral"), errors: errs, hint: "例如：人民调解委员会、12333劳动保障热线、法院诉讼服务中心")
            buttonClass = "secondary"
        case .preApprove:
            fields = Fields.textarea("opinion", "初审意见", value: value("opinion", "经视频核对申请人身份及材料，符合法律援助条件，同意报送法律援助中心。"), errors: errs)
        case .accept:
            fields = .empty
        case .fileReview:
            fields = Fields.select("recommendation", "审查结论", options: [(value: "approve", label: "建议给予法律援助"), (value: "deny", label: "建议不予法律援助")],
                                   selected: value("recommendation", app.eligibility?.outcome == .ineligible ? "deny" : "approve"), errors: errs)
                + Fields.textarea("opinion", "审查意见", value: value("opinion"), errors: errs)
                + Fields.textarea("eligibilityOverride", "不采纳系统判断的理由", value: value("eligibilityOverride"), errors: errs,
                                  hint: "审查结论与系统条件判断不一致时必填", required: false)
        case .approve:
            fields = Fields.textarea("note", "审批意见", value: value("note"), errors: errs, required: false)
        case .deny:
            fields = Fields.textarea("reasons", "不予法律援助的理由（将写入决定书）", value: value("reasons"), errors: errs)
            buttonClass = "secondary"
        case .returnForReview:
            fields = Fields.textarea("reason", "退回理由", value: value("reason"), errors: errs)
            buttonClass = "secondary"
        case .withdraw:
            fields = Fields.textarea("reason", "撤回原因", value: value("reason"), errors: errs, required: false)
            buttonClass = "secondary"
        case .deemWithdrawn:
            fields = "<p>补充材料期限已过仍未补充的，可以按视为撤回处理（法律援助法第43条）。</p>"
            buttonClass = "secondary"
        case .reopenAfterObjection:
            return ""
        }
        return """
        <details class="panel"\(HTML(raw: open || availableEvents.count <= 2 ? " open" : ""))>
          <summary><strong>\(kind.chinese)</strong></summary>
          <form method="post" action="\(SiteURL.action(app.id, kind))" novalidate>
            \(Fields.csrf(csrf))
            \(Fields.hidden("version", String(app.version)))
            \(Fields.scoped(kind.rawValue, fields))
            <div class="actions"><button type="submit" class="\(buttonClass)">\(kind.chinese)</button></div>
          </form>
        </details>
        """
    }

    private func attachmentSection(csrf: String) -> HTML {
        let items: [HTML] = attachments.map { file in
            "<li><a href=\"\(SiteURL.attachment(file.id))\">\(file.originalName)</a>（\(ByteCount.text(file.size))，\(TimeText.chinese(file.createdAt ?? Date()))）</li>"
        }
        let upload: HTML = when(canUpload && app.applicationState != .draft) {
            let uploadError: HTML = (failedAction == "upload" ? errors["attachments"] : nil).map { e -> HTML in "<p class=\"field-error\">\(e)</p>" } ?? .empty
            return """
            <form method="post" action="\(SiteURL.uploadAttachments(app.id))" enctype="multipart/form-data" class="panel" novalidate>
              \(Fields.csrf(csrf))
              <div class="field\(failedAction == "upload" ? " has-error" : "")">
                <label for="f-attachments">上传补充材料（照片或PDF）</label>
                <input type="file" id="f-attachments" name="attachments[]" multiple accept="image/*,application/pdf">
                \(uploadError)
              </div>
              <div class="actions"><button type="submit" class="secondary">上传</button></div>
            </form>
            """
        }
        return """
        <h2>证据和证明材料</h2>
        \((items.isEmpty ? "<p>尚未上传材料。</p>" : "<ul>\(items)</ul>") as HTML)
        \(upload)
        """
    }

    private var documentSection: HTML {
        guard !documents.isEmpty else { return .empty }
        let items: [HTML] = documents.map { doc in
            "<li><a href=\"\(SiteURL.document(doc.id))\">\(doc.content.title)</a> \(doc.number)</li>"
        }
        return "<h2>文书（可打印）</h2><ul>\(items)</ul>"
    }
}

extension Result {
    var value: Success? { try? get() }
}
