import Fluent
import LegalAidCore
import Vapor

/// `swift run Run bench-sweep --cases N`: fills the (throwaway) database with N synthetic
/// open cases and as many applications at the centre, then times the deadline board and the
/// sweep the server runs every minute. Run it through `bench/deadline-sweep.sh`, which points
/// it at a fresh data folder; it refuses a database that already holds more than the demo.
struct BenchSweepCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "cases", help: "Open cases (and applications at the centre) to create; default 2000")
        var cases: Int?
        @Option(name: "runs", help: "Timed repetitions; default 5; 0 only fills the database")
        var runs: Int?
    }

    var help: String { "Benchmark the deadline sweep on synthetic data (throwaway database only)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let db = app.db
        let services = app.fayuan
        let count = signature.cases ?? 2000
        let runs = max(0, signature.runs ?? 5)
        guard try await ApplicationModel.query(on: db).count() <= 10 else {
            context.console.print("This database holds real work; run bench/deadline-sweep.sh, which uses a throwaway one.")
            return
        }
        let reference = try await services.referenceData(on: db)
        guard let centre = reference.tree.all(.legalAidCenter).first,
              let creator = try await AccountModel.query(on: db).holding(.centreReviewer).first()
        else { context.console.print("No centre or reviewer: start with the demo seed."); return }

        let now = services.clock.now()
        let started = Date()
        var made = 0
        while made < count {
            let batch = min(200, count - made)
            let range = made..<(made + batch)
            try await services.transaction(on: db) { tx in
                for index in range {
                    var form = SyntheticPerson.form(name: "基准\(index)", birth: "19800101", sequence: index % 1000, phone: "13900000001")
                    form.matter.cause = "基准测试案由"
                    // Half the cases were decided ten days ago (overdue for assignment), half today.
                    let decided = index.isMultiple(of: 2) ? now.addingTimeInterval(-10 * 86_400) : now
                    let app = CaseIntakeService.newApplication(form: form, channel: "bench", state: .approved, centreID: centre.id, by: creator, now: decided)
                    app.number = String(format: "BENCH-%07d", index)
                    app.decidedAt = decided
                    try await app.create(on: tx)
                    try await CaseService.open(for: app, decidedAt: decided, calendar: reference.calendar, on: tx)
                    let waiting = CaseIntakeService.newApplication(form: form, channel: "bench", state: .underReview, centreID: centre.id, by: creator, now: now)
                    waiting.number = String(format: "BENCW-%07d", index)
                    waiting.receivedOn = LocalDate(decided).iso
                    try await waiting.create(on: tx)
                }
            }
            made += batch
        }
        context.console.print("created \(count) open cases and \(count) applications at the centre in \(Self.ms(since: started)) ms")
        guard runs > 0 else { return }

        var boardTimes: [Double] = []
        var sweepTimes: [Double] = []
        var deadlines = 0
        var raised = 0
        for run in 0..<runs {
            let boardStart = Date()
            deadlines = try await DeadlineBoard.collect(on: db, reference: reference, now: now).count
            boardTimes.append(Self.ms(since: boardStart))
            let sweepStart = Date()
            let inserted = try await DeadlineSweep.run(on: db, services: services)
            sweepTimes.append(Self.ms(since: sweepStart))
            if run == 0 { raised = inserted }
        }
        context.console.print("deadlines watched: \(deadlines); alerts raised by the first sweep: \(raised); by later sweeps: 0 (idempotent)")
        context.console.print("deadline board: median \(Self.median(boardTimes)) ms, max \(boardTimes.max() ?? 0) ms over \(runs) runs")
        context.console.print("first sweep (inserting alerts): \(sweepTimes.first ?? 0) ms; later sweeps: median \(Self.median(Array(sweepTimes.dropFirst()))) ms")
    }

    static func ms(since start: Date) -> Double { (Date().timeIntervalSince(start) * 10_000).rounded() / 10 }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }
}
