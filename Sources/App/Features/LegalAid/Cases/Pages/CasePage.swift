import LegalAidCore
import Vapor

/// One case as staff see it, with the actions open to them.
struct CasePage: PageView {
    var record: CaseRecord
    var app: ApplicationRecord
    var events: [CaseEventRecord]
    var progress: [CaseProgressRecord]
    var candidates: [LawyerCandidate]
    var suggestion: Result<Assignment.Suggestion, AssignmentRefusal>
    var account: Viewer
    var reference: ReferenceData
    var members: [CaseMemberRecord] = []
    var changeRequests: [LawyerChangeRequestRecord] = []
    var objections: [ObjectionRecord] = []
    var documents: [DocumentRecord] = []
    var centreStaff: [Viewer] = []
    var errors = FormErrors()
    /// When the page is shown (the assignment clock is judged against it).
    var now: Date

    private func has(_ role: Role) -> Bool { account.roles?.contains(role) == true }

    /// The application behind the case is linked only for those who may open it (the centre,
    /// supervisors); the handling lawyer sees what they need to act here instead.
    private var mayOpenApplication: Bool {
        account.actor.map { AccessPolicy.canView(app.scope, actor: $0, tree: reference.tree) } ?? false
    }

    /// The lawyer or centre staff member handling the case, who has to reach the recipient.
    private var isHandler: Bool { record.lawyerAccountID != nil && record.lawyerAccountID == account.id }

    private var applicationReference: HTML {
        mayOpenApplication ? "<a href=\"\(SiteURL.application(app.id))\">申请 \(app.number)</a>" : "申请 \(app.number)"
    }

    var title: String { "法律援助案件 \(app.number)" }

    func body(in context: PageContext) -> HTML {
        let csrf = context.csrfToken
        let state = record.caseState
        let lawyerName = candidates.first { $0.id == record.lawyerAccountID }?.name
            ?? centreStaff.first { $0.id == record.lawyerAccountID }.map { "\($0.displayName)（本中心工作人员）" }
        let history: [HTML] = events.map { event in
            let details = event.payload.filter { !$0.key.hasSuffix("ID") }.sorted { $0.key < $1.key }.map { "\(CaseLabels.chinese($0.key))：\(CaseLabels.value($0.key, $0.value))" }.joined(separator: "；")
            let detailLine: HTML = details.isEmpty ? .empty : "<br><span class=\"hint\">\(details)</span>"
            return "<li><time>\(TimeText.chinese(event.at))</time><strong>\(CaseLabels.event(event.event))</strong>（\(event.actorName)）\(detailLine)</li>"
        }
        let assigner = has(.centreReviewer) || has(.centreDirector)
        var forms: [HTML] = []
        func form(_ event: CaseEventKind, _ title: String, _ fields: HTML, secondary: Bool = false) -> HTML {
            """
            <details class="panel"\(HTML(raw: errors.isEmpty ? "" : " open"))><summary><strong>\(title)</strong></summary>
            <form method="post" action="\(SiteURL.caseAction(record.id, event))" novalidate>
              \(Fields.csrf(csrf))\(Fields.hidden("version", String(record.version)))
              \(fields)
              <div class="actions"><button type="submit" class="\(secondary ? "secondary" : "")">\(title)</button></div>
            </form></details>
            """
        }
        func sideForm(_ step: CaseStep, _ title: String, _ fields: HTML, secondary: Bool = false) -> HTML {
            """
            <details class="panel"\(HTML(raw: errors.isEmpty ? "" : " open"))><summary><strong>\(title)</strong></summary>
            <form method="post" action="\(SiteURL.caseStep(record.id, step))" novalidate>
              \(Fields.csrf(csrf))
              \(fields)
              <div class="actions"><button type="submit" class="\(secondary ? "secondary" : "")">\(title)</button></div>
            </form></details>
            """
        }
        let lawyerOptions = candidates.map { candidate in
            (value: candidate.id.uuidString,
             label: "\(candidate.name)（\(reference.name(candidate.firmID))，在办\(candidate.openCases)件，执业\(candidate.practiceYears)年，刑辩\(candidate.criminalPracticeYears)年\(candidate.specialities.isEmpty ? "" : "，擅长" + candidate.specialities.map(\.chinese).sorted().joined(separator: "、"))\(candidate.available ? "" : "，暂停接案")）")
        }
        let suggested = (try? suggestion.get())?.lawyer.id.uuidString
        let suggestionText: HTML = switch suggestion {
        case .success(let s): "<p class=\"notice\">建议指派：<strong>\(s.lawyer.name)</strong>（\(s.reason)）</p>"
        case .failure(let refusal): "<p class=\"field-error\">\(refusal.message)</p>"
        }
        if state == .awaitingAssignment && assigner {
            forms.append(form(.assignLawyer, "指派律师", suggestionText
                + Fields.select("lawyerID", "承办律师", options: lawyerOptions, selected: suggested, errors: errors)
                + Fields.checkbox("possibleLifeOrDeath", "可能判处无期徒刑、死刑的刑事案件（须执业三年以上律师，第26条）", checked: record.possibleLifeOrDeath == true, errors: errors)))
            forms.append(form(.assignCentreStaff, "安排本中心工作人员承办", Fields.select("staffID", "承办人员", options: centreStaff.map { (value: $0.id.uuidString, label: $0.displayName) }, selected: nil, errors: errors), secondary: true))
            forms.append(form(.assignFirm, "指派律师事务所", Fields.select("firmID", "律师事务所", options: reference.tree.all(.lawFirm).map { (value: $0.id.uuidString, label: $0.name) }, selected: nil, errors: errors), secondary: true))
        }
        if state == .awaitingFirmNomination && has(.lawyer) {
            forms.append(form(.nominateLawyer, "确定承办律师", Fields.select("lawyerID", "承办律师", options: lawyerOptions.filter { option in candidates.first { $0.id.uuidString == option.value }?.firmID == record.firmID }, selected: nil, errors: errors)))
        }
        if ProgressRule.mayRecord(state: state, actorID: account.id, assignedLawyer: record.lawyerAccountID) {
            forms.append("""
            <details class="panel" open><summary><strong>记录办理进展</strong></summary>
            <form method="post" action="\(SiteURL.caseStep(record.id, .progress))" novalidate>
              \(Fields.csrf(csrf))
              \(Fields.select("kind", "进展类型", options: CaseProgressKind.allCases.map { (value: $0.rawValue, label: $0.chinese) }, selected: nil, errors: errors))
              \(Fields.textarea("note", "进展情况", value: "", errors: errors, hint: "简要写明时间、做了什么、下一步"))
              \(Fields.checkbox("notify", "告知受援人（站内消息和短信提醒）", checked: true, errors: errors))
              <div class="actions"><button type="submit">记录进展</button></div>
            </form></details>
            """)
        }
        if state == .inProgress && record.lawyerAccountID == account.id {
            forms.append(form(.fileClosingReport, "提交结案报告", Fields.textarea("outcome", "办理结果（结案报告，第50条）", value: "", errors: errors, hint: "写明办理经过、结果和受援人获得的利益")))
        }
        if state == .inProgress && assigner {
            forms.append(form(.changeLawyer, "更换承办律师", Fields.select("lawyerID", "新的承办律师", options: lawyerOptions, selected: nil, errors: errors)
                + Fields.textarea("reason", "更换理由", value: "", errors: errors, hint: "如受援人申请更换（第46条）"), secondary: true))
        }
        let pendingChange = changeRequests.first { $0.requestState == .pending }
        if let pendingChange, state == .inProgress && assigner {
            forms.append("""
            <div class="panel notice"><h3>受援人申请更换承办律师</h3>
            <p>\(TimeText.chinese(pendingChange.filedAt))提出。理由：\(pendingChange.reason)</p>
            <p class="hint">同意的，请在“更换承办律师”中选择新的律师；不同意的，写明理由告知受援人。</p></div>
            """)
            forms.append(sideForm(.refuseChange, "不同意更换律师", Fields.textarea("response", "不同意的理由（将告知受援人）", value: "", errors: errors), secondary: true))
        }
        if state == .inProgress && record.lawyerAccountID == account.id && CaseMediationFirst.applies(to: app.form.matter.type) {
            forms.append(sideForm(.mediation, "记录先行调解意愿",
                "<p class=\"hint\">简单的非刑事纠纷，先征求受援人是否同意先行调解；受援人不同意的，不进行调解。</p>"
                + Fields.select("consent", "受援人意愿", options: CaseMediationFirst.Consent.allCases.map { (value: $0.rawValue, label: $0.chinese) }, selected: record.mediationConsent, errors: errors)
                + Fields.text("how", "如何表示（电话、当面、书面等）", value: record.mediationHow ?? "", errors: errors), secondary: true))
            if record.consent == .consented {
                forms.append("<p><a class=\"button\" href=\"\(SiteURL.newMediation.path)?case=\(record.id.uuidString)\">转人民调解委员会调解（自动填好已知信息）</a></p>")
            }
        }
        if !state.isTerminal && assigner {
            forms.append(sideForm(.members, "增加共同受援人（群体性案件）",
                Fields.textarea("members", "共同受援人名单", value: "", errors: errors, hint: "每行一人：姓名，手机号（手机号可不填）"), secondary: true))
        }
        if state == .closingReported && assigner {
            forms.append(form(.close, "审查通过，结案", "<p>已审查结案报告及案卷材料。</p>"))
            forms.append(form(.returnClosingReport, "退回结案报告", Fields.textarea("reason", "退回理由", value: "", errors: errors), secondary: true))
        }
        if state == .closed && (assigner || has(.supervisor)) {
            forms.append(form(.reviewQuality, "质量评定", Fields.select("grade", "等级", options: QualityGrade.allCases.map { (value: $0.rawValue, label: $0.chinese) }, selected: nil, errors: errors)
                + Fields.textarea("remarks", "评定意见", value: "", errors: errors, required: false)))
        }
        if state == .qualityReviewed && assigner {
            forms.append(form(.recordReturnVisit, "记录回访", Fields.select("satisfaction", "受援人满意度", options: (1...5).reversed().map { (value: String($0), label: "\($0)分") }, selected: nil, errors: errors)
                + Fields.textarea("comments", "回访意见（质量监督卡）", value: "", errors: errors, required: false)))
        }
        if [.awaitingAssignment, .awaitingFirmNomination, .inProgress].contains(state) && has(.centreDirector) {
            forms.append(form(.terminate, "终止法律援助", Fields.select("ground", "终止理由（第48条）", options: TerminationGround.allCases.map { (value: $0.rawValue, label: $0.chinese) }, selected: nil, errors: errors)
                + Fields.textarea("explanation", "事实和理由", value: "", errors: errors), secondary: true))
        }
        if state == .awaitingAssignment && has(.centreDirector) {
            forms.append(form(.transfer, "移交异地法律援助机构", Fields.text("toCentre", "接收的法律援助机构", value: "", errors: errors)
                + Fields.textarea("reason", "移交理由", value: "", errors: errors, required: false), secondary: true))
        }
        let overdue = state == .awaitingAssignment && LocalDate(iso: record.assignmentDue).map { LocalDate(now) > $0 } == true
        return """
        \(errors.summary())
        <div class="panel"><dl class="facts">
          <dt>状态</dt><dd><span class="state state-wait">\(state.chinese)</span></dd>
          <dt>受援人</dt><dd>\(app.applicantName)（\(applicationReference)）</dd>
          \(when(isHandler) { "<dt>联系电话</dt><dd>\(app.form.contactPhone)</dd>" })
          <dt>援助事项</dt><dd>\(app.form.matter.type?.chinese ?? "—")；\(app.form.matter.cause)</dd>
          \(when(isHandler || mayOpenApplication) { "<dt>事实和经过</dt><dd>\(app.form.matter.facts)</dd><dt>请求事项</dt><dd>\(app.form.matter.helpWanted)</dd>" })
          <dt>下一步</dt><dd>\(state.staffNextStep(origin: record.caseOrigin))</dd>
          <dt>决定日期</dt><dd>\(CaseDates.chinese(record.decidedOn))</dd>
          \(when(state == .awaitingAssignment || state == .awaitingFirmNomination) { "<dt>指派期限</dt><dd>\(CaseDates.chinese(record.assignmentDue))前（\(record.caseOrigin.assignmentRule)）\(when(overdue) { "<span class=\"overdue\">已超期</span>" })</dd>" })
          <dt>承办律师</dt><dd>\(lawyerName ?? "—")\(record.firmID.map { "（\(reference.name($0))）" } ?? "")</dd>
          \(when(!app.form.preferredLawyer.isEmpty) { "<dt>申请人希望的律师</dt><dd>\(app.form.preferredLawyer)</dd>" })
          <dt>案件来源</dt><dd>\(record.caseOrigin.chinese)\(record.notifyingAuthority.map { "（\($0)）" } ?? "")</dd>
          \(when(record.caseOrigin == .urgent) { "<dt>补办手续</dt><dd>" + (record.paperworkDoneAt != nil ? "已补办完毕" : "应于\(CaseDates.chinese(record.paperworkDue ?? ""))前补办（第44条）") + "</dd>" })
          \(when(record.consent != nil) { "<dt>先行调解</dt><dd>\(record.consent?.chinese ?? "")（\(record.mediationHow ?? "")）</dd>" })
          \(when(state == .closed) { "<dt>质量评定期限</dt><dd>\(CaseDates.chinese(record.qualityReviewDue ?? ""))前</dd>" })
          \(when(state == .qualityReviewed) { "<dt>回访期限</dt><dd>\(CaseDates.chinese(record.returnVisitDue ?? ""))前</dd>" })
          \(when(!members.isEmpty) { "<dt>受援人数</dt><dd>\(GroupMatter.headcount(coApplicants: members.count))人\(GroupMatter.isLarge(coApplicants: members.count) ? "（50人以上群体性案件，可协调其他法律服务机构协助办理）" : "")</dd>" })
        </dl></div>
        \(when(!forms.isEmpty) { "<h2>办理</h2>" + forms.joined() })
        \(when(!progress.isEmpty) { "<h2>办理进展</h2><ol class=\"timeline\">" + progress.map { item -> HTML in "<li><time>\(TimeText.chinese(item.at))</time><strong>\(item.progressKind.chinese)</strong>（\(item.authorName)\(item.notifyApplicant ? "，已告知受援人" : "")）<br>\(item.note)</li>" }.joined() + "</ol>" })
        \(when(!members.isEmpty) { "<h2>共同受援人</h2><ul>" + members.map { m -> HTML in "<li>\(m.member.name)\(m.member.phone.isEmpty ? "" : "（\(Masking.mask(m.member.phone, keepFirst: 3, keepLast: 4))）")</li>" }.joined() + "</ul>" })
        \(when(!changeRequests.isEmpty) { "<h2>更换律师申请</h2><ul>" + changeRequests.map { r -> HTML in "<li>\(TimeText.chinese(r.filedAt))：\(r.reason)——<strong>\(r.requestState.chinese)</strong>\(r.response.map { "（\($0)）" } ?? "")</li>" }.joined() + "</ul>" })
        \(when(!objections.isEmpty) { "<h2>异议</h2><ul>" + objections.map { o -> HTML in "<li>对\(o.objectionSubject.chinese)的异议，\(CaseDates.chinese(o.receivedOn))收到：<strong>\(o.objectionState.chinese)</strong>\(o.objectionState == .pending ? "（司法局应于\(CaseDates.chinese(o.dueOn))前决定）" : "")</li>" }.joined() + "</ul>" })
        \(when(!documents.isEmpty) { "<h2>文书（可打印）</h2><ul>" + documents.map { d -> HTML in "<li><a href=\"\(SiteURL.document(d.id))\">\(d.content.title)</a> \(d.number)</li>" }.joined() + "</ul>" })
        <h2>案件记录</h2>
        \((history.isEmpty ? "<p>暂无记录。</p>" : "<ol class=\"timeline\">\(history)</ol>") as HTML)
        """
    }
}

enum CaseLabels {
    /// A stored step by name (an unknown code, from a newer version, as it is).
    static func event(_ code: String) -> String { CaseEventKind(rawValue: code)?.chinese ?? code }

    static func chinese(_ key: String) -> String {
        switch key {
        case "lawyer": "承办律师"
        case "reason": "理由"
        case "outcome": "办理结果"
        case "grade": "等级"
        case "remarks": "意见"
        case "satisfaction": "满意度"
        case "comments": "回访意见"
        case "ground": "终止理由"
        case "explanation": "事实和理由"
        case "toCentre": "接收机构"
        case "order": "责令改正理由"
        default: key
        }
    }

    static func value(_ key: String, _ value: String) -> String {
        switch key {
        case "grade": QualityGrade(rawValue: value)?.chinese ?? value
        case "ground": TerminationGround(rawValue: value)?.chinese ?? value
        case "satisfaction": value + "分"
        default: value
        }
    }
}

enum CaseDates {
    /// `2026年9月28日` from the stored `2026-09-28`.
    static func chinese(_ iso: String) -> String { LocalDate(iso: iso)?.chinese ?? iso }
}
