import Vapor

extension Request {
    /// The words a person typed into a search box (`q`), trimmed and cut to `limit` characters:
    /// a search never fails on what was typed, it only finds less.
    func typedWords(limit: Int = 100) -> String {
        String((query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(limit))
    }

    /// A text parameter of the API, held to the length its document declares: longer is refused
    /// by name (422), never silently cut or echoed back whole.
    func queryText(_ name: String, label: String, max limit: Int) throws -> String {
        let text = (query[String.self, at: name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count <= limit else {
            throw AppError(status: .unprocessableEntity, code: "tooLong", message: "“\(label)”不能超过\(limit)个字", field: name)
        }
        return text
    }

    /// A yes/no parameter (`true` or `false`); anything else is refused by name.
    func queryFlag(_ name: String, label: String) throws -> Bool {
        switch query[String.self, at: name] {
        case nil, "", "false": return false
        case "true": return true
        default: throw AppError(status: .unprocessableEntity, code: "invalidChoice", message: "“\(label)”只能是 true 或 false", field: name)
        }
    }
}
