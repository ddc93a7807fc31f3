import Fluent
import LegalAidCore
import Vapor

/// The centre's intake desk for cases that come from the justice system: criminal notifications
/// (通知辩护, 第36条: assign within 3 days) and requests from detained people (第39条: forward
/// within 24 hours).
struct IntakeController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.intake, use: index)
        routes.post(.intakeNotifications, use: notification)
        routes.post(.intakeDetained, use: detained)
        routes.post(.forwardDetained(.key), use: forward)
    }

    struct Input: Content {
        var authority: String?
        var authorityName: String?
        var personName: String?
        var charge: String?
        var receivedOn: String?
        var possibleLifeOrDeath: String?
        var detained: String?
        var placeName: String?
        var detaineeName: String?
        var detaineeCharge: String?
        var receivedAt: String?
        var note: String?

        var values: [String: String] {
            ["authority": authority ?? "", "authorityName": authorityName ?? "", "personName": personName ?? "", "charge": charge ?? "",
             "receivedOn": receivedOn ?? "", "detaineeName": detaineeName ?? "", "detaineeCharge": detaineeCharge ?? "", "placeName": placeName ?? "", "receivedAt": receivedAt ?? "", "note": note ?? "",
             "possibleLifeOrDeath": possibleLifeOrDeath ?? "", "detained": detained ?? ""]
        }
    }

    func index(req: Request) async throws -> HTML {
        let account = try req.requireStaff()
        return try await page(req, account: account, form: nil, values: [:], errors: FormErrors())
    }

    func notification(req: Request) async throws -> Response {
        let account = try req.requireStaff()
        _ = try CaseIntakeService(req).centre(of: account, reference: try await req.referenceData())
        let input = try req.content.decode(Input.self)
        let parsed = CriminalNotification.parse(authority: input.authority, authorityName: input.authorityName ?? "", personName: input.personName ?? "",
                                                charge: input.charge ?? "", receivedOn: input.receivedOn, possibleLifeOrDeath: input.possibleLifeOrDeath == "true",
                                                detained: input.detained == "true", today: LocalDate(req.now))
        do {
            let notice = try parsed.mapError { AppError.invalid($0.errors) }.get()
            let record = try await CaseIntakeService(req).registerNotification(notice, by: account)
            req.flash("已登记通知辩护，请于\(CaseDates.chinese(record.assignmentDue))前指派律师（法律援助法第36条）。")
            return req.redirect(to: SiteURL.legalAidCase(record.id!).path)
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await page(req, account: account, form: "notification", values: input.values, errors: FormErrors(error.fieldErrors))
                .response(req, status: .unprocessableEntity)
        }
    }

    func detained(req: Request) async throws -> Response {
        let account = try req.requireStaff()
        _ = try CaseIntakeService(req).centre(of: account, reference: try await req.referenceData())
        let input = try req.content.decode(Input.self)
        do {
            let entry = try await CaseIntakeService(req).recordDetainedRequest(
                placeName: input.placeName ?? "", personName: input.detaineeName ?? "", charge: input.detaineeCharge ?? "", note: input.note ?? "",
                receivedAt: input.receivedAt.flatMap(Self.parseMoment), by: account)
            req.flash("已登记，须于\(TimeText.chinese(entry.forwardDue))前转交中心（法律援助法第39条：24小时内）。")
            return req.redirect(to: SiteURL.intake.path)
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await page(req, account: account, form: "detained", values: input.values, errors: FormErrors(error.fieldErrors))
                .response(req, status: .unprocessableEntity)
        }
    }

    func forward(req: Request) async throws -> Response {
        let account = try req.requireStaff()
        let app = try await CaseIntakeService(req).forward(try req.parameters.id(), by: account)
        req.flash("已转交法律援助中心，申请编号\(app.number)，中心将于7日内作出决定。")
        return req.redirect(to: SiteURL.application(app.id!).path)
    }

    /// `2026-11-20 09:30` or `2026-11-20T09:30` (from a datetime-local field), China time.
    static func parseMoment(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "T", with: " ")
        let parts = trimmed.split(separator: " ")
        guard parts.count == 2, let day = LocalDate(iso: String(parts[0])) else { return nil }
        let hm = parts[1].split(separator: ":").compactMap { Int($0) }
        guard hm.count >= 2, (0..<24).contains(hm[0]), (0..<60).contains(hm[1]) else { return nil }
        return day.startOfDay.addingTimeInterval(Double(hm[0] * 3600 + hm[1] * 60))
    }

    private func page(_ req: Request, account: AccountModel, form: String?, values: [String: String], errors: FormErrors) async throws -> HTML {
        let reference = try await req.referenceData()
        let centre = try CaseIntakeService(req).centre(of: account, reference: reference)
        let pendingPage = try await DetainedRequestModel.query(on: req.db).filter(\.$centreID == centre.id).filter(\.$forwardedAt == nil).sort(\.$forwardDue)
            .paged(try ListPage.from(req))
        let pending = pendingPage.items
        let csrf = req.pageContext.csrfToken
        func errs(_ name: String) -> FormErrors { form == name ? errors : FormErrors() }
        func value(_ key: String) -> String { values[key] ?? "" }
        let rows: [HTML] = pending.map { entry in
            let overdue = req.now > entry.forwardDue
            return """
            <tr><td>\(entry.person.name)</td><td>\(entry.placeName)</td><td>\(TimeText.chinese(entry.receivedAt))</td>
            <td>\((overdue ? "<span class=\"overdue\">已超过24小时（\(TimeText.chinese(entry.forwardDue))）</span>" : "\(TimeText.chinese(entry.forwardDue))前") as HTML)</td>
            <td><form method="post" action="\(SiteURL.forwardDetained(entry.id!))" class="inline">\(Fields.csrf(csrf))<button type="submit">转交中心受理</button></form></td></tr>
            """
        }
        return req.page("通知辩护与羁押人员申请", """
        \(errors.summary())
        <h2>待转交的羁押人员申请（第39条：24小时内）</h2>
        \((pending.isEmpty ? "<p>暂无待转交的申请。</p>" : "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">申请人</th><th scope=\"col\">羁押场所</th><th scope=\"col\">收到时间</th><th scope=\"col\">转交期限</th><th scope=\"col\">操作</th></tr></thead><tbody>\(rows)</tbody></table></div>") as HTML)
        \(Pager.render(pendingPage, req, unit: "件"))
        <details class="panel"\(HTML(raw: form == "notification" || form == nil ? " open" : ""))><summary><strong>登记通知辩护（第36条）</strong></summary>
        <form method="post" action="\(SiteURL.intakeNotifications)" novalidate>
          \(Fields.csrf(csrf))
          \(Fields.select("authority", "通知机关类别", options: CriminalNotification.Authority.allCases.map { (value: $0.rawValue, label: $0.chinese) }, selected: value("authority"), errors: errs("notification")))
          \(Fields.text("authorityName", "通知机关名称", value: value("authorityName"), errors: errs("notification"), hint: "如：示范区人民法院"))
          \(Fields.text("personName", "犯罪嫌疑人、被告人姓名", value: value("personName"), errors: errs("notification")))
          \(Fields.text("charge", "涉嫌罪名", value: value("charge"), errors: errs("notification")))
          \(Fields.text("receivedOn", "收到通知的日期", value: value("receivedOn").isEmpty ? LocalDate(req.now).iso : value("receivedOn"), errors: errs("notification"), type: "date"))
          \(Fields.checkbox("detained", "犯罪嫌疑人、被告人在押", checked: value("detained") == "true", errors: errs("notification")))
          \(Fields.checkbox("possibleLifeOrDeath", "可能被判处无期徒刑、死刑（须指派执业三年以上律师，第26条）", checked: value("possibleLifeOrDeath") == "true", errors: errs("notification")))
          <div class="actions"><button type="submit">登记并进入指派</button></div>
        </form></details>
        <details class="panel"\(HTML(raw: form == "detained" ? " open" : ""))><summary><strong>登记羁押人员的法律援助申请（第39条）</strong></summary>
        <form method="post" action="\(SiteURL.intakeDetained)" novalidate>
          \(Fields.csrf(csrf))
          \(Fields.text("placeName", "羁押场所", value: value("placeName"), errors: errs("detained"), hint: "如：示范区看守所"))
          \(Fields.text("detaineeName", "申请人姓名", value: value("detaineeName"), errors: errs("detained")))
          \(Fields.text("detaineeCharge", "涉嫌罪名或案由", value: value("detaineeCharge"), errors: errs("detained"), required: false))
          \(Fields.text("receivedAt", "羁押场所收到申请的时间", value: value("receivedAt"), errors: errs("detained"), hint: "年-月-日 时:分，如：2026-11-20 09:30"))
          \(Fields.textarea("note", "备注", value: value("note"), errors: errs("detained"), required: false))
          <div class="actions"><button type="submit">登记</button></div>
        </form></details>
        """)
    }
}
