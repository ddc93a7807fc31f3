import Foundation

/// A text the platform sends to a person — the in-app message and the SMS — declared by the
/// domain it belongs to, one type per template, its placeholders (`${name}`) filled from the
/// type's own typed fields. SMS providers in China send only pre-approved templates: each type is
/// one template, registered with the provider under the code the configuration maps `template`
/// to, and the provider adds the signature (`【法援在线】`). An SMS never carries case facts,
/// reasons or ID numbers: it points to the platform instead.
public protocol MessageTemplate: Sendable {
    /// The template's stable name (stored with each SMS, and the key of the provider's code).
    static var template: String { get }
    /// The in-app message's title, or nil for an SMS-only message.
    static var title: String? { get }
    /// The in-app message's text (may say more than the SMS: it is read after signing in);
    /// nil for an SMS-only message. Defaults to the SMS text.
    static var inApp: String? { get }
    /// The SMS text, without the signature.
    static var sms: String { get }
    /// How long after it was written the SMS is still worth sending.
    static var sendWithin: TimeInterval { get }
    /// The placeholders' values, from the message's fields.
    var values: [String: String] { get }
}

extension MessageTemplate {
    public static var title: String? { nil }
    public static var inApp: String? { title == nil ? nil : sms }
    public static var sendWithin: TimeInterval { MessageKind.defaultSendWithin }
}

/// What a domain declares about one of its messages, for the platform: the template's name and
/// texts (start-up refuses a provider configuration without a code for each), and how long an
/// SMS of it is worth sending.
public struct MessageKind: Sendable, Hashable {
    /// The signature every SMS starts with (the provider's 短信签名).
    public static let signature = "【法援在线】"
    /// Any message but a code is stale after a day (the in-app message stays).
    public static let defaultSendWithin: TimeInterval = 24 * 3600

    public let template: String
    public let title: String?
    public let inApp: String?
    public let sms: String
    public let sendWithin: TimeInterval

    public init<M: MessageTemplate>(_ type: M.Type) {
        template = M.template
        title = M.title
        inApp = M.inApp
        sms = M.sms
        sendWithin = M.sendWithin
    }

    /// The placeholders the SMS needs: the parameters sent to the provider with the template code.
    public var smsPlaceholders: [String] { Self.placeholders(in: sms) }

    /// Every placeholder any of the three texts needs.
    public var placeholders: Set<String> {
        Set([title, inApp, sms].compactMap { $0 }.flatMap(Self.placeholders(in:)))
    }

    static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let start = rest.range(of: "${"), let end = rest[start.upperBound...].firstIndex(of: "}") {
            names.append(String(rest[start.upperBound..<end]))
            rest = rest[rest.index(after: end)...]
        }
        return names
    }
}

/// One message to one person: the template's texts filled with the message's values.
public struct Notice: Hashable, Sendable {
    public let kind: MessageKind
    public let parameters: [String: String]

    public init<M: MessageTemplate>(_ message: M) {
        kind = MessageKind(M.self)
        parameters = message.values
    }

    public var template: String { kind.template }
    public var title: String? { kind.title.map(fill) }
    public var body: String? { kind.inApp.map(fill) }
    /// The SMS as the phone shows it, signature first.
    public var sms: String { MessageKind.signature + fill(kind.sms) }
    /// Only the values the SMS template needs, for the provider's template parameters.
    public var smsParameters: [String: String] { parameters.filter { kind.smsPlaceholders.contains($0.key) } }

    private func fill(_ text: String) -> String {
        parameters.reduce(text) { $0.replacingOccurrences(of: "${\($1.key)}", with: $1.value) }
    }
}
