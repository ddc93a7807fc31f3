import Foundation
import LegalAidCore

/// Which gateway sends SMS, from `FAYUAN_SMS_GATEWAY` and the provider's settings.
public enum SMSGatewayChoice: Sendable, Equatable {
    /// Only log that a message would be sent (the default outside production).
    case log
    /// A provider's HTTP API in the common shape of China's SMS services.
    case provider(SMSProviderSettings)

    /// - Parameter text: a variable's trimmed value, nil when unset or blank (as `Settings` reads it).
    /// - Parameter templates: every template's name, from every feature (`Feature.messages`).
    static func fromEnvironment(_ text: (String) -> String?, templates: [String]) throws -> SMSGatewayChoice {
        func required(_ name: String) throws -> String {
            guard let value = text(name) else { throw ConfigurationError(variable: name, problem: "is required when FAYUAN_SMS_GATEWAY=provider") }
            return value
        }
        switch text("FAYUAN_SMS_GATEWAY") ?? "log" {
        case "log":
            return .log
        case "provider":
            let endpoint = try required("FAYUAN_SMS_ENDPOINT")
            guard let url = URLComponents(string: endpoint), ["http", "https"].contains(url.scheme ?? ""), url.host?.isEmpty == false else {
                throw ConfigurationError(variable: "FAYUAN_SMS_ENDPOINT", problem: "must be an http(s) URL such as https://dysmsapi.aliyuncs.com/")
            }
            let codesText = try required("FAYUAN_SMS_TEMPLATE_CODES")
            guard let codes = try? JSONDecoder().decode([String: String].self, from: Data(codesText.utf8)) else {
                throw ConfigurationError(variable: "FAYUAN_SMS_TEMPLATE_CODES", problem: "must be a JSON object from template name to the provider's template code")
            }
            let missing = templates.filter { (codes[$0] ?? "").isEmpty }
            if !missing.isEmpty {
                throw ConfigurationError(variable: "FAYUAN_SMS_TEMPLATE_CODES", problem: "has no code for \(missing.joined(separator: ", "))")
            }
            let unknown = codes.keys.filter { !templates.contains($0) }.sorted()
            if !unknown.isEmpty {
                throw ConfigurationError(variable: "FAYUAN_SMS_TEMPLATE_CODES", problem: "names no such template: \(unknown.joined(separator: ", "))")
            }
            return .provider(SMSProviderSettings(
                endpoint: endpoint, accessKeyID: try required("FAYUAN_SMS_ACCESS_KEY_ID"), accessKeySecret: try required("FAYUAN_SMS_ACCESS_KEY_SECRET"),
                signName: text("FAYUAN_SMS_SIGN_NAME") ?? "法援在线", regionID: text("FAYUAN_SMS_REGION") ?? "cn-hangzhou", templateCodes: codes))
        default:
            throw ConfigurationError(variable: "FAYUAN_SMS_GATEWAY", problem: "must be log or provider")
        }
    }
}

/// A provider account: where to post, the access key pair that signs each request, the
/// approved signature (短信签名) and the approved template code for each of our templates.
public struct SMSProviderSettings: Sendable, Equatable {
    public var endpoint: String
    public var accessKeyID: String
    public var accessKeySecret: String
    public var signName: String
    public var regionID: String
    public var templateCodes: [String: String]

    public init(endpoint: String, accessKeyID: String, accessKeySecret: String, signName: String, regionID: String = "cn-hangzhou",
                templateCodes: [String: String]) {
        self.endpoint = endpoint
        self.accessKeyID = accessKeyID
        self.accessKeySecret = accessKeySecret
        self.signName = signName
        self.regionID = regionID
        self.templateCodes = templateCodes
    }
}
