import Vapor

/// A fragment of HTML. Interpolated strings are escaped unless they are themselves `HTML`,
/// so user text can never become markup.
struct HTML: Sendable, ExpressibleByStringInterpolation, AsyncResponseEncodable {
    private(set) var raw: String

    init(raw: String) { self.raw = raw }
    init(stringLiteral value: String) { raw = value }
    init(stringInterpolation: Interpolation) { raw = stringInterpolation.raw }

    static let empty = HTML(raw: "")

    struct Interpolation: StringInterpolationProtocol {
        var raw = ""
        init(literalCapacity: Int, interpolationCount: Int) { raw.reserveCapacity(literalCapacity * 2) }
        mutating func appendLiteral(_ literal: String) { raw += literal }
        mutating func appendInterpolation(_ text: String) { raw += HTML.escape(text) }
        mutating func appendInterpolation(_ text: String?) { raw += HTML.escape(text ?? "") }
        mutating func appendInterpolation(_ number: Int) { raw += String(number) }
        mutating func appendInterpolation(_ html: HTML) { raw += html.raw }
        mutating func appendInterpolation(_ html: HTML?) { raw += html?.raw ?? "" }
        mutating func appendInterpolation(_ list: [HTML]) { raw += list.map(\.raw).joined() }
        mutating func appendInterpolation(_ url: SiteURL) { raw += HTML.escape(url.path) }
    }

    static func escape(_ text: String) -> String {
        // Most text has nothing to escape: it is used as it is, uncopied.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    static func + (lhs: HTML, rhs: HTML) -> HTML { HTML(raw: lhs.raw + rhs.raw) }

    /// The page with a status other than 200 (a form sent back with its errors is 422).
    func response(_ request: Request, status: HTTPResponseStatus) async throws -> Response {
        let response = try await encodeResponse(for: request)
        response.status = status
        return response
    }

    func encodeResponse(for request: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: raw))
    }
}

extension Array where Element == HTML {
    func joined() -> HTML { HTML(raw: map(\.raw).joined()) }
}

/// `when(cond) { … }` for optional fragments.
func when(_ condition: Bool, _ html: () -> HTML) -> HTML { condition ? html() : .empty }
