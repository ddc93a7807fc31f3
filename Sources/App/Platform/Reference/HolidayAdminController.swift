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
        var page = try await HolidaysPage.query(req)
        (page.date, page.kind, page.name, page.errors) = (input.date ?? "", input.kind, input.name ?? "", errors)
        return page.render(req)
    }
}
