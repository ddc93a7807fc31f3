import Foundation

enum CommonPasswords {
    /// The bundled list (`config/common-passwords.txt`), one per line, `#` for comments.
    static func load() throws -> Set<String> {
        let text = try String(contentsOf: BundledResource.url("config/common-passwords.txt"), encoding: .utf8)
        return Set(text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") })
    }
}
