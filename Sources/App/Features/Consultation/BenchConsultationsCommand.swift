import Fluent
import LegalAidCore
import Vapor
import DeskCore

/// `swift run Run bench-consultations --conversations N --keys FILE`: fills a throwaway
/// database with N live consultations already taken by the centre's reviewer, each with an
/// anonymous asker key, and writes `id key` lines to FILE for `bench/ws_bench.py`. It refuses a
/// database that already holds consultations.
struct BenchConsultationsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "conversations", help: "Conversations to create; default 5000")
        var conversations: Int?
        @Option(name: "keys", help: "File to write `id key` lines to")
        var keys: String?
    }

    var help: String { "Create synthetic live consultations for the WebSocket benchmark (throwaway database only)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let db = app.db
        let services = app.fayuan
        let count = signature.conversations ?? 5000
        guard let path = signature.keys else { context.console.print("--keys FILE is required"); return }
        guard try await ConsultationModel.query(on: db).count() == 0 else {
            context.console.print("This database holds consultations; run bench/ws.sh, which uses a throwaway one.")
            return
        }
        let reference = try await services.referenceData(on: db)
        let desk = try ConsultationDesk.forCitizens(reference)
        guard let staff = try await AccountModel.query(on: db).filter(\.$username == "shencha").first() else {
            context.console.print("No demo reviewer: start with the demo seed.")
            return
        }
        let now = services.clock.now()
        var lines: [String] = []
        var made = 0
        while made < count {
            let range = made..<min(made + 500, count)
            lines += try await services.transaction(on: db) { tx -> [String] in
                var made: [String] = []
                for index in range {
                    let key = TokenHash.newToken()
                    let c = ConsultationModel()
                    c.id = UUID()
                    c.channel = ConsultationChannel.live.rawValue
                    c.topic = ConsultationTopic.labour.rawValue
                    c.state = ConsultationState.active.rawValue
                    c.version = 0
                    c.deskID = desk.id
                    c.askerName = "基准\(index)"
                    c.askerKeyHash = TokenHash.of(key)
                    c.responsibleAccountID = staff.id
                    c.handledBy = [staff.id!]
                    c.handledByText = staff.id!.uuidString
                    c.queuedAt = now
                    c.takenAt = now
                    c.callbackAttempts = 0
                    c.messageCount = 0
                    try await c.create(on: tx)
                    made.append("\(c.id!.uuidString) \(key)")
                }
                return made
            }
            made = range.upperBound
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        context.console.print("created \(count) live consultations; keys in \(path)")
    }
}
