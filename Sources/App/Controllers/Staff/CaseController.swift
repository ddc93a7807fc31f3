import Fluent
import LegalAidCore
import Vapor

/// Cases after the decision: the centre assigns and closes, the lawyer handles and reports.
struct CaseController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get("cases", use: index)
        routes.get("cases", ":id", use: show)
        routes.post("cases", ":id", "actions", ":event", use: act)
        routes.post("cases", ":id", "progress", use: recordProgress)
    }

    func index(req: Request) async throws -> HTML {
        let account = try req.requireStaff()
        let reference = try await ReferenceData.load(on: req.db)
        let cases = try await CaseService(req).visible(to: account, reference: reference)
        let today = LocalDate(req.now)
        let lawyers = Dictionary(try await AccountModel.query(on: req.db).filter(\.$rolesText == Role.lawyer.rawValue).all().map { ($0.id!, $0.displayName) },
                                 uniquingKeysWith: { a, _ in a })
        let rows: [HTML] = cases.map { record, app in
            let overdue = record.caseState == .awaitingAssignment && LocalDate(iso: record.assignmentDue).map { today > $0 } == true
            let due: HTML = record.caseState == .awaitingAssignment
                ? (overdue ? "<span class=\"overdue\">指派已超期（\(CaseDates.chinese(record.assignmentDue))）</span>" : "\(CaseDates.chinese(record.assignmentDue))前指派")
                : "—"
            return """
            <tr><td><a href="/cases/\(record.id!.uuidString)">\(app.number)</a></td><td>\(app.applicantName)</td>
            <td>\(record.caseState.chinese)</td><td>\(record.lawyerAccountID.flatMap { lawyers[$0] } ?? "—")</td><td>\(due)</td></tr>
            """
        }
        let title = account.roles?.contains(.lawyer) == true ? "我承办的案件" : "法律援助案件"
        return req.page(title, """
        \((cases.isEmpty ? "<p>暂无案件。</p>" : "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">编号</th><th scope=\"col\">受援人</th><th scope=\"col\">状态</th><th scope=\"col\">承办律师</th><th scope=\"col\">指派期限（第43条）</th></tr></thead><tbody>\(rows)</tbody></table></div>") as HTML)
        """)
    }

    func show(req: Request) async throws -> HTML {
        let account = try req.requireAccount()
        let reference = try await ReferenceData.load(on: req.db)
        let service = CaseService(req)
        let (record, app) = try await service.find(try req.parameters.require("id", as: UUID.self), for: account, reference: reference)
        try await req.audit("personalData.view", target: "application:\(app.number)", detail: "case")
        return try await CasePage.make(req, record: record, app: app, account: account, reference: reference).render(req)
    }

    struct ProgressInput: Content {
        var kind: String?
        var note: String?
        var notify: String?
    }

    /// The assigned lawyer records a step; the applicant is told unless the lawyer unticks it.
    func recordProgress(req: Request) async throws -> Response {
        let account = try req.requireStaff()
        let id = try req.parameters.require("id", as: UUID.self)
        let reference = try await ReferenceData.load(on: req.db)
        let (record, app) = try await CaseService(req).find(id, for: account, reference: reference)
        guard ProgressRule.mayRecord(state: record.caseState, actorID: account.id!, assignedLawyer: record.lawyerAccountID) else { throw AppError.forbidden }
        let input = try req.content.decode(ProgressInput.self)
        let note = (input.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard let kind = input.kind.flatMap(CaseProgressKind.init(rawValue:)), !note.isEmpty else {
            var page = try await CasePage.make(req, record: record, app: app, account: account, reference: reference)
            page.errors = FormErrors([input.kind.flatMap(CaseProgressKind.init(rawValue:)) == nil
                ? FieldError(field: "kind", code: "required", message: "请选择进展类型")
                : .required("note", "进展情况")])
            return try await page.render(req).response(req, status: .unprocessableEntity)
        }
        let entry = CaseProgressModel()
        entry.caseID = id
        entry.at = req.now
        entry.authorAccountID = account.id!
        entry.authorName = account.displayName
        entry.kind = kind.rawValue
        entry.note = note
        entry.notifyApplicant = input.notify == "true"
        let services = req.fayuan
        try await services.transaction(on: req.db) { tx in
            try await entry.create(on: tx)
            if entry.notifyApplicant {
                try await ApplicationPaperwork.tellApplicant(app, title: "案件进展：\(kind.chinese)", body: "\(kind.chinese)：\(note)",
                                                            sms: "【法援在线】您的法律援助案件（\(app.number)）有新进展：\(kind.chinese)。详情请登录查看或联系承办律师。", on: tx)
            }
        }
        try await req.audit("case.progress", target: "application:\(app.number)", detail: kind.rawValue)
        req.flash("已记录：\(kind.chinese)。")
        return req.redirect(to: "/cases/\(id.uuidString)")
    }

    struct ActionInput: Content {
        var version: Int?
        var lawyerID: String?
        var firmID: String?
        var possibleLifeOrDeath: String?
        var reason: String?
        var outcome: String?
        var grade: String?
        var remarks: String?
        var satisfaction: String?
        var comments: String?
        var ground: String?
        var explanation: String?
        var toCentre: String?
    }

    func act(req: Request) async throws -> Response {
        let account = try req.requireStaff()
        let id = try req.parameters.require("id", as: UUID.self)
        let reference = try await ReferenceData.load(on: req.db)
        let service = CaseService(req)
        let (record, app) = try await service.find(id, for: account, reference: reference)
        guard let permitted = CaseWorkflow.permittedRoles[req.parameters.get("event") ?? ""] else { throw AppError.notFound() }
        guard account.roles?.containsAny(permitted) == true else { throw AppError.forbidden }
        let input = try req.content.decode(ActionInput.self)
        let needs = AssignmentNeeds(matter: app.form.matter.type ?? .other, possibleLifeOrDeathSentence: input.possibleLifeOrDeath == "true" || record.possibleLifeOrDeath == true)
        let candidates = try await service.candidates(reference: reference)
        func lawyer() throws -> LawyerCandidate {
            guard let chosen = input.lawyerID.flatMap(UUID.init(uuidString:)).flatMap({ id in candidates.first { $0.id == id } }) else {
                throw AppError.invalid(field: "lawyerID", code: "invalidChoice", "请从列表中选择本区律师事务所的律师")
            }
            return chosen
        }
        let event: CaseEvent
        switch req.parameters.get("event") ?? "" {
        case "assignLawyer": event = .assignLawyer(try lawyer(), needs: needs)
        case "assignFirm":
            guard let firm = input.firmID.flatMap(UUID.init(uuidString:)), reference.tree[firm]?.kind == .lawFirm else {
                throw AppError.invalid(field: "firmID", code: "invalidChoice", "请从列表中选择本区的律师事务所")
            }
            event = .assignFirm(firmID: firm)
        case "nominateLawyer": event = .nominateLawyer(try lawyer(), needs: needs)
        case "changeLawyer": event = .changeLawyer(try lawyer(), needs: needs, reason: input.reason ?? "")
        case "fileClosingReport": event = .fileClosingReport(outcome: input.outcome ?? "")
        case "returnClosingReport": event = .returnClosingReport(reason: input.reason ?? "")
        case "close": event = .close
        case "reviewQuality":
            guard let grade = input.grade.flatMap(QualityGrade.init(rawValue:)) else { throw AppError.invalid(field: "grade", "请选择质量评定等级") }
            event = .reviewQuality(grade, remarks: input.remarks ?? "")
        case "recordReturnVisit": event = .recordReturnVisit(satisfaction: Int(input.satisfaction ?? "") ?? 0, comments: input.comments ?? "")
        case "terminate":
            guard let ground = input.ground.flatMap(TerminationGround.init(rawValue:)) else { throw AppError.invalid(field: "ground", "请选择终止理由（法律援助法第48条）") }
            event = .terminate(ground, explanation: input.explanation ?? "")
        case "transfer": event = .transfer(toCentre: input.toCentre ?? "", reason: input.reason ?? "")
        default: throw AppError.notFound()
        }
        do {
            if input.possibleLifeOrDeath == "true", record.possibleLifeOrDeath != true {
                record.possibleLifeOrDeath = true
                try await record.save(on: req.db)
            }
            let transition = try await service.perform(event, on: id, expectedVersion: input.version, by: account)
            req.flash("已完成。案件状态：\(transition.to.chinese)。")
            return req.redirect(to: "/cases/\(id.uuidString)")
        } catch let error as AppError where error.status == .unprocessableEntity || error.status == .conflict {
            var page = try await CasePage.make(req, record: try await CaseModel.find(id, on: req.db) ?? record, app: app, account: account, reference: reference)
            page.errors = FormErrors(error.fieldErrors.isEmpty ? [FieldError(field: "form", code: error.code, message: error.message)] : error.fieldErrors)
            return try await page.render(req).response(req, status: error.status)
        }
    }
}

/// One case as staff see it, with the actions open to them.
struct CasePage {
    var record: CaseModel
    var app: ApplicationModel
    var events: [CaseEventModel]
    var progress: [CaseProgressModel]
    var candidates: [LawyerCandidate]
    var suggestion: Result<Assignment.Suggestion, AssignmentRefusal>
    var account: AccountModel
    var reference: ReferenceData
    var errors = FormErrors()

    static func make(_ req: Request, record: CaseModel, app: ApplicationModel, account: AccountModel, reference: ReferenceData) async throws -> CasePage {
        let service = CaseService(req)
        let candidates = try await service.candidates(reference: reference)
        let needs = AssignmentNeeds(matter: app.form.matter.type ?? .other, possibleLifeOrDeathSentence: record.possibleLifeOrDeath == true,
                                    preferredLawyerID: candidates.first { !app.form.preferredLawyer.isEmpty && $0.name.contains(app.form.preferredLawyer) }?.id)
        let events = try await CaseEventModel.query(on: req.db).filter(\.$caseID == record.id!).sort(\.$seq).all()
        let progress = try await CaseProgressModel.query(on: req.db).filter(\.$caseID == record.id!).sort(\.$at).all()
        return CasePage(record: record, app: app, events: events, progress: progress, candidates: candidates,
                        suggestion: Assignment.suggest(candidates, for: needs, lastAssigned: try await service.lastAssignedLawyer()),
                        account: account, reference: reference)
    }

    private func has(_ role: Role) -> Bool { account.roles?.contains(role) == true }

    func render(_ req: Request) -> HTML {
        let csrf = req.pageContext.csrfToken
        let state = record.caseState
        let lawyerName = candidates.first { $0.id == record.lawyerAccountID }?.name
        let history: [HTML] = events.map { event in
            let details = event.payload.filter { !$0.key.hasSuffix("ID") }.sorted { $0.key < $1.key }.map { "\(CaseLabels.chinese($0.key))：\(CaseLabels.value($0.key, $0.value))" }.joined(separator: "；")
            return "<li><time>\(TimeText.chinese(event.at))</time><strong>\(CaseLabels.event(event.event))</strong>（\(event.actorName)）\(details.isEmpty ? "" : "<br><span class=\"hint\">\(details)</span>")</li>"
        }
        let assigner = has(.centreReviewer) || has(.centreDirector)
        var forms: [HTML] = []
        func form(_ event: String, _ title: String, _ fields: HTML, secondary: Bool = false) -> HTML {
            """
            <details class="panel"\(HTML(raw: errors.isEmpty ? "" : " open"))><summary><strong>\(title)</strong></summary>
            <form method="post" action="/cases/\(record.id!.uuidString)/actions/\(event)" novalidate>
              \(Fields.csrf(csrf))\(Fields.hidden("version", String(record.version)))
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
            forms.append(form("assignLawyer", "指派律师", suggestionText
                + Fields.select("lawyerID", "承办律师", options: lawyerOptions, selected: suggested, errors: errors)
                + Fields.checkbox("possibleLifeOrDeath", "可能判处无期徒刑、死刑的刑事案件（须执业三年以上律师，第26条）", checked: record.possibleLifeOrDeath == true, errors: errors)))
            forms.append(form("assignFirm", "指派律师事务所", Fields.select("firmID", "律师事务所", options: reference.tree.all(.lawFirm).map { (value: $0.id.uuidString, label: $0.name) }, selected: nil, errors: errors), secondary: true))
        }
        if state == .awaitingFirmNomination && has(.lawyer) {
            forms.append(form("nominateLawyer", "确定承办律师", Fields.select("lawyerID", "承办律师", options: lawyerOptions.filter { option in candidates.first { $0.id.uuidString == option.value }?.firmID == record.firmID }, selected: nil, errors: errors)))
        }
        if ProgressRule.mayRecord(state: state, actorID: account.id!, assignedLawyer: record.lawyerAccountID) {
            forms.append("""
            <details class="panel" open><summary><strong>记录办理进展</strong></summary>
            <form method="post" action="/cases/\(record.id!.uuidString)/progress" novalidate>
              \(Fields.csrf(csrf))
              \(Fields.select("kind", "进展类型", options: CaseProgressKind.allCases.map { (value: $0.rawValue, label: $0.chinese) }, selected: nil, errors: errors))
              \(Fields.textarea("note", "进展情况", value: "", errors: errors, hint: "简要写明时间、做了什么、下一步；简单的非刑事纠纷可先尝试调解，并记录受援人是否同意"))
              \(Fields.checkbox("notify", "告知受援人（站内消息和短信提醒）", checked: true, errors: errors))
              <div class="actions"><button type="submit">记录进展</button></div>
            </form></details>
            """)
        }
        if state == .inProgress && has(.lawyer) {
            forms.append(form("fileClosingReport", "提交结案报告", Fields.textarea("outcome", "办理结果（结案报告，第50条）", value: "", errors: errors, hint: "写明办理经过、结果和受援人获得的利益")))
        }
        if state == .inProgress && assigner {
            forms.append(form("changeLawyer", "更换承办律师", Fields.select("lawyerID", "新的承办律师", options: lawyerOptions, selected: nil, errors: errors)
                + Fields.textarea("reason", "更换理由", value: "", errors: errors, hint: "如受援人申请更换（第46条）"), secondary: true))
        }
        if state == .closingReported && assigner {
            forms.append(form("close", "审查通过，结案", "<p>已审查结案报告及案卷材料。</p>"))
            forms.append(form("returnClosingReport", "退回结案报告", Fields.textarea("reason", "退回理由", value: "", errors: errors), secondary: true))
        }
        if state == .closed && (assigner || has(.supervisor)) {
            forms.append(form("reviewQuality", "质量评定", Fields.select("grade", "等级", options: QualityGrade.allCases.map { (value: $0.rawValue, label: $0.chinese) }, selected: nil, errors: errors)
                + Fields.textarea("remarks", "评定意见", value: "", errors: errors, required: false)))
        }
        if state == .qualityReviewed && assigner {
            forms.append(form("recordReturnVisit", "记录回访", Fields.select("satisfaction", "受援人满意度", options: (1...5).reversed().map { (value: String($0), label: "\($0)分") }, selected: nil, errors: errors)
                + Fields.textarea("comments", "回访意见（质量监督卡）", value: "", errors: errors, required: false)))
        }
        if [.awaitingAssignment, .awaitingFirmNomination, .inProgress].contains(state) && has(.centreDirector) {
            forms.append(form("terminate", "终止法律援助", Fields.select("ground", "终止理由（第48条）", options: TerminationGround.allCases.map { (value: $0.rawValue, label: $0.chinese) }, selected: nil, errors: errors)
                + Fields.textarea("explanation", "事实和理由", value: "", errors: errors), secondary: true))
        }
        if state == .awaitingAssignment && has(.centreDirector) {
            forms.append(form("transfer", "移交异地法律援助机构", Fields.text("toCentre", "接收的法律援助机构", value: "", errors: errors)
                + Fields.textarea("reason", "移交理由", value: "", errors: errors, required: false), secondary: true))
        }
        let overdue = state == .awaitingAssignment && LocalDate(iso: record.assignmentDue).map { LocalDate(req.now) > $0 } == true
        return req.page("法律援助案件 \(app.number)", """
        \(errors.summary())
        <div class="panel"><dl class="facts">
          <dt>状态</dt><dd><span class="state state-wait">\(state.chinese)</span></dd>
          <dt>受援人</dt><dd>\(app.applicantName)（<a href="\(SiteURL.application(app.id!))">申请 \(app.number)</a>）</dd>
          <dt>援助事项</dt><dd>\(app.form.matter.type?.chinese ?? "—")；\(app.form.matter.cause)</dd>
          <dt>决定日期</dt><dd>\(CaseDates.chinese(record.decidedOn))</dd>
          <dt>指派期限</dt><dd>\(CaseDates.chinese(record.assignmentDue))前（法律援助法第43条：决定之日起3日内）\(overdue ? "<span class=\"overdue\">已超期</span>" : "")</dd>
          <dt>承办律师</dt><dd>\(lawyerName ?? "—")\(record.firmID.map { "（\(reference.name($0))）" } ?? "")</dd>
          \(when(!app.form.preferredLawyer.isEmpty) { "<dt>申请人希望的律师</dt><dd>\(app.form.preferredLawyer)</dd>" })
        </dl></div>
        \(when(!forms.isEmpty) { "<h2>办理</h2>" + forms.joined() })
        \(when(!progress.isEmpty) { "<h2>办理进展</h2><ol class=\"timeline\">" + progress.map { item -> HTML in "<li><time>\(TimeText.chinese(item.at))</time><strong>\(item.progressKind.chinese)</strong>（\(item.authorName)\(item.notifyApplicant ? "，已告知受援人" : "")）<br>\(item.note)</li>" }.joined() + "</ol>" })
        <h2>案件记录</h2>
        \((history.isEmpty ? "<p>暂无记录。</p>" : "<ol class=\"timeline\">\(history)</ol>") as HTML)
        """)
    }
}

enum CaseLabels {
    static func event(_ code: String) -> String {
        switch code {
        case "assignLawyer": "指派律师"
        case "assignFirm": "指派律师事务所"
        case "nominateLawyer": "律师事务所确定承办律师"
        case "changeLawyer": "更换承办律师"
        case "fileClosingReport": "提交结案报告"
        case "returnClosingReport": "退回结案报告"
        case "close": "结案"
        case "reviewQuality": "质量评定"
        case "recordReturnVisit": "回访"
        case "terminate": "终止法律援助"
        case "transfer": "移交异地"
        default: code
        }
    }

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
