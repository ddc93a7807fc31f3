import Fluent
import LegalAidCore
import SQLKit
import Vapor

/// One figure a supervisor reads: how many, and for a duration how long on average, for one
/// organisation in one month (China time). Each feature computes its own in the database
/// (`Feature.figures`); the supervision dashboard reads them all.
struct Figure: Sendable, Hashable, Codable {
    /// Stable code, `<feature>.<what>` (`legalAid.submitted`).
    var name: String
    /// What it counts, in Chinese.
    var label: String
    var organisationID: UUID
    /// `2026-03`, the month in China time.
    var month: String
    var count: Int
    /// For a duration: its average in seconds over the counted rows.
    var averageSeconds: Double?
}

/// The period figures are asked for (`from` inclusive, `to` exclusive), and how this database
/// names a month and a duration, so a feature's query reads the same on SQLite and PostgreSQL.
struct FigureQuery: Sendable {
    var from: Date
    var to: Date
    var sql: any SQLDatabase

    init(from: Date, to: Date, on db: Database) throws {
        guard let sql = db as? any SQLDatabase else { throw AppError(status: .internalServerError, code: "internal", message: "系统繁忙，请稍后再试") }
        (self.from, self.to, self.sql) = (from, to, sql)
    }

    private var postgres: Bool { sql.dialect.name == "postgresql" }

    /// A timestamp column's month in China time (UTC+8, no daylight saving), as `2026-03`.
    func month(_ column: String) -> SQLQueryString {
        postgres ? "to_char(\(unsafeRaw: column) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')"
                 : "strftime('%Y-%m', \(unsafeRaw: column) + 28800, 'unixepoch')"
    }

    /// Seconds from one timestamp column to another.
    func seconds(from start: String, to end: String) -> SQLQueryString {
        postgres ? "CAST(EXTRACT(EPOCH FROM (\(unsafeRaw: end) - \(unsafeRaw: start))) AS DOUBLE PRECISION)"
                 : "(\(unsafeRaw: end) - \(unsafeRaw: start))"
    }

    /// Runs a query whose rows hold `organisation`, `month`, `n` and, when `averaged`, `average`.
    func rows(_ name: String, _ label: String, _ query: SQLQueryString, averaged: Bool = false) async throws -> [Figure] {
        try await sql.raw(query).all().map { row in
            Figure(name: name, label: label, organisationID: try row.decode(column: "organisation", as: UUID.self),
                   month: try row.decode(column: "month", as: String.self), count: try row.decode(column: "n", as: Int.self),
                   averageSeconds: averaged ? try row.decode(column: "average", as: Double?.self) : nil)
        }
    }
}

extension Application {
    /// Every feature's figures for a period, by name, organisation and month.
    func figures(from: Date, to: Date, on db: Database) async throws -> [Figure] {
        let query = try FigureQuery(from: from, to: to, on: db)
        var all: [Figure] = []
        for feature in features { all += try await feature.figures(query) }
        return all.sorted { ($0.name, $0.month, $0.organisationID.uuidString) < ($1.name, $1.month, $1.organisationID.uuidString) }
    }
}
