import NIOConcurrencyHelpers
import NIOCore
import Vapor
@testable import App
import LegalAidCore

/// A local HTTP server standing in for the SMS provider: checks each request's signature the
/// way the provider does, records what it was sent, and answers from a script per phone number
/// (then "OK" once the script is used up).
final class FakeSMSProvider: Sendable {
    static let secret = "test-secret"
    let app: Application
    let port: Int
    private let requests: NIOLockedValueBox<[[String: String]]>
    private let scripts: NIOLockedValueBox<[String: [String]]>

    var received: [[String: String]] { requests.withLockedValue { $0 } }
    var endpoint: String { "http://127.0.0.1:\(port)/" }

    /// Answers `codes` in turn to messages for `phone` ("OK", "isv.BUSINESS_LIMIT_CONTROL", …).
    func script(_ phone: String, _ codes: [String]) { scripts.withLockedValue { $0[phone] = codes } }

    static func start(delay: TimeAmount = .zero) async throws -> FakeSMSProvider {
        let app = try await Application.make(.testing)
        app.logger.logLevel = .error
        let requests = NIOLockedValueBox<[[String: String]]>([])
        let scripts = NIOLockedValueBox<[String: [String]]>([:])
        app.post { req async throws -> Response in
            var form = try req.content.decode([String: String].self)
            let signature = form.removeValue(forKey: "Signature")
            if delay != .zero { try await Task.sleep(nanoseconds: UInt64(delay.nanoseconds)) }
            guard signature == ProviderSMSGateway.signature(method: "POST", parameters: form, secret: secret) else {
                return try reply(.badRequest, ["Code": "SignatureDoesNotMatch", "Message": "Specified signature is not matched with our calculation."])
            }
            requests.withLockedValue { $0.append(form) }
            let phone = form["PhoneNumbers"] ?? ""
            let code = scripts.withLockedValue { script -> String in
                guard var codes = script[phone], !codes.isEmpty else { return "OK" }
                let next = codes.removeFirst()
                script[phone] = codes
                return next
            }
            if code == "OK" { return try reply(.ok, ["Code": "OK", "Message": "OK", "BizId": "biz-\(requests.withLockedValue { $0.count })", "RequestId": "r"]) }
            return try reply(code.hasPrefix("HTTP5") ? .serviceUnavailable : .ok, ["Code": code, "Message": "scripted"])
        }
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        guard let port = app.http.server.shared.localAddress?.port else { throw Abort(.internalServerError) }
        return FakeSMSProvider(app: app, port: port, requests: requests, scripts: scripts)
    }

    private init(app: Application, port: Int, requests: NIOLockedValueBox<[[String: String]]>, scripts: NIOLockedValueBox<[String: [String]]>) {
        self.app = app
        self.port = port
        self.requests = requests
        self.scripts = scripts
    }

    private static func reply(_ status: HTTPStatus, _ body: [String: String]) throws -> Response {
        let response = Response(status: status)
        try response.content.encode(body, as: .json)
        return response
    }

    func shutdown() async throws {
        await app.server.shutdown()
        try await app.asyncShutdown()
    }

    /// Provider settings pointing at a port nothing listens on.
    static func closedPortSettings() -> SMSProviderSettings {
        SMSProviderSettings(endpoint: "http://127.0.0.1:9/", accessKeyID: "test-id", accessKeySecret: secret, signName: "法援在线",
                            templateCodes: Dictionary(uniqueKeysWithValues: MessageTemplateCodes.all))
    }

    /// Provider settings that post here, with a code for every template.
    var settings: SMSProviderSettings {
        SMSProviderSettings(endpoint: endpoint, accessKeyID: "test-id", accessKeySecret: Self.secret, signName: "法援在线",
                            templateCodes: Dictionary(uniqueKeysWithValues: MessageTemplateCodes.all))
    }
}

enum MessageTemplateCodes {
    static var all: [(String, String)] {
        MessageCatalogue.templates(features).enumerated().map { ($1, "SMS_\(1000 + $0)") }
    }
}
