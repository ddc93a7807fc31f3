import Fluent
import SQLKit
import Vapor

public enum SQLiteDurability: String, Sendable {
    case normal
    case full
}

/// SQLite as a server database: write-ahead logging (readers never wait for the writer, and a
/// commit appends to the log instead of rewriting pages), the chosen `synchronous` level, and a
/// busy timeout so a connection waits briefly for another's write instead of failing.
///
/// `journal_mode` is kept in the file; the other two belong to each connection, and the SQLite
/// driver keeps one connection per event loop, so each is set there.
enum SQLiteTuning {
    static let busyTimeoutMilliseconds = 5000

    static func apply(_ app: Application, durability: SQLiteDurability) async throws {
        var loops = app.eventLoopGroup.makeIterator()
        while let loop = loops.next() {
            guard let sql = app.databases.database(logger: app.logger, on: loop) as? SQLDatabase else { return }
            try await sql.raw("PRAGMA journal_mode = WAL").run()
            try await sql.raw("PRAGMA synchronous = \(unsafeRaw: durability == .full ? "FULL" : "NORMAL")").run()
            try await sql.raw("PRAGMA busy_timeout = \(unsafeRaw: String(busyTimeoutMilliseconds))").run()
            // Hot pages from memory: a 32 MB page cache per connection and the file mapped
            // (reads without a copy through the kernel for each page).
            try await sql.raw("PRAGMA cache_size = -32768").run()
            try await sql.raw("PRAGMA mmap_size = 268435456").run()
            try await sql.raw("PRAGMA temp_store = MEMORY").run()
        }
    }

    /// What one connection reports, for the tests and the operator.
    static func report(on db: Database) async throws -> (journalMode: String, synchronous: Int, busyTimeout: Int) {
        guard let sql = db as? SQLDatabase else { return ("", 0, 0) }
        let mode = try await sql.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self) ?? ""
        let sync = try await sql.raw("PRAGMA synchronous").first()?.decode(column: "synchronous", as: Int.self) ?? 0
        let busy = try await sql.raw("PRAGMA busy_timeout").first()?.decode(column: "timeout", as: Int.self) ?? 0
        return (mode, sync, busy)
    }
}
