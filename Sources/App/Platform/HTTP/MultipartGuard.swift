import Vapor

/// Refuses multipart bodies whose part headers carry bytes outside ASCII in a header name.
/// MultipartKit 4.7 indexes a 128-entry table with such bytes and traps, which would let one
/// request stop the server; found by the schemathesis run in the test command.
struct MultipartGuard: GatedMiddleware {
    func applies(to request: Request) -> Bool { request.headers.contentType?.type == "multipart" }

    func handle(_ request: Request, next: AsyncResponder) async throws -> Response {
        guard let type = request.headers.contentType, let boundary = type.parameters["boundary"], !boundary.isEmpty else {
            throw AppError(status: .badRequest, code: "badRequest", message: "上传的内容格式不正确，请重新选择文件后提交")
        }
        let limit = request.fayuan.settings.maxUploadBytes * 5 + 1_048_576
        let body = try await request.body.collect(max: limit).get()
        if let body, !Self.headersAreSafe(Array(body.readableBytesView), boundary: boundary) {
            throw AppError(status: .badRequest, code: "badRequest", message: "上传的内容格式不正确，请重新选择文件后提交")
        }
        return try await next.respond(to: request)
    }

    /// True when every header name in every part is plain ASCII.
    static func headersAreSafe(_ bytes: [UInt8], boundary: String) -> Bool {
        let delimiter = Array(("--" + boundary).utf8)
        var index = 0
        while let found = find(delimiter, in: bytes, from: index) {
            var cursor = found + delimiter.count
            // Past the delimiter line; then header lines until an empty line.
            while cursor < bytes.count && bytes[cursor] != 0x0A { cursor += 1 }
            cursor += 1
            while cursor < bytes.count {
                var lineEnd = cursor
                while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
                var line = Array(bytes[cursor..<min(lineEnd, bytes.count)])
                if line.last == 0x0D { line.removeLast() }
                if line.isEmpty { break }
                if line.starts(with: delimiter) { break }
                let name = line.prefix { $0 != UInt8(ascii: ":") }
                if name.contains(where: { $0 >= 0x80 }) { return false }
                cursor = lineEnd + 1
            }
            index = found + delimiter.count
        }
        return true
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count, start <= haystack.count - needle.count else { return nil }
        var i = start
        while i <= haystack.count - needle.count {
            if haystack[i] == needle[0] && Array(haystack[i..<i + needle.count]) == needle { return i }
            i += 1
        }
        return nil
    }
}
