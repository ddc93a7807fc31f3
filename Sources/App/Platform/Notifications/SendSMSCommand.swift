import Vapor

/// `swift run Run send-sms`: one round of the SMS dispatcher, for a cron job where the
/// server's own loop is off (`FAYUAN_SMS_DISPATCH_SECONDS=0`).
struct SendSMSCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Send the SMS waiting in the outbox through the configured gateway." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let round = try await SMSDispatcher(gateway: app.fayuan.smsGateway, services: app.fayuan).runOnce(on: app.db)
        context.console.print(round.summary ?? "sms: nothing to send")
    }
}
