import Foundation

/// The Markdown staff write knowledge-base entries in, rendered safely (issue #13): every
/// character they type is escaped, so no script, HTML or event attribute can get through; only
/// this renderer writes tags. Headings (#, ##, ###), paragraphs, lists (- and 1.), quotes (>),
/// **bold**, *emphasis* and links to http(s) addresses or to this site's own paths.
enum Markdown {
    static func html(_ source: String) -> HTML {
        var out = ""
        var paragraph: [String] = []
        var list: (ordered: Bool, items: [String])?
        var quote: [String] = []

        func flushParagraph() {
            if !paragraph.isEmpty { out += "<p>" + paragraph.map(inline).joined(separator: "<br>") + "</p>\n" }
            paragraph = []
        }
        func flushList() {
            if let l = list {
                let tag = l.ordered ? "ol" : "ul"
                out += "<\(tag)>" + l.items.map { "<li>\(inline($0))</li>" }.joined() + "</\(tag)>\n"
            }
            list = nil
        }
        func flushQuote() {
            if !quote.isEmpty { out += "<blockquote><p>" + quote.map(inline).joined(separator: "<br>") + "</p></blockquote>\n" }
            quote = []
        }
        func flushAll() { flushParagraph(); flushList(); flushQuote() }

        for rawLine in source.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { flushAll(); continue }
            if let (level, text) = heading(line) {
                flushAll()
                out += "<h\(level)>\(inline(text))</h\(level)>\n"
            } else if line.hasPrefix(">") {
                flushParagraph(); flushList()
                quote.append(String(line.dropFirst()).trimmingCharacters(in: .whitespaces))
            } else if let item = bullet(line) {
                flushParagraph(); flushQuote()
                if list?.ordered != false { flushList(); list = (false, []) }
                list?.items.append(item)
            } else if let item = numbered(line) {
                flushParagraph(); flushQuote()
                if list?.ordered != true { flushList(); list = (true, []) }
                list?.items.append(item)
            } else {
                flushList(); flushQuote()
                paragraph.append(line)
            }
        }
        flushAll()
        return HTML(raw: out)
    }

    /// The words without marks, for snippets, search and plain-text previews.
    static func plainText(_ source: String) -> String {
        source.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map { raw -> String in
            var line = raw.trimmingCharacters(in: .whitespaces)
            if let (_, text) = heading(line) { line = text }
            if line.hasPrefix(">") { line = String(line.dropFirst()).trimmingCharacters(in: .whitespaces) }
            if let item = bullet(line) ?? numbered(line) { line = item }
            return inlinePieces(line).map(\.text).joined()
        }.joined(separator: "\n")
    }

    private static func heading(_ line: String) -> (Int, String)? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        // The page title is the h1: the text's own headings start at h2.
        return (min(hashes + 1, 4), String(line.dropFirst(hashes + 1)).trimmingCharacters(in: .whitespaces))
    }

    private static func bullet(_ line: String) -> String? {
        for marker in ["- ", "* ", "+ "] where line.hasPrefix(marker) { return String(line.dropFirst(2)) }
        return nil
    }

    private static func numbered(_ line: String) -> String? {
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3 else { return nil }
        let rest = line.dropFirst(digits.count)
        guard rest.hasPrefix(". ") || rest.hasPrefix("、") else { return nil }
        return String(rest.dropFirst(rest.hasPrefix(". ") ? 2 : 1)).trimmingCharacters(in: .whitespaces)
    }

    private enum Style { case plain, strong, emphasis, link(String) }
    private struct Piece { var text: String; var style: Style }

    private static func inline(_ text: String) -> String {
        inlinePieces(text).map { piece in
            let escaped = HTML.escape(piece.text)
            switch piece.style {
            case .plain: return escaped
            case .strong: return "<strong>\(escaped)</strong>"
            case .emphasis: return "<em>\(escaped)</em>"
            case .link(let url): return "<a href=\"\(HTML.escape(url))\" rel=\"nofollow noopener\">\(escaped)</a>"
            }
        }.joined()
    }

    /// **bold**, *emphasis* and [text](address); anything unclosed stays as typed.
    private static func inlinePieces(_ text: String) -> [Piece] {
        var pieces: [Piece] = []
        var plain = ""
        var rest = Substring(text)
        func emit(_ piece: Piece) {
            if !plain.isEmpty { pieces.append(Piece(text: plain, style: .plain)); plain = "" }
            pieces.append(piece)
        }
        while let first = rest.first {
            if rest.hasPrefix("**"), let end = rest.dropFirst(2).range(of: "**"), end.lowerBound > rest.index(rest.startIndex, offsetBy: 2) {
                emit(Piece(text: String(rest[rest.index(rest.startIndex, offsetBy: 2)..<end.lowerBound]), style: .strong))
                rest = rest[end.upperBound...]
            } else if first == "*", let end = rest.dropFirst().firstIndex(of: "*"), end > rest.index(after: rest.startIndex) {
                emit(Piece(text: String(rest[rest.index(after: rest.startIndex)..<end]), style: .emphasis))
                rest = rest[rest.index(after: end)...]
            } else if first == "[", let close = rest.firstIndex(of: "]"), rest[rest.index(after: close)...].hasPrefix("("),
                      let paren = rest[close...].firstIndex(of: ")") {
                let label = String(rest[rest.index(after: rest.startIndex)..<close])
                let address = String(rest[rest.index(close, offsetBy: 2)..<paren]).trimmingCharacters(in: .whitespaces)
                if isSafeAddress(address) {
                    emit(Piece(text: label, style: .link(address)))
                } else {
                    plain += label
                }
                rest = rest[rest.index(after: paren)...]
            } else {
                plain.append(first)
                rest = rest.dropFirst()
            }
        }
        if !plain.isEmpty { pieces.append(Piece(text: plain, style: .plain)) }
        return pieces
    }

    /// Only web addresses and this site's own paths: never javascript:, data: or protocol-relative.
    /// A browser drops tabs and line breaks anywhere in an address and reads `\` as `/`, so
    /// `/<TAB>/evil.example` would open `//evil.example`: any such character refuses the link.
    static func isSafeAddress(_ address: String) -> Bool {
        let refused = address.unicodeScalars.contains { $0.properties.isWhitespace || $0.properties.generalCategory == .control || $0 == "\\" }
        guard !refused else { return false }
        let lower = address.lowercased()
        if lower.hasPrefix("https://") || lower.hasPrefix("http://") { return true }
        return address.hasPrefix("/") && !address.hasPrefix("//")
    }
}
