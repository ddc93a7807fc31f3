import Fluent
import Foundation
import SQLKit
import Vapor

/// Backup and restore of the embedded SQLite database.
///
/// A backup is taken while the server runs: `VACUUM INTO` reads one consistent snapshot (WAL
/// lets the server keep writing meanwhile) into a new, compact file, which is then checked with
/// `integrity_check`. A restore runs with the server stopped: it checks the backup, moves the
/// current database files aside (nothing is deleted) and puts the backup in their place.
/// The key file (`keys.json` or `FAYUAN_KEYS`) is not in the backup: keep it separately, as
/// without it the personal data in a backup cannot be read. PostgreSQL: see the README
/// (`pg_dump -Fc` / `pg_restore`).
enum SQLiteBackup {
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    /// Writes a consistent copy of the live database to `file` and checks it.
    static func backup(on db: Database, to file: String) async throws {
        guard let sql = db as? SQLDatabase else { throw Problem(description: "backup works on SQLite; for PostgreSQL use pg_dump") }
        guard !FileManager.default.fileExists(atPath: file) else { throw Problem(description: "\(file) already exists") }
        try await sql.raw("VACUUM INTO \(bind: file)").run()
        try await check(file, on: sql)
    }

    /// `integrity_check` on a database file, through an attached schema.
    static func check(_ file: String, on sql: SQLDatabase) async throws {
        try await sql.raw("ATTACH DATABASE \(bind: file) AS checked").run()
        let verdict = try await sql.raw("PRAGMA checked.integrity_check").first()?.decode(column: "integrity_check", as: String.self)
        let tables = try await sql.raw("SELECT count(*) AS n FROM checked.sqlite_master WHERE name = 'applications'").first()?.decode(column: "n", as: Int.self) ?? 0
        try await sql.raw("DETACH DATABASE checked").run()
        guard verdict == "ok" else { throw Problem(description: "\(file) failed the integrity check: \(verdict ?? "no answer")") }
        guard tables == 1 else { throw Problem(description: "\(file) is not a Fayuan database") }
    }

    /// Puts `backup` in place of the database at `live` (the server must be stopped). The
    /// current files are renamed `….before-restore-<time>`; returns that name.
    @discardableResult
    static func restore(from backup: String, to live: String, checkingWith sql: SQLDatabase, at now: Date) async throws -> String? {
        let files = FileManager.default
        guard files.isReadableFile(atPath: backup) else { throw Problem(description: "no readable backup at \(backup)") }
        let header = try FileHandle(forReadingFrom: URL(fileURLWithPath: backup)).read(upToCount: 16) ?? Data()
        guard header == Data("SQLite format 3\0".utf8) else { throw Problem(description: "\(backup) is not an SQLite database") }
        try await check(backup, on: sql)
        var movedAside: String?
        let stamp = ISO8601DateFormatter().string(from: now).replacingOccurrences(of: ":", with: "")
        for suffix in ["", "-wal", "-shm"] where files.fileExists(atPath: live + suffix) {
            let aside = "\(live).before-restore-\(stamp)\(suffix)"
            try files.moveItem(atPath: live + suffix, toPath: aside)
            if suffix.isEmpty { movedAside = aside }
        }
        try files.copyItem(atPath: backup, toPath: live)
        return movedAside
    }
}

/// `Run backup [--to FOLDER]`: a checked copy of the live SQLite database, while the server runs.
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "to", help: "Folder for the backup file (default: DATA_DIR/backups)")
        var folder: String?
    }

    var help: String { "Writes a consistent, checked copy of the SQLite database while the server runs" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard case .sqliteFile = app.fayuan.settings.database else {
            throw SQLiteBackup.Problem(description: "DATABASE_URL names PostgreSQL: back it up with pg_dump -Fc (see README)")
        }
        let folder = signature.folder ?? app.fayuan.settings.dataDirectory + "/backups"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
        let file = folder + "/fayuan-\(stamp).sqlite"
        try await SQLiteBackup.backup(on: app.db, to: file)
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        context.console.print("backup written and checked: \(file) (\(size / 1024) KB). The key file is not in it: keep keys.json separately.")
    }
}

/// `Run restore FILE`, with the server stopped: handled before `configure`, which would open
/// (and migrate) the database being replaced. Checks the backup on a scratch in-memory
/// connection, then swaps the files. Returns what to tell the operator.
public func restoreSQLiteBackup(_ backup: String, settings: Settings) async throws -> String {
    guard case .sqliteFile(let live) = settings.database else {
        throw SQLiteBackup.Problem(description: "DATABASE_URL names PostgreSQL: restore it with pg_restore (see README)")
    }
    let scratch = try await Application.make(.init(name: "restore", arguments: ["restore"]))
    scratch.logger.logLevel = .error
    scratch.databases.use(.sqlite(.memory), as: .sqlite)
    do {
        guard let sql = scratch.db as? SQLDatabase else { throw SQLiteBackup.Problem(description: "no SQL connection") }
        let aside = try await SQLiteBackup.restore(from: backup, to: live, checkingWith: sql, at: Date())
        try await scratch.asyncShutdown()
        return "restored \(backup) to \(live)" + (aside.map { "; the database it replaced is kept as \($0)" } ?? "")
    } catch {
        try? await scratch.asyncShutdown()
        throw error
    }
}
