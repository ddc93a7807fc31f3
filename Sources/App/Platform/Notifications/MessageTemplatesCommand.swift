import Foundation
import Vapor

/// `swift run Run message-templates`: every template the platform sends, one per line as
/// `name<TAB>SMS text` (or `--json` for an object from each name to its text) — what to register
/// with the SMS provider, and the names `FAYUAN_SMS_TEMPLATE_CODES` must map.
struct MessageTemplatesCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "json", help: "Print a JSON object from each template's name to its SMS text")
        var json: Bool
    }
    var help: String { "List every SMS template the platform sends (to register with the provider)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let kinds = features.flatMap(\.messages).sorted { $0.template < $1.template }
        if signature.json {
            let object = Dictionary(kinds.map { ($0.template, $0.sms) }, uniquingKeysWith: { a, _ in a })
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            context.console.print(String(decoding: data, as: UTF8.self))
        } else {
            for kind in kinds { context.console.print("\(kind.template)\t\(kind.sms)") }
        }
    }
}
