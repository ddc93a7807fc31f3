import Crypto
import Foundation
import NIOCore
import LegalAidCore
import Vapor

/// A provider's HTTP API in the shape China's SMS services share (Alibaba Cloud's `SendSms`
/// and the services modelled on it): a form post of the number, the approved signature, the
/// template code and its parameters as JSON, the access key id, a timestamp and a nonce, signed
/// with HMAC-SHA1 over the sorted, percent-encoded parameters using the access key secret.
/// The answer is JSON: `Code` "OK" with a `BizId`, or an error code.
struct ProviderSMSGateway: SMSGateway {
    var settings: SMSProviderSettings
    var client: any Client
    var now: @Sendable () -> Date
    var timeout: TimeAmount = .seconds(10)

    var longestSend: TimeInterval { Double(timeout.nanoseconds) / 1_000_000_000 }

    /// Error codes that concern this one message: trying again cannot help.
    static let refusedCodes: Set<String> = [
        "isv.MOBILE_NUMBER_ILLEGAL", "isv.MOBILE_COUNT_OVER_LIMIT", "isv.BLACK_KEY_CONTROL_LIMIT", "isv.PARAM_LENGTH_LIMIT",
        "isv.PARAM_NOT_SUPPORT_URL", "isv.DAY_LIMIT_CONTROL", "isv.DENY_IP_RANGE",
    ]

    func send(_ sms: OutgoingSMS) async -> SMSGatewayAnswer {
        guard let template = sms.template, let code = settings.templateCodes[template] else {
            // Rows written before templates existed have no code to send under.
            return SMSGatewayAnswer(outcome: .refused, code: "NoTemplate", message: "this message has no approved template")
        }
        let parameters = Self.parameters(phone: sms.phone, templateCode: code, templateParameters: sms.parameters, settings: settings,
                                         timestamp: now(), nonce: UUID().uuidString)
        let signed = parameters.merging(["Signature": Self.signature(method: "POST", parameters: parameters, secret: settings.accessKeySecret)]) { $1 }
        do {
            var headers = HTTPHeaders()
            headers.contentType = .urlEncodedForm
            let response = try await client.post(URI(string: settings.endpoint), headers: headers) { request in
                request.timeout = timeout
                request.body = ByteBuffer(string: Self.formBody(signed))
            }
            return Self.answer(status: response.status, body: response.body.map { Data(buffer: $0) } ?? Data())
        } catch {
            return SMSGatewayAnswer(outcome: .retryLater, code: "Unreachable", message: "no answer from the provider (\(String(describing: type(of: error))))")
        }
    }

    /// The request's parameters before signing.
    static func parameters(phone: String, templateCode: String, templateParameters: [String: String], settings: SMSProviderSettings,
                           timestamp: Date, nonce: String) -> [String: String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(templateParameters)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
        let time = ISO8601DateFormatter()
        time.formatOptions = [.withInternetDateTime]
        time.timeZone = TimeZone(identifier: "UTC")
        return [
            "AccessKeyId": settings.accessKeyID, "Action": "SendSms", "Format": "JSON", "PhoneNumbers": phone, "RegionId": settings.regionID,
            "SignName": settings.signName, "SignatureMethod": "HMAC-SHA1", "SignatureNonce": nonce, "SignatureVersion": "1.0",
            "TemplateCode": templateCode, "TemplateParam": json, "Timestamp": time.string(from: timestamp), "Version": "2017-05-25",
        ]
    }

    /// Base64 of HMAC-SHA1(secret + "&", METHOD & %2F & percent-encoded sorted query).
    static func signature(method: String, parameters: [String: String], secret: String) -> String {
        let stringToSign = method + "&" + percentEncode("/") + "&" + percentEncode(canonicalQuery(parameters))
        let mac = HMAC<Insecure.SHA1>.authenticationCode(for: Data(stringToSign.utf8), using: SymmetricKey(data: Data((secret + "&").utf8)))
        return Data(mac).base64EncodedString()
    }

    static func canonicalQuery(_ parameters: [String: String]) -> String {
        parameters.sorted { $0.key < $1.key }.map { percentEncode($0.key) + "=" + percentEncode($0.value) }.joined(separator: "&")
    }

    static func formBody(_ parameters: [String: String]) -> String { canonicalQuery(parameters) }

    /// RFC 3986: only A–Z a–z 0–9 - _ . ~ stay as they are; everything else is %XX of its UTF-8.
    static func percentEncode(_ text: String) -> String {
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~")
        return text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    static func answer(status: HTTPResponseStatus, body: Data) -> SMSGatewayAnswer {
        struct Reply: Decodable {
            var Code: String?
            var Message: String?
            var BizId: String?
        }
        let reply = try? JSONDecoder().decode(Reply.self, from: body)
        let code = reply?.Code ?? "HTTP\(status.code)"
        let message = String((reply?.Message ?? status.reasonPhrase).prefix(200))
        if code == "OK", let reference = reply?.BizId, !reference.isEmpty {
            return SMSGatewayAnswer(outcome: .accepted(reference: reference), code: code, message: message)
        }
        return SMSGatewayAnswer(outcome: refusedCodes.contains(code) ? .refused : .retryLater, code: code, message: message)
    }
}
