import Fluent
import SQLKit
import Vapor

/// `swift run Run bench-audit --writers 64 --records 4000`: audited writes a second with many
/// concurrent writers, chained on the request path as before #10 (advisory lock, read the last
/// entry, insert) against recording into the inbox as now, and how fast the sealer then chains
/// them. Run it through `bench/audited-views.sh` on a throwaway database.
struct BenchAuditCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "writers", help: "Concurrent writers; default 64")
        var writers: Int?
        @Option(name: "records", help: "Records per mode; default 4000")
        var records: Int?
    }

    var help: String { "Benchmark audited writes: the former chain-on-request path against the inbox (throwaway database only)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let services = app.fayuan
        let db = app.db
        let writers = max(1, signature.writers ?? 64)
        let records = max(writers, signature.records ?? 4000)
        guard try await AccountModel.query(on: db).count() <= 100 else {  // the demo has a few dozen accounts; a district has more
            context.console.print("This database holds real work; run bench/audited-views.sh, which uses a throwaway one.")
            return
        }
        try await AuditLog.seal(services: services, on: db)

        @Sendable func record(_ index: Int) -> AuditRecord {
            AuditRecord(account: nil, event: "personalData.view", target: "application:BENCH-\(index)", clientAddress: "bench")
        }

        func timed(_ label: String, _ write: @escaping @Sendable (Int) async throws -> Void) async throws -> Double {
            let started = Date()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<writers {
                    group.addTask {
                        for index in stride(from: writer, to: records, by: writers) { try await write(index) }
                    }
                }
                try await group.waitForAll()
            }
            let rate = Double(records) / Date().timeIntervalSince(started)
            context.console.print(label.padding(toLength: 44, withPad: " ", startingAt: 0) + String(format: "%8.0f records/s", rate))
            return rate
        }
        context.console.print("\(records) audited writes by \(writers) concurrent writers on \(db is SQLDatabase && (db as! SQLDatabase).dialect.name == "postgresql" ? "PostgreSQL" : "SQLite"):")
        let before = try await timed("chained on the request path (before #10):") { index in
            try await services.transaction(on: db) { tx in try await Self.chainOnRequestPath(record(index), at: services.clock.now(), on: tx) }
        }
        let after = try await timed("recorded into the inbox (this build):") { index in
            try await AuditLog.record(record(index), services: services, on: db)
        }
        let sealStarted = Date()
        let sealed = try await AuditLog.seal(services: services, on: db)
        context.console.print("sealer chaining the inbox afterwards:".padding(toLength: 44, withPad: " ", startingAt: 0)
                              + String(format: "%8.0f records/s", Double(sealed) / Date().timeIntervalSince(sealStarted)))
        context.console.print(String(format: "inbox / chained-on-request: %.1f×", after / before))
        guard case .intact = try await AuditLog.verify(on: db) else { throw Abort(.internalServerError, reason: "chain broken after the benchmark") }
    }

    /// What every audited request did before #10, kept here as the benchmark's baseline only:
    /// one global advisory lock, a read of the last entry, then the insert.
    static func chainOnRequestPath(_ record: AuditRecord, at now: Date, on tx: Database) async throws {
        if let sql = tx as? SQLDatabase, sql.dialect.name == "postgresql" {
            try await sql.raw("SELECT pg_advisory_xact_lock(7347001)").run()
        }
        let last = try await AuditEntryModel.query(on: tx).sort(\.$seq, .descending).first()
        try await PendingAuditEntryModel(record, at: now).sealed(seq: (last?.seq ?? 0) + 1, after: last?.hash ?? "").create(on: tx)
    }
}
