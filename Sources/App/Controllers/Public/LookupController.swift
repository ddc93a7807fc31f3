import Fluent
import LegalAidCore
import Vapor

/// Status without logging in: the application number plus the last four digits of the phone.
struct LookupController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get("lookup", use: form)
        routes.post("lookup", use: lookup)
    }

    struct LookupInput: Content {
        var number: String?
        var phoneLast4: String?
    }

    func form(req: Request) async throws -> HTML {
        render(req, input: LookupInput(), errors: FormErrors(), result: nil)
    }

    func lookup(req: Request) async throws -> Response {
        let input = try req.content.decode(LookupInput.self)
        switch try await Self.find(number: input.number, phoneLast4: input.phoneLast4, on: req.db) {
        case .refused(let errors):
            return try await render(req, input: input, errors: FormErrors(errors), result: nil).response(req, status: .unprocessableEntity)
        case .found(let app):
            let reference = try await ReferenceData.load(on: req.db)
            let events = try await ApplicationEventModel.query(on: req.db).filter(\.$applicationID == app.id!).sort(\.$seq).all()
            let caseState = try await CaseModel.query(on: req.db).filter(\.$applicationID == app.id!).first()?.caseState
            let summary = StatusSummary(app: app, events: events, calendar: reference.calendar, today: LocalDate(req.now), caseState: caseState)
            return try await render(req, input: input, errors: FormErrors(), result: summary).encodeResponse(for: req)
        }
    }

    /// One message for "no such number" and "digits don't match", so the form can't be used
    /// to learn which numbers exist.
    enum Outcome {
        case found(ApplicationModel)
        case refused([FieldError])
    }

    static func find(number raw: String?, phoneLast4 rawDigits: String?, on db: Database) async throws -> Outcome {
        let number = (raw ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        let digits = (rawDigits ?? "").trimmingCharacters(in: .whitespaces)
        var errors: [FieldError] = []
        if number.isEmpty { errors.append(.required("number", "申请编号")) }
        if digits.count != 4 || !digits.allSatisfy(\.isNumber) {
            errors.append(FieldError(field: "phoneLast4", code: "invalidDigits", message: "请输入手机号码的最后4位数字"))
        }
        guard errors.isEmpty else { return .refused(errors) }
        guard let app = try await ApplicationModel.query(on: db).filter(\.$number == number).first(),
              app.applicationState != .draft, app.phoneLast4 == digits
        else {
            return .refused([FieldError(field: "number", code: "notFound", message: "没有找到与申请编号和手机号码后四位都相符的申请，请核对后再试")])
        }
        return .found(app)
    }

    private func render(_ req: Request, input: LookupInput, errors: FormErrors, result: StatusSummary?) -> HTML {
        let context = req.pageContext
        return req.page("查询办理进度", """
        \(errors.summary())
        <form method="post" action="\(SiteURL.lookup)" class="panel" novalidate>
          \(Fields.csrf(context.csrfToken))
          \(Fields.text("number", "申请编号", value: input.number ?? "", errors: errors, hint: "提交申请后短信中的编号，例如 FY2026-000123"))
          \(Fields.text("phoneLast4", "手机号码后四位", value: input.phoneLast4 ?? "", errors: errors, inputmode: "numeric"))
          <div class="actions"><button type="submit">查询</button></div>
        </form>
        \(result?.render())
        """)
    }
}
