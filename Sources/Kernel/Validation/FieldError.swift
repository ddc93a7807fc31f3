import Foundation

/// A problem with one input field: a stable machine code, the field's path and a Chinese
/// message to show beside it.
public struct FieldError: Error, Hashable, Codable, Sendable {
    public var field: String
    public var code: String
    public var message: String

    public init(field: String, code: String, message: String) {
        self.field = field
        self.code = code
        self.message = message
    }

    public static func required(_ field: String, _ label: String) -> FieldError {
        FieldError(field: field, code: "required", message: "请填写\(label)")
    }
}

/// Every problem with one submitted form, so a page can show them all at once.
public struct FieldErrors: Error, Hashable, Sendable {
    public var errors: [FieldError]
    public init(_ errors: [FieldError]) { self.errors = errors }
}
