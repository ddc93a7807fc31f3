import Foundation
import Fluent
import FluentSQLiteDriver
import LegalAidCore
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// The clock the app reads. Tests move it to cross deadlines; production never sets it.
public final class AppClock: Sendable {
    private let fixed = NIOLockedValueBox<Date?>(nil)

    public init() {}

    public func now() -> Date { fixed.withLockedValue { $0 } ?? Date() }
    public func set(_ date: Date?) { fixed.withLockedValue { $0 = date } }
}

/// Long-lived services built once in `configure`.
struct FayuanServices: Sendable {
    var settings: Settings
    var thresholds: IncomeThresholdTable
    var uploadsDirectory: String
    var clock: AppClock
    /// Set for SQLite only.
    var writeGate: WriteGate?
    var passwordPolicy: PasswordPolicy
    /// Rate limits (sign-in, lookups, application writes, SMS codes per account): in memory on
    /// SQLite (one instance), in the database on PostgreSQL, so every instance counts together.
    var limiter: any HitCounter
    var lockoutPolicy: LockoutPolicy
    /// Where SMS leave (the dispatcher sends through it).
    var smsGateway: any SMSGateway
    /// Organisations and holidays, from memory.
    var reference = ReferenceCache()
    /// Request counts and latencies for `/metrics`.
    var metrics = PlatformMetrics()
    /// This instance's open sockets, told when an account is signed out, locked or changed.
    var accountWatch = AccountWatch()
    /// Who is signed in (token → account, account rows), from memory.
    var principals = PrincipalCache()
    /// Audit records of concurrent requests, written together.
    var auditWriter = AuditGroupCommit()

    func referenceData(on db: Database) async throws -> ReferenceData { try await reference.current(on: db) }
}

extension Application {
    private struct ServicesKey: StorageKey { typealias Value = FayuanServices }

    var fayuan: FayuanServices {
        get {
            guard let services = storage[ServicesKey.self] else { fatalError("configure(_:) has not run") }
            return services
        }
        set { storage[ServicesKey.self] = newValue }
    }
}

extension Request {
    var fayuan: FayuanServices { application.fayuan }
    var now: Date { application.fayuan.clock.now() }
}

/// Lets one writer at a time into SQLite, which has a single writer and shares one
/// connection between requests; PostgreSQL's own transactions need no gate.
actor WriteGate {
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        if !busy {
            busy = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty { busy = false } else { waiters.removeFirst().resume() }
    }
}

extension FayuanServices {
    /// A database transaction, serialised on SQLite.
    func transaction<T>(on db: Database, _ body: @escaping @Sendable (Database) async throws -> T) async throws -> T {
        guard let gate = writeGate else { return try await db.transaction(body) }
        await gate.acquire()
        do {
            let result = try await Self.retryingBusy { try await Self.immediateTransaction(on: db, body) }
            await gate.release()
            return result
        } catch {
            await gate.release()
            throw error
        }
    }

    /// SQLite: `BEGIN IMMEDIATE` takes the write lock at the start (waiting out the busy timeout),
    /// so a transaction never finds at `COMMIT` that another connection wrote since it began;
    /// whatever fails — the body or the commit — is rolled back, so no connection is left
    /// inside a transaction holding the lock.
    private static func immediateTransaction<T>(on db: Database, _ body: @escaping @Sendable (Database) async throws -> T) async throws -> T {
        guard db is SQLDatabase else { return try await db.transaction(body) }
        return try await db.withConnection { connection -> TransactionResult<T> in
            let sql = connection as! SQLDatabase
            try await sql.raw("BEGIN IMMEDIATE").run()
            do {
                let result = try await body(connection)
                try await sql.raw("COMMIT").run()
                return TransactionResult(value: result)
            } catch {
                try? await sql.raw("ROLLBACK").run()
                throw error
            }
        }.value
    }

    /// A write outside the gate (a session being saved) can make SQLite refuse a transaction's
    /// first write to avoid a deadlock; the transaction then simply reruns.
    private static func retryingBusy<T>(_ work: () async throws -> T) async throws -> T {
        var attempt = 0
        while true {
            do {
                return try await work()
            } catch let error as SQLiteError where error.reason == .busy && attempt < 8 {
                attempt += 1
                try await Task.sleep(nanoseconds: UInt64(attempt) * 20_000_000)
            }
        }
    }
}

/// Carries a transaction's result out of `withConnection` (which needs a Sendable value).
private struct TransactionResult<T>: @unchecked Sendable {
    var value: T
}
