import Foundation
import MediationCore

/// How a mediation's page reads: its facts, then a section for each part of the work, each with
/// the forms for what can be done next (only to the committee's mediators).
extension MediationPage {
    var title: String { "调解 \(number)" }

    func body(in context: PageContext) -> HTML {
        """
        \(errors.summary())
        \(when(escalationOpen) { "<p class=\"notice urgent\" role=\"alert\"><strong>风险预警：</strong>\(escalation.joined(separator: "、"))</p>" })
        <dl class="facts">
          <dt>状态</dt><dd><strong>\(state.chinese)</strong>\(due.map { d -> HTML in "；\(d)" })</dd>
          <dt>纠纷类型</dt><dd>\(type)</dd>
          <dt>来源</dt><dd>\(source)</dd>
          <dt>调解委员会</dt><dd>\(committee)</dd>
          <dt>调解员</dt><dd>\(mediator ?? "尚未指定")</dd>
          \(language.map { l -> HTML in "<dt>语言需求</dt><dd>\(l)</dd>" })
          \(extensionReason.map { e -> HTML in "<dt>延长期限</dt><dd>已延长一次：\(e)</dd>" })
          \(endedReason.map { r -> HTML in "<dt>终止原因</dt><dd>\(r)</dd>" })
          \(effective.map { e -> HTML in "<dt>协议生效</dt><dd>\(e)\(oral ? "（口头协议）" : "")</dd>" })
          \(courtAnswer.map { a -> HTML in "<dt>司法确认</dt><dd>\(a)</dd>" })
          \(returnVisit.map { v -> HTML in "<dt>回访</dt><dd>\(performed == true ? "已履行" : "未履行")：\(v)</dd>" })
          \(escalationFollowUp.map { f -> HTML in "<dt>预警处置</dt><dd>\(f)</dd>" })
          <dt>登记时间</dt><dd>\(TimeText.chinese(createdAt))</dd>
        </dl>
        <section aria-labelledby="dispute"><h2 id="dispute">纠纷情况</h2>
        <h3>发生了什么</h3><p class="prewrap">\(facts)</p>
        <h3>调解请求</h3><p class="prewrap">\(claims)</p></section>
        \(partiesSection(context))
        \(mediatorSection(context))
        \(sessionsSection(context))
        \(agreementSection(context))
        \(afterSection(context))
        \(routesSection(context))
        \(flagSection(context))
        \(endSection(context))
        <section aria-labelledby="steps"><h2 id="steps">办理记录</h2><ol class="timeline">\(steps.map { s -> HTML in
            "<li><time>\(TimeText.chinese(s.at))</time> \(s.actor)：\(s.what)\(s.note.map { n -> HTML in "——\(n)" })</li>" })</ol></section>
        """
    }

    /// One action's form; its fields' ids are scoped to it (several forms have a `reason`), and to
    /// the party when there is one form a party (`for`).
    private func form(_ context: PageContext, _ action: MediationAction, _ fields: HTML, button: String, secondary: Bool = false, multipart: Bool = false,
                      for party: UUID? = nil) -> HTML {
        """
        <form method="post" action="\(SiteURL.mediationAction(.value(id), action))"\(HTML(raw: multipart ? " enctype=\"multipart/form-data\"" : "")) class="stack">
          \(Fields.csrf(context.csrfToken))\(Fields.hidden("version", String(version)))
          \(Fields.scoped(action.rawValue + (party.map { "-" + $0.uuidString.prefix(8).lowercased() } ?? ""), fields))
          <button type="submit"\(HTML(raw: secondary ? " class=\"secondary\"" : ""))>\(button)</button>
        </form>
        """
    }

    private func partiesSection(_ context: PageContext) -> HTML {
        let rows: [HTML] = parties.map { p in
            let actions: HTML = works && state == .awaitingReply && p.canReply ? """
                <details><summary>送达与答复</summary>
                \(form(context, .deliver, Fields.hidden("party", p.id.uuidString), button: "登记已当面送达", secondary: true, for: p.id))
                \(when(p.hasPhone) { form(context, .invite, Fields.hidden("party", p.id.uuidString), button: "重新发送短信邀请", secondary: true, for: p.id) })
                \(form(context, .notice, Fields.hidden("party", p.id.uuidString) + (p.hasPhone ? "<p class=\"hint\">打印后，已发的短信链接作废，以通知书上的二维码为准。</p>" : .empty),
                       button: "打印邀请通知书（带二维码）", secondary: true, for: p.id))
                \(form(context, .reply, Fields.hidden("party", p.id.uuidString) + Fields.select("answer", "\(p.name)当面答复", options: [("accept", "同意调解"), ("refuse", "不同意调解")], selected: nil, errors: errors) + Fields.text("reason", "不同意的原因", value: "", errors: errors, required: false), button: "登记答复", for: p.id))
                </details>
                """ : .empty
            let rights: HTML = works && p.rights == nil && !state.isFinal && state != .awaitingReply ? form(context, .rights,
                Fields.hidden("party", p.id.uuidString) + Fields.select("method", "告知方式", options: [("screen", "已当面告知，当事人在屏幕上确认"), ("paper", "当事人在告知书上签字（纸面）")], selected: "screen", errors: errors),
                button: "登记已告知\(p.name)权利义务", secondary: true, for: p.id) : .empty
            return """
            <li class="card"><h3>\(p.side)：\(p.name)\(p.organisation ? "（单位）" : "")</h3>
            <dl class="facts">
              \(p.agent.map { a -> HTML in "<dt>代理人</dt><dd>\(a)</dd>" })
              \(p.phone.map { ph -> HTML in "<dt>手机号</dt><dd>\(ph)</dd>" })
              \(p.address.map { a -> HTML in "<dt>地址</dt><dd>\(a)</dd>" })
              \(when(!p.delivery.isEmpty) { "<dt>送达</dt><dd>\(p.delivery.joined(separator: "；"))</dd>" })
              \(p.reply.map { r -> HTML in "<dt>答复</dt><dd>\(r)</dd>" })
              <dt>权利义务告知</dt><dd>\(p.rights ?? "尚未确认")</dd>
            </dl>
            \(actions)\(rights)</li>
            """
        }
        return "<section aria-labelledby=\"parties\"><h2 id=\"parties\">当事人</h2><ul class=\"cards plain\">\(rows)</ul></section>"
    }

    private func mediatorSection(_ context: PageContext) -> HTML {
        guard works, state == .accepted || state == .mediating else { return .empty }
        let options = recommended.enumerated().map { index, m in (value: m.id.uuidString, label: "\(index == 0 ? "推荐：" : "")\(m.name)（\(m.note)）") }
        let assign: HTML = state == .accepted || mediator == nil
            ? form(context, .assign, Fields.select("mediator", "调解员", options: options, selected: options.first?.value, errors: errors,
                                                  hint: "按擅长的纠纷类型、语言和在办件数推荐；当事人选定的，请勾选下面一项")
                   + Fields.checkbox("chosen", "当事人共同选定了这位调解员", checked: false, errors: errors), button: "指定调解员")
            : form(context, .recuse, Fields.text("reason", "当事人申请\(mediator ?? "调解员")回避的理由", value: "", errors: errors, hint: "例如：调解员与对方当事人是亲属"),
                   button: "登记回避，另行指定", secondary: true)
        let extend: HTML = canExtend ? "<details><summary>延长调解期限</summary>\(form(context, .extend, Fields.text("reason", "延长理由", value: "", errors: errors, hint: "调解期限只能延长一次"), button: "延长一个月", secondary: true))</details>" : .empty
        return "<section aria-labelledby=\"mediator\"><h2 id=\"mediator\">调解员</h2>\(assign)\(extend)</section>"
    }

    private func sessionsSection(_ context: PageContext) -> HTML {
        let items: [HTML] = sessions.map { s in
            """
            <li class="card"><h3>\(TimeText.chinese(s.startsAt)) \(s.kind)</h3>
            <p>\(s.video ? "视频调解" : "地点")：\(s.place)；到场：\(s.attended.joined(separator: "、"))；调解员：\(s.mediator)</p>
            <h4>调解笔录</h4><p class="prewrap">\(s.record)</p></li>
            """
        }
        let partyOptions = parties.map { (value: $0.id.uuidString, label: $0.name) }
        let add: HTML = works && isTheMediator && state == .mediating ? """
            <details\(HTML(raw: sessions.isEmpty ? " open" : ""))><summary>记录一次调解</summary>
            \(form(context, .session,
                   Fields.text("startsAt", "调解时间", value: "", errors: errors, hint: "例如 2026-12-08 09:30", type: "datetime-local")
                   + Fields.text("place", "地点或视频会议链接", value: "", errors: errors, hint: "例如：幸福一社区调解室")
                   + Fields.checkbox("video", "视频调解", checked: false, errors: errors)
                   + Fields.select("withParty", "调解方式", options: [("", "共同调解（双方都在）")] + partyOptions.map { (value: $0.value, label: "背对背：只与\($0.label)谈") },
                                   selected: "", errors: errors, required: false, placeholder: "共同调解（双方都在）")
                   + Fields.checkboxes("attended", "到场的当事人", options: partyOptions, checked: [], errors: errors)
                   + Fields.textarea("record", "调解笔录", value: "", errors: errors, hint: "记录各方陈述、争议焦点和调解经过"),
                   button: "保存调解记录"))
            </details>
            """ : .empty
        guard !items.isEmpty || !add.raw.isEmpty else { return .empty }
        return "<section aria-labelledby=\"sessions\"><h2 id=\"sessions\">调解过程</h2><ol class=\"cards plain\">\(items)</ol>\(add)</section>"
    }

    private func agreementSection(_ context: PageContext) -> HTML {
        var parts: [HTML] = []
        if let a = agreement {
            parts.append("""
                <p>第\(a.version)版\(a.oral ? "（口头协议）" : "")；\(a.effective ? "已生效" : a.sealedAt == nil ? "尚未生效" : "")　<a href="\(SiteURL.mediationAgreementPrint(.value(id)))">打印协议书（A4）</a></p>
                <h3>纠纷事实和争议事项</h3><p class="prewrap">\(a.facts)</p>
                <h3>协议内容</h3><p class="prewrap">\(a.terms)</p>
                \(when(!a.signatures.isEmpty) { "<h3>已签名</h3><ul>\(a.signatures.map { s -> HTML in "<li>\(s)</li>" })</ul>" })
                """)
            if works && state == .mediating && !a.oral {
                for who in a.unsigned {
                    if who.mediator {
                        if isTheMediator { parts.append(form(context, .sign, Fields.hidden("signatory", who.id.uuidString) + Fields.hidden("method", "mediator"), button: "调解员\(who.name)签名", for: who.id)) }
                        continue
                    }
                    parts.append("""
                        <fieldset class="card"><legend>\(who.name)签名</legend>
                        \(form(context, .code, Fields.hidden("party", who.id.uuidString), button: "发送验证码到\(who.name)的手机", secondary: true, for: who.id))
                        \(form(context, .sign, Fields.hidden("signatory", who.id.uuidString) + Fields.hidden("method", "code")
                               + Fields.text("code", "\(who.name)收到的验证码", value: "", errors: errors, hint: "请当事人本人输入短信中的6位验证码", inputmode: "numeric"),
                               button: "确认签名", for: who.id))
                        <details><summary>改为纸面签字</summary>
                        \(form(context, .sign, Fields.hidden("signatory", who.id.uuidString) + Fields.hidden("method", "paper")
                               + Fields.file("scan", "签字页扫描件或照片", errors: errors), button: "上传并登记签名", secondary: true, multipart: true, for: who.id))
                        </details></fieldset>
                        """)
                }
                if a.unsigned.isEmpty && a.sealedAt == nil {
                    parts.append(form(context, .seal, .empty, button: "加盖调解委员会印章，协议生效"))
                }
            }
        }
        if works && isTheMediator && state == .mediating {
            let signedAny = !(agreement?.signatures.isEmpty ?? true)
            parts.append("""
                <details\(HTML(raw: agreement == nil ? " open" : ""))><summary>\(agreement == nil ? "起草调解协议" : signedAny ? "修改协议（生成新版本，各方重新签名）" : "修改协议")</summary>
                \(form(context, .agreement,
                       Fields.textarea("agreementFacts", "纠纷的主要事实和争议事项", value: agreement?.facts ?? facts, errors: errors)
                       + Fields.textarea("terms", "协议内容", value: agreement?.terms ?? "", errors: errors, hint: "逐项写明：谁、做什么、怎样履行、什么时候之前履行")
                       + Fields.checkbox("oral", "简单纠纷，当事人达成口头协议（记录即生效，不需签名）", checked: agreement?.oral ?? false, errors: errors),
                       button: "保存协议"))
                </details>
                """)
        }
        guard !parts.isEmpty else { return .empty }
        return "<section aria-labelledby=\"agreement\"><h2 id=\"agreement\">调解协议</h2>\(parts)</section>"
    }

    private func afterSection(_ context: PageContext) -> HTML {
        guard state == .agreed else { return .empty }
        var parts: [HTML] = []
        if let due = confirmationDue, !oral, courtAnswer == nil {
            let when = reminders.isEmpty ? "" : "（\(reminders.joined(separator: "、"))）"
            parts.append("<p>双方可在<strong>\(due)</strong>前共同向人民法院申请司法确认；系统在协议生效第20天、第27天\(when)短信提醒当事人。</p>")
        }
        if works {
            if !oral && courtAnswer == nil {
                parts.append(form(context, .court, Fields.text("courtAnswer", "人民法院的答复", value: "", errors: errors, hint: "例如：裁定确认调解协议有效"), button: "登记司法确认结果", secondary: true))
            }
            parts.append(form(context, .visit,
                              Fields.select("performed", "协议履行情况", options: [("yes", "已经履行"), ("no", "没有履行")], selected: nil, errors: errors)
                              + Fields.textarea("visitNote", "回访情况", value: "", errors: errors, hint: "回访了谁、协议履行得怎样、当事人的意见"),
                              button: "登记回访并结案"))
        }
        return "<section aria-labelledby=\"after\"><h2 id=\"after\">协议履行</h2>\(parts)</section>"
    }

    private func routesSection(_ context: PageContext) -> HTML {
        guard !routes.isEmpty else { return .empty }
        let items: [HTML] = routes.map { "<li><strong>\($0.title)</strong>：\($0.detail)</li>" }
        let application: HTML = works && !points.isEmpty ? form(context, .application,
            Fields.select("point", "由哪个法律援助联系点协助申请", options: points, selected: nil, errors: errors), button: "转为法律援助申请（自动填好已知信息）", secondary: true) : .empty
        return "<section aria-labelledby=\"routes\"><h2 id=\"routes\">当事人还可以</h2><ul>\(items)</ul>\(application)</section>"
    }

    private func flagSection(_ context: PageContext) -> HTML {
        guard works else { return .empty }
        if escalationOpen {
            return "<section aria-labelledby=\"flag\"><h2 id=\"flag\">风险预警</h2>\(form(context, .unflag, Fields.textarea("followUp", "采取的措施和结果", value: "", errors: errors), button: "登记处置结果，解除预警", secondary: true))</section>"
        }
        guard !state.isFinal else { return .empty }
        return """
        <section aria-labelledby="flag"><details><summary id="flag">报告矛盾激化风险</summary>
        \(form(context, .flag, Fields.checkboxes("risks", "风险情形", options: EscalationRisk.allCases.map { ($0.rawValue, $0.chinese) }, checked: [], errors: errors)
               + Fields.text("note", "补充说明", value: "", errors: errors, required: false), button: "报告风险，街道和司法局立即可见"))
        </details></section>
        """
    }

    private func endSection(_ context: PageContext) -> HTML {
        guard works, !state.isFinal, state != .agreed else { return .empty }
        let fail: HTML = state == .accepted || state == .mediating
            ? form(context, .fail, Fields.text("reason", "调解不成的原因", value: "", errors: errors), button: "终止调解（调解不成）", secondary: true) : .empty
        return """
        <section aria-labelledby="end"><details><summary id="end">终止调解</summary>
        \(fail)
        \(form(context, .withdraw, Fields.text("reason", "撤回或要求终止的原因", value: "", errors: errors), button: "当事人撤回申请或要求终止", secondary: true))
        </details></section>
        """
    }
}
