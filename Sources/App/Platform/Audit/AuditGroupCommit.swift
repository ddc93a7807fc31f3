import Fluent
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// Audit records of concurrent requests go into the inbox together: one transaction and one
/// insert for all the records that arrived while the previous batch was being written (group
/// commit). Each request still waits until its own record is committed, so nothing audited is
/// acknowledged before it is durable; on SQLite, whose single writer made each request queue
/// for a transaction of its own, a busy second now costs a few transactions instead of hundreds.
final class AuditGroupCommit: Sendable {
    private struct Waiting {
        var entry: PendingAuditEntryModel
        var done: CheckedContinuation<Void, Error>
    }

    private struct State {
        var waiting: [Waiting] = []
        var writing = false
    }

    /// Rows a single insert carries (ten columns each: far below either database's limit on
    /// bound values).
    static let rowsPerInsert = 500

    private let state = NIOLockedValueBox(State())

    /// Returns once the record is committed (or throws what the write threw).
    func write(_ record: AuditRecord, at now: Date, services: FayuanServices, on db: Database) async throws {
        let entry = PendingAuditEntryModel(record, at: now)
        entry.id = InboxOrder.next(atMilliseconds: entry.atMilliseconds)
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, Error>) in
            let leads = state.withLockedValue { state -> Bool in
                state.waiting.append(Waiting(entry: entry, done: done))
                guard !state.writing else { return false }
                state.writing = true
                return true
            }
            if leads { Task { await self.drain(services: services, on: db) } }
        }
    }

    /// Writes batches until nobody is waiting.
    private func drain(services: FayuanServices, on db: Database) async {
        while true {
            let batch = state.withLockedValue { state -> [Waiting] in
                let batch = state.waiting
                state.waiting = []
                if batch.isEmpty { state.writing = false }
                return batch
            }
            if batch.isEmpty { return }
            do {
                try await services.transaction(on: db) { tx in try await Self.insert(batch.map(\.entry), on: tx) }
                batch.forEach { $0.done.resume() }
            } catch {
                batch.forEach { $0.done.resume(throwing: error) }
            }
        }
    }

    /// The records as plain rows, several to a statement (no model reflection).
    static func insert(_ entries: [PendingAuditEntryModel], on db: Database) async throws {
        guard let sql = db as? SQLDatabase else {
            for entry in entries { try await entry.create(on: db) }
            return
        }
        var start = entries.startIndex
        while start < entries.endIndex {
            let end = min(start + rowsPerInsert, entries.endIndex)
            var insert = sql.insert(into: PendingAuditEntryModel.schema)
                .columns("id", "at_ms", "account_id", "account_name", "organisation_id", "event", "target", "outcome", "client_address", "detail")
            for entry in entries[start..<end] {
                insert = insert.values([SQLBind(entry.id), SQLBind(entry.atMilliseconds), SQLBind(entry.accountID), SQLBind(entry.accountName),
                                        SQLBind(entry.organisationID), SQLBind(entry.event), SQLBind(entry.target), SQLBind(entry.outcome),
                                        SQLBind(entry.clientAddress), SQLBind(entry.detail)])
            }
            try await insert.run()
            start = end
        }
    }
}
