import LegalAidCore

/// Every feature's messages (`Feature.messages`), by template name: what the SMS dispatcher asks
/// how long a message is worth sending, and the names a provider configuration must map.
enum MessageCatalogue {
    private static let byTemplate: [String: MessageKind] = Dictionary(features.flatMap(\.messages).map { ($0.template, $0) }) { first, _ in first }

    static func kind(_ template: String) -> MessageKind? { byTemplate[template] }

    static func templates(_ features: [any Feature]) -> [String] { features.flatMap(\.messages).map(\.template) }
}
