import LegalAidCore
import Vapor

/// An error the user sees: HTTP status, stable machine code, Chinese message and, where it
/// applies, the field at fault. The API renders it as `{"error": {"code", "message", "field"}}`.
struct AppError: AbortError, Sendable {
    var status: HTTPResponseStatus
    var code: String
    var message: String
    var field: String?
    /// Every problem when a form has several.
    var fieldErrors: [FieldError] = []
    /// Seconds, for 429 answers.
    var retryAfter: Int?
    /// The methods an address takes, for 405 answers.
    var allow: [String]?
    /// Set when a protected record exists but this person may not see it: what to name in
    /// the audit trail (等保2.0: refused attempts are recorded). They are told only "not found".
    var deniedTarget: String?

    var reason: String { message }

    /// A refusal a form page shows beside its fields (bad input, or a state that moved on).
    var refusesForm: Bool { status == .unprocessableEntity || status == .conflict }

    /// The problems to show on the form: each field's, or one for the whole form.
    var formErrors: [FieldError] {
        fieldErrors.isEmpty ? [FieldError(field: field ?? "form", code: code, message: message)] : fieldErrors
    }

    static func notFound(_ what: String = "页面") -> AppError {
        AppError(status: .notFound, code: "notFound", message: "\(what)不存在或已被删除")
    }

    /// Someone reached for a record outside their reach: answered as "not found", so other
    /// organisations' records are not even known to exist, and audited as refused.
    static func refused(_ what: String, target: String) -> AppError {
        var error = notFound(what)
        error.deniedTarget = target
        return error
    }

    /// A refusal the audit trail records (a denied record, or a role without the right).
    var isAccessRefusal: Bool { deniedTarget != nil || code == "forbidden" }

    static let forbidden = AppError(status: .forbidden, code: "forbidden", message: "您无权查看或办理该事项")
    static let unauthenticated = AppError(status: .unauthorized, code: "unauthenticated", message: "请先登录")

    static func invalid(_ errors: [FieldError]) -> AppError {
        AppError(status: .unprocessableEntity, code: errors.first?.code ?? "invalid", message: errors.first?.message ?? "输入有误",
                 field: errors.first?.field, fieldErrors: errors)
    }

    static func invalid(field: String, code: String = "invalidField", _ message: String) -> AppError {
        invalid([FieldError(field: field, code: code, message: message)])
    }

    init(status: HTTPResponseStatus, code: String, message: String, field: String? = nil, fieldErrors: [FieldError] = []) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.fieldErrors = fieldErrors
    }

    init(_ error: WorkflowError) {
        let status: HTTPResponseStatus = switch error {
        case .changedConcurrently: .conflict
        case .roleNotPermitted, .notOwner: .forbidden
        case .illegalTransition, .materialsPeriodNotOver: .conflict
        case .missingField, .supplyDateNotInFuture: .unprocessableEntity
        }
        self.init(status: status, code: error.code, message: error.message, field: error.field,
                  fieldErrors: error.field.map { [FieldError(field: $0, code: error.code, message: error.message)] } ?? [])
    }
}

/// The API's error body.
struct APIErrorBody: Content {
    struct Detail: Content {
        var code: String
        var message: String
        var field: String?
        var fields: [FieldError]?
    }
    var error: Detail
}

extension FieldError: Content {}
