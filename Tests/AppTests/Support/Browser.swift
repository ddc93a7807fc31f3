import Foundation
import XCTVapor
@testable import App

/// A client that keeps its session cookie and sends each form with the page's CSRF token,
/// as a browser would.
final class Browser {
    let test: TestApp
    var cookies: [String: String] = [:]
    var csrf: String?

    init(_ test: TestApp) { self.test = test }

    struct Page {
        var status: HTTPStatus
        var headers: HTTPHeaders
        var body: String
        var location: String? { headers.first(name: .location) }
        func contains(_ text: String) -> Bool { body.contains(text) }
    }

    @discardableResult
    func get(_ path: String) async throws -> Page {
        try await send(.GET, path, headers: [:], body: ByteBuffer())
    }

    /// Posts a form, fetching a page first if we have no CSRF token yet.
    @discardableResult
    func post(_ path: String, _ fields: [(String, String)], csrf override: String? = nil) async throws -> Page {
        if csrf == nil { try await get("/") }
        var all = fields
        all.append(("_csrf", override ?? csrf ?? ""))
        let encoded = all.map { key, value in "\(Self.formEncode(key))=\(Self.formEncode(value))" }.joined(separator: "&")
        var headers = HTTPHeaders()
        headers.contentType = .urlEncodedForm
        return try await send(.POST, path, headers: headers, body: ByteBuffer(string: encoded))
    }

    struct Upload {
        var field: String
        var filename: String
        var contentType: String
        var bytes: [UInt8]
    }

    @discardableResult
    func postMultipart(_ path: String, _ fields: [(String, String)], files: [Upload] = []) async throws -> Page {
        if csrf == nil { try await get("/") }
        let boundary = "----fayuan\(UUID().uuidString)"
        var body = ByteBuffer()
        for (key, value) in fields + [("_csrf", csrf ?? "")] {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(key)\"\r\n\r\n\(value)\r\n")
        }
        for file in files {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.filename)\"\r\nContent-Type: \(file.contentType)\r\n\r\n")
            body.writeBytes(file.bytes)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await send(.POST, path, headers: headers, body: body)
    }

    /// Opens the sign-in page, then signs in, as a person would; staff then type the code
    /// their authenticator shows (enrolling first when they have none).
    func login(_ username: String, _ password: String) async throws {
        try await get("/login")
        let page = try await post("/login", [("username", username), ("password", password)])
        XCTAssertEqual(page.status, .seeOther, "login \(username)")
        if page.location == "/login/second-factor" {
            let account = try await test.account(username)
            let code = test.nextTOTPCode(secret: try XCTUnwrap(account.totpSecret))
            try await get("/login/second-factor")
            let done = try await post("/login/second-factor", [("code", code)])
            XCTAssertEqual(done.status, .seeOther, "second factor \(username)")
        } else if page.location == "/login/enrol" {
            let enrolPage = try await get("/login/enrol")
            let key = try XCTUnwrap(Self.extract(enrolPage.body, after: "id=\"totp-key\" class=\"key\">", until: "<"))
            let secret = try XCTUnwrap(Base32.decode(key))
            let done = try await post("/login/enrol", [("code", test.nextTOTPCode(secret: secret))])
            XCTAssertEqual(done.status, .ok, "enrolment \(username)")
            XCTAssertTrue(done.body.contains("请保存恢复码"))
        }
    }

    static func extract(_ text: String, after start: String, until end: Character) -> String? {
        guard let range = text.range(of: start) else { return nil }
        let rest = text[range.upperBound...]
        return rest.firstIndex(of: end).map { String(rest[..<$0]) }
    }

    /// Any method with no body, as a browser or a script might send it.
    @discardableResult
    func send(_ method: HTTPMethod, _ path: String) async throws -> Page {
        try await send(method, path, headers: [:], body: ByteBuffer())
    }

    private func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders, body: ByteBuffer) async throws -> Page {
        var headers = headers
        if !cookies.isEmpty {
            headers.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        let response = try await test.app.testable().performTest(request: TestingHTTPRequest(method: method, url: URI(path: path), headers: headers, body: body))
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            if pair.count == 2 { cookies[String(pair[0])] = String(pair[1]) }
        }
        let text = String(buffer: response.body)
        XCTAssertFalse(text.contains("HTML(raw:"), "a fragment was printed as text on \(path)")
        if let token = Self.extractCSRF(text) { csrf = token }
        return Page(status: response.status, headers: response.headers, body: text)
    }

    /// The one-time token of the first form on a page (`_once`).
    static func extractOnce(_ html: String) -> String? {
        extract(html, after: "name=\"_once\" value=\"", until: "\"")
    }

    static func extractCSRF(_ html: String) -> String? {
        guard let range = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    static func formEncode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._*")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

/// The JSON API with a bearer token.
struct APIClient {
    let test: TestApp
    var token: String?

    static func signIn(_ test: TestApp, _ username: String, _ password: String) async throws -> APIClient {
        var client = APIClient(test: test, token: nil)
        var body = ["username": username, "password": password]
        if let secret = try await test.account(username).totpSecret { body["code"] = test.nextTOTPCode(secret: secret) }
        let response = try await client.send(.POST, "/api/v1/auth/token", json: body)
        XCTAssertEqual(response.status, .created)
        client.token = try client.object(response)["token"] as? String
        return client
    }

    func send(_ method: HTTPMethod, _ path: String, json: Any? = nil, headers extra: [(String, String)] = []) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders(extra)
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        var body = ByteBuffer()
        if let json {
            headers.contentType = .json
            body = ByteBuffer(data: try JSONSerialization.data(withJSONObject: json))
        }
        return try await test.app.testable().performTest(request: TestingHTTPRequest(method: method, url: URI(path: path), headers: headers, body: body))
    }

    /// For an anonymous asker: asks for the code that confirms `phone`, and reads it from the SMS
    /// queue as the phone would show it.
    func phoneCode(for phone: String) async throws -> String {
        let sent = try await send(.POST, "/api/v1/consultations/phone-code", json: ["phone": phone])
        XCTAssertEqual(sent.status, .accepted, sent.body.string)
        return try await test.lastPhoneCode()
    }

    /// A `multipart/form-data` upload: one file (and any plain fields).
    func upload(_ path: String, field: String = "file", filename: String, contentType: String, bytes: [UInt8],
                fields: [(String, String)] = [], headers extra: [(String, String)] = []) async throws -> TestingHTTPResponse {
        let boundary = "----fayuan\(UUID().uuidString)"
        var body = ByteBuffer()
        for (key, value) in fields {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(key)\"\r\n\r\n\(value)\r\n")
        }
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(filename)\"\r\nContent-Type: \(contentType)\r\n\r\n")
        body.writeBytes(bytes)
        body.writeString("\r\n--\(boundary)--\r\n")
        var headers = HTTPHeaders(extra)
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await test.app.testable().performTest(request: TestingHTTPRequest(method: .POST, url: URI(path: path), headers: headers, body: body))
    }

    func object(_ response: TestingHTTPResponse) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] ?? [:]
    }
}
