import Fluent
import LegalAidCore
import Vapor

/// Status without logging in: the application number plus the last four digits of the phone.
struct LookupController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.lookup, use: form)
        routes.post(.lookup, use: lookup)
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
        switch try await StatusLookup(req).find(number: input.number, phoneLast4: input.phoneLast4) {
        case .refused(let errors):
            return try await render(req, input: input, errors: FormErrors(errors), result: nil).response(req, status: .unprocessableEntity)
        case let .locked(error, retryAfter):
            // Nothing typed is wrong: the lookup is closed for now. Said once, as a notice, not as
            // a field to correct.
            let response = try await render(req, input: input, errors: FormErrors(), result: nil, notice: error.message)
                .response(req, status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(retryAfter))
            return response
        case let .found(app, record):
            let summary = try await StatusLookup(req).summary(of: app, case: record)
            return try await render(req, input: input, errors: FormErrors(), result: summary).encodeResponse(for: req)
        }
    }

    private func render(_ req: Request, input: LookupInput, errors: FormErrors, result: StatusSummary?, notice: String? = nil) -> HTML {
        LookupPage(number: input.number ?? "", phoneLast4: input.phoneLast4 ?? "", errors: errors, result: result, notice: notice).render(req)
    }
}
