import Fluent
import SQLKit
import Vapor

/// Gap-free sequences per scope and year (document numbers, application numbers).
///
/// The row is created if missing and bumped with `UPDATE … RETURNING`, which is atomic on
/// SQLite and PostgreSQL alike, so two instances never hand out the same number.
enum Counters {
    static func next(_ scope: String, year: Int, on db: Database) async throws -> Int {
        guard let sql = db as? SQLDatabase else { throw Abort(.internalServerError, reason: "Counters need an SQL database") }
        try await sql.raw("""
            INSERT INTO counters (id, scope, year, value) VALUES (\(bind: UUID()), \(bind: scope), \(bind: year), 0)
            ON CONFLICT (scope, year) DO NOTHING
            """).run()
        guard let row = try await sql.raw("""
            UPDATE counters SET value = value + 1 WHERE scope = \(bind: scope) AND year = \(bind: year) RETURNING value
            """).first()
        else { throw Abort(.internalServerError, reason: "Counter row missing") }
        return try row.decode(column: "value", as: Int.self)
    }

    /// Where a counter stands (0 before its first `next`): one indexed row, nothing written.
    static func value(_ scope: String, year: Int, on db: Database) async throws -> Int {
        guard let sql = db as? SQLDatabase else { return 0 }
        let row = try await sql.raw("SELECT value FROM counters WHERE scope = \(bind: scope) AND year = \(bind: year)").first()
        return try row?.decode(column: "value", as: Int.self) ?? 0
    }
}
