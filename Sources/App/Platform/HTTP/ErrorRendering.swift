import LegalAidCore
import Vapor

/// Turns every error into a Chinese page, or into the API's JSON error body under `/api`.
/// Internal details are logged (without request bodies) and never shown.
struct ErrorRendering: Middleware {
    func respond(to request: Request, chainingTo next: Responder) -> EventLoopFuture<Response> {
        next.respond(to: request).flatMapError { error in
            request.eventLoop.makeFutureWithTask { try await Self.answer(error, to: request) }
        }
    }

    /// The error as the person (a Chinese page) or the program (the API's JSON body) reads it.
    static func answer(_ error: Error, to request: Request) async throws -> Response {
        let appError = Self.appError(for: error, request: request)
        if appError.status.code >= 500 {
            request.logger.error("Unhandled error on \(request.method) \(request.url.path): \(String(reflecting: type(of: error)))")
        }
        if appError.isAccessRefusal { await Self.auditRefusal(appError, request: request) }
        let retry = appError.retryAfter
        if SiteURL.isAPI(request.url.path) || request.url.path == SiteURL.health.path {
            let body = APIErrorBody(error: .init(code: appError.code, message: appError.message, field: appError.field,
                                                 fields: appError.fieldErrors.isEmpty ? nil : appError.fieldErrors))
            let response = Response(status: appError.status)
            try response.content.encode(body, as: .json)
            if let retry { response.headers.replaceOrAdd(name: .retryAfter, value: String(retry)) }
            if let allow = appError.allow { response.headers.replaceOrAdd(name: .allow, value: allow.joined(separator: ", ")) }
            return response
        }
        if appError.status == .unauthorized {
            return request.redirect(to: SiteURL.login(next: request.url.path).path)
        }
        let page = ErrorPage(status: appError.status, message: appError.message)
        let response = try await page.render(request).encodeResponse(for: request)
        response.status = appError.status
        if let retry { response.headers.replaceOrAdd(name: .retryAfter, value: String(retry)) }
        if let allow = appError.allow { response.headers.replaceOrAdd(name: .allow, value: allow.joined(separator: ", ")) }
        return response
    }

    /// 等保2.0: every refused attempt on a protected resource is in the audit trail — who,
    /// what, when, from where, outcome "denied" — naming the record, never its contents.
    static func auditRefusal(_ error: AppError, request: Request) async {
        let reveal = request.query[String.self, at: "reveal"] == "1" ? "（显示完整号码）" : ""
        do {
            try await request.audit("access.denied", target: error.deniedTarget ?? "path:\(request.url.path)", outcome: .denied,
                                    detail: "\(request.method.rawValue) \(request.url.path)\(reveal)")
        } catch {
            request.logger.error("could not audit a refused access: \(String(reflecting: type(of: error)))")
        }
    }

    static func appError(for error: Error, request: Request) -> AppError {
        switch error {
        case let error as AppError: return error
        case let error as WorkflowError: return AppError(error)
        case let error as DecodingError:
            let path: [CodingKey]
            switch error {
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context): path = context.codingPath
            case .keyNotFound(let key, let context): path = context.codingPath + [key]
            @unknown default: path = []
            }
            // The path (`attachments.0`) is for programs, in `field`; a person reads plain Chinese.
            let field = path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
            return AppError(status: .badRequest, code: "badRequest",
                            message: field.isEmpty ? "提交的内容格式不正确，请检查后重试" : "提交的内容中有一项格式不正确，请检查后重试",
                            field: field.isEmpty ? nil : field)
        case _ where String(reflecting: type(of: error)).hasPrefix("MultipartKit."):
            return AppError(status: .badRequest, code: "badRequest", message: "上传的内容格式不正确，请重新选择文件后提交")
        case let abort as AbortError:
            switch abort.status {
            case .notFound: return .notFound()
            case .payloadTooLarge: return AppError(status: .payloadTooLarge, code: "tooLarge", message: "提交的内容太大，单个文件请不要超过上传限制")
            case .unauthorized: return .unauthenticated
            case .forbidden: return .forbidden
            case .unsupportedMediaType:
                return AppError(status: .unsupportedMediaType, code: "unsupportedMediaType",
                                message: "提交的内容类型无法识别：请以表单提交，或在接口中使用 Content-Type: application/json")
            case .badRequest, .unprocessableEntity:
                // The framework's own reason is English and internal: the person gets Chinese.
                return AppError(status: abort.status, code: "badRequest", message: "提交的内容格式不正确，请检查后重试")
            default: return AppError(status: abort.status, code: "error", message: "请求未能完成，请稍后再试")
            }
        default:
            return AppError(status: .internalServerError, code: "internal", message: "系统繁忙，请稍后再试。如需帮助请拨打12348")
        }
    }
}

