import Vapor

extension Request {
    /// The words a person typed into a search box (`q`), trimmed and cut to `limit` characters:
    /// a search never fails on what was typed, it only finds less.
    func typedWords(limit: Int = 100) -> String {
        String((query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(limit))
    }
}
