import Fluent
import LegalAidCore
import Vapor

/// The system administrator enters each year's holiday schedule when the State Council publishes it.
struct HolidayAdminController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        let admin = routes.grouped(RoleGuard(.systemAdmin))
        admin.get(.holidays, use: index)
        admin.post(.holidays, use: add)
        admin.post(.deleteHoliday(.key), use: remove)
    }

    struct HolidayInput: Content {
        var date: String?
        var kind: String?
        var name: String?
    }

    func index(req: Request) async throws -> HTML {
        return try await render(req, input: HolidayInput(), errors: FormErrors())
    }

    func add(req: Request) async throws -> Response {
        let input = try req.content.decode(HolidayInput.self)
        var errors: [FieldError] = []
        let date = LocalDate(iso: (input.date ?? "").trimmingCharacters(in: .whitespaces))
        if date == nil { errors.append(FieldError(field: "date", code: "invalidDate", message: "请按“年-月-日”填写日期，例如 2027-01-01")) }
        let kind = HolidayEntry.Kind(rawValue: input.kind ?? "")
        if kind == nil { errors.append(FieldError(field: "kind", code: "required", message: "请选择放假或调休上班")) }
        let name = (input.name ?? "").trimmingCharacters(in: .whitespaces)
        if name.isEmpty { errors.append(.required("name", "节日名称")) }
        if let date, try await HolidayModel.query(on: req.db).filter(\.$date == date.iso).first() != nil {
            errors.append(FieldError(field: "date", code: "duplicate", message: "\(date.chinese)已有设置，如需修改请先删除"))
        }
        guard errors.isEmpty, let date, let kind else {
            return try await render(req, input: input, errors: FormErrors(errors)).response(req, status: .unprocessableEntity)
        }
        try await HolidayModel(HolidayEntry(date: date, kind: kind, name: name)).create(on: req.db)
        try await req.audit("admin.holidayAdded", target: "holiday:\(date.iso)", detail: "\(name)（\(kind == .rest ? "放假" : "调休上班")）")
        req.flash("已添加：\(date.chinese) \(name)（\(kind == .rest ? "放假" : "调休上班")）")
        return req.redirect(to: SiteURL.holidays.path + "?year=\(date.year)")
    }

    func remove(req: Request) async throws -> Response {
        guard let holiday = try await HolidayModel.find(try req.parameters.id(), on: req.db) else { throw AppError.notFound("节假日") }
        try await holiday.delete(on: req.db)
        try await req.audit("admin.holidayRemoved", target: "holiday:\(holiday.date)")
        req.flash("已删除 \(holiday.date) \(holiday.name)")
        return req.redirect(to: SiteURL.holidays.path)
    }

    private func render(_ req: Request, input: HolidayInput, errors: FormErrors) async throws -> HTML {
        let year = req.query[Int.self, at: "year"] ?? LocalDate(req.now).year
        let entries = try await HolidayModel.query(on: req.db).filter(\.$date >= "\(year)-01-01").filter(\.$date <= "\(year)-12-31").sort(\.$date).all()
        let csrf = req.pageContext.csrfToken
        let rows: [HTML] = entries.map { entry in
            """
            <tr><td>\(entry.date)</td><td>\(entry.name)</td><td>\(entry.kind == "rest" ? "放假" : "调休上班")</td>
            <td><form method="post" action="\(SiteURL.deleteHoliday(entry.id!))" class="inline">\(Fields.csrf(csrf))<button type="submit" class="secondary">删除</button></form></td></tr>
            """
        }
        return req.page("节假日设置", """
        <p>期限按《民法典》第201、203条计算：期间最后一日是法定休假日的，以休假日结束的次日为最后一日；调休上班日按工作日计算。每年11月国务院公布次年安排后，请在此录入。</p>
        <p><a href="?year=\(year - 1)">← \(year - 1)年</a>　<strong>\(year)年</strong>　<a href="?year=\(year + 1)">\(year + 1)年 →</a></p>
        \((entries.isEmpty ? "<p>\(year)年尚未录入节假日安排。</p>" : "<table><thead><tr><th scope=\"col\">日期</th><th scope=\"col\">节日</th><th scope=\"col\">类型</th><th scope=\"col\">操作</th></tr></thead><tbody>\(rows)</tbody></table>") as HTML)
        <h2>添加一天</h2>
        \(errors.summary())
        <form method="post" action="\(SiteURL.holidays)" class="panel" novalidate>
          \(Fields.csrf(csrf))
          \(Fields.text("date", "日期", value: input.date ?? "", errors: errors, type: "date"))
          \(Fields.select("kind", "类型", options: [(value: "rest", label: "放假"), (value: "makeUpWorkday", label: "调休上班")], selected: input.kind, errors: errors))
          \(Fields.text("name", "节日名称", value: input.name ?? "", errors: errors, hint: "例如：春节"))
          <div class="actions"><button type="submit">添加</button></div>
        </form>
        """)
    }
}
