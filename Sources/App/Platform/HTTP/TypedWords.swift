import Vapor

extension Request {
    /// The words a person typed into a search box (`q`), trimmed and cut to `limit` characters:
    /// a search never fails on what was typed, it only finds less.
    func typedWords(limit: Int = 100) -> String {
        String((query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(limit))
    }

    /// A text parameter of the API, held to the length its document declares: longer is refused
    /// by name (422), never silently cut or echoed back whole.
    /// Counted as the document counts (`maxLength`: code points of what was sent, before trimming).
    func queryText(_ name: String, label: String, max limit: Int) throws -> String {
        let raw = query[String.self, at: name] ?? ""
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard raw.unicodeScalars.count <= limit else {
            throw AppError(status: .unprocessableEntity, code: "tooLong", message: "“\(label)”不能超过\(limit)个字", field: name)
        }
        return text
    }

    /// A yes/no parameter (`true` or `false`); anything else is refused by name.
    func queryFlag(_ name: String, label: String) throws -> Bool {
        switch try queryChoice(name, label: label) {
        case nil, "false": return false
        case "true": return true
        default: throw AppError(status: .unprocessableEntity, code: "invalidChoice", message: "“\(label)”只能是 true 或 false", field: name)
        }
    }

    /// The raw value of a parameter that takes one of a list of values, `nil` when not chosen.
    /// On a page an empty value is "not chosen" (a select left at 全部); the API's document lists
    /// the values, and an empty one is not among them, so there it is refused by name.
    func queryChoice(_ name: String, label: String) throws -> String? {
        guard let raw = query[String.self, at: name] else { return nil }
        guard raw.isEmpty else { return raw }
        guard !SiteURL.isAPI(url.path) else {
            throw AppError(status: .unprocessableEntity, code: "invalidChoice", message: "“\(label)”的取值不在可选范围内", field: name)
        }
        return nil
    }
}
