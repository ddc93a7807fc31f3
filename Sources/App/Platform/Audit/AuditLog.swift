import LegalAidCore
import Fluent
import SQLKit
import Vapor
import NIOConcurrencyHelpers

/// What happened, for the audit trail (等保2.0: time, account, event, target, outcome, address).
struct AuditRecord: Sendable {
    enum Outcome: String, Sendable {
        case success, failure, denied
    }

    var accountID: UUID?
    var accountName: String
    var organisationID: UUID?
    var event: String
    var target: String
    var outcome: Outcome
    var clientAddress: String
    var detail: String

    init(account: AccountModel?, event: String, target: String, outcome: Outcome = .success, clientAddress: String, detail: String = "") {
        accountID = account?.id
        accountName = account?.displayName ?? "匿名"
        organisationID = account?.organisationID
        self.event = event
        self.target = target
        self.outcome = outcome
        self.clientAddress = clientAddress
        self.detail = detail
    }
}

enum AuditLog {
    /// The advisory lock that lets one sealer (or pruner) at a time extend the chain on PostgreSQL.
    private static let chainLock = 7347001

    /// Records inside an open transaction: one insert into the inbox, no lock and no read, so
    /// audited requests never queue behind each other. The record becomes part of the hash chain
    /// when `seal` next runs (within a second while the server runs; `verify-audit` seals first).
    static func append(_ record: AuditRecord, at now: Date, on tx: Database) async throws {
        let entry = PendingAuditEntryModel(record, at: now)
        entry.id = InboxOrder.next(atMilliseconds: entry.atMilliseconds)
        try await AuditGroupCommit.insert([entry], on: tx)
    }

    /// Records in a transaction shared with the records of concurrent requests (group commit),
    /// returning once it is committed.
    static func record(_ record: AuditRecord, services: FayuanServices, on db: Database) async throws {
        try await services.auditWriter.write(record, at: services.clock.now(), services: services, on: db)
    }

    /// Moves waiting records into the chain in the order they were recorded, numbering and
    /// hashing each after the last sealed entry. On PostgreSQL only one instance seals at a time
    /// (the others skip the round); on SQLite the write gate does the same. Returns how many
    /// records were sealed.
    @discardableResult
    static func seal(services: FayuanServices, on db: Database, batch: Int = 500) async throws -> Int {
        var total = 0
        while true {
            let sealed = try await services.transaction(on: db) { tx -> Int in
                guard try await takeChainLock(on: tx, wait: false) else { return 0 }
                let waiting = try await PendingAuditEntryModel.query(on: tx).sort(\.$atMilliseconds).sort(\.$id).limit(batch).all()
                if waiting.isEmpty { return 0 }
                let last = try await AuditEntryModel.query(on: tx).sort(\.$seq, .descending).first()
                let anchor = last == nil ? try await AuditAnchorModel.query(on: tx).sort(\.$upToSeq, .descending).first() : nil
                var seq = last?.seq ?? anchor?.upToSeq ?? 0
                var previous = last?.hash ?? anchor?.lastHash ?? ""
                var entries: [AuditEntryModel] = []
                for record in waiting {
                    seq += 1
                    let entry = record.sealed(seq: seq, after: previous)
                    previous = entry.hash
                    entries.append(entry)
                }
                try await entries.create(on: tx)
                try await PendingAuditEntryModel.query(on: tx).filter(\.$id ~~ waiting.compactMap(\.id)).delete()
                return waiting.count
            }
            total += sealed
            if sealed < batch { return total }
        }
    }

    /// Records not yet sealed, newest first (normally none, or those of the last second).
    static func pending(on db: Database, limit: Int) async throws -> (count: Int, latest: [PendingAuditEntryModel]) {
        let count = try await PendingAuditEntryModel.query(on: db).count()
        let latest = count == 0 ? [] : try await PendingAuditEntryModel.query(on: db).sort(\.$atMilliseconds, .descending).limit(limit).all()
        return (count, latest)
    }

    private static func takeChainLock(on tx: Database, wait: Bool) async throws -> Bool {
        guard let sql = tx as? SQLDatabase, sql.dialect.name == "postgresql" else { return true }
        if wait {
            try await sql.raw("SELECT pg_advisory_xact_lock(\(literal: chainLock))").run()
            return true
        }
        struct Row: Decodable { var locked: Bool }
        return try await sql.raw("SELECT pg_try_advisory_xact_lock(\(literal: chainLock)) AS locked").first(decoding: Row.self)?.locked ?? false
    }

    enum Verification: Equatable {
        case intact(entries: Int)
        case broken(atSeq: Int, reason: String)
    }

    /// Walks the chain from its anchor: every hash must recompute and link to the one before,
    /// and no sequence number may be missing.
    static func verify(on db: Database) async throws -> Verification {
        let anchor = try await AuditAnchorModel.query(on: db).sort(\.$upToSeq, .descending).first()
        var expectedSeq = (anchor?.upToSeq ?? 0) + 1
        var previous = anchor?.lastHash ?? ""
        var count = 0
        // In pages, so a long trail does not load at once.
        while true {
            let page = try await AuditEntryModel.query(on: db).filter(\.$seq >= expectedSeq).sort(\.$seq).limit(1000).all()
            if page.isEmpty { break }
            for entry in page {
                if entry.seq != expectedSeq { return .broken(atSeq: expectedSeq, reason: "第\(expectedSeq)条记录缺失") }
                if entry.previousHash != previous { return .broken(atSeq: entry.seq, reason: "第\(entry.seq)条与前一条记录不衔接") }
                if entry.computedHash != entry.hash { return .broken(atSeq: entry.seq, reason: "第\(entry.seq)条记录内容被修改") }
                previous = entry.hash
                expectedSeq += 1
                count += 1
            }
        }
        return .intact(entries: count)
    }

    /// Deletes entries older than `before`, keeping the chain verifiable through an anchor.
    /// Refuses to cut into the last six months (等保2.0: keep audit records ≥ 6 months).
    static func prune(before: Date, now: Date, services: FayuanServices, on db: Database) async throws -> Int {
        let sixMonths: TimeInterval = 183 * 24 * 3600
        guard before <= now.addingTimeInterval(-sixMonths) else { throw PruneTooRecent() }
        let limit = Int64((before.timeIntervalSince1970 * 1000).rounded())
        try await seal(services: services, on: db)
        let removed = try await services.transaction(on: db) { tx in
            _ = try await takeChainLock(on: tx, wait: true)
            guard let lastOld = try await AuditEntryModel.query(on: tx).filter(\.$atMilliseconds < limit).sort(\.$seq, .descending).first() else { return 0 }
            let anchor = AuditAnchorModel()
            anchor.upToSeq = lastOld.seq
            anchor.lastHash = lastOld.hash
            anchor.prunedAt = now
            try await anchor.create(on: tx)
            let count = try await AuditEntryModel.query(on: tx).filter(\.$seq <= lastOld.seq).count()
            try await AuditEntryModel.query(on: tx).filter(\.$seq <= lastOld.seq).delete()
            try await append(AuditRecord(account: nil, event: "audit.pruned", target: "audit", clientAddress: "local",
                                         detail: "删除第\(lastOld.seq)条及以前的\(count)条记录"), at: now, on: tx)
            return count
        }
        try await seal(services: services, on: db)
        return removed
    }

    struct PruneTooRecent: Error, CustomStringConvertible {
        var description: String { "Audit entries are kept at least 6 months: choose a date at least 183 days ago" }
    }
}

extension Request {
    /// The client's address as the server saw it.
    /// The client's address: the peer's, or — when the peer is a proxy named in
    /// `FAYUAN_TRUSTED_PROXIES` (nginx in front) — the nearest address it forwarded that is not
    /// itself a trusted proxy. Rate limits and the audit trail both use it.
    var clientAddress: String {
        let peer = remoteAddress?.ipAddress ?? "unknown"
        let trusted = fayuan.settings.trustedProxies
        guard trusted.contains(peer), let forwarded = headers.first(name: .xForwardedFor) else { return peer }
        let hops = forwarded.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return hops.last { !trusted.contains($0) } ?? hops.first ?? peer
    }

    /// Records an audit entry for the signed-in account (or the given one).
    func audit(_ event: String, target: String, outcome: AuditRecord.Outcome = .success, detail: String = "", account: AccountModel? = nil) async throws {
        let record = AuditRecord(account: account ?? auth.get(AccountModel.self), event: event, target: target, outcome: outcome,
                                 clientAddress: clientAddress, detail: detail)
        try await AuditLog.record(record, services: fayuan, on: db)
    }
}

enum AuditTarget {
    /// A failed sign-in names what was typed; a mobile number is kept only as its keyed hash.
    static func username(_ raw: String) -> String {
        if let phone = MobileNumber.parse(raw) { return AccountModel.citizenUsername(phone: phone) }
        let text = raw.trimmingCharacters(in: .whitespaces)
        let plain = !text.isEmpty && text.count <= 32 && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") } && text.filter(\.isNumber).count < 6
        // Anything else (a mistyped ID number, say) is kept only as a keyed hash.
        return plain ? text : "h:" + Vault.ring.blindIndex(text, purpose: "username")
    }
}

/// Ids for inbox records that sort in the order this process recorded them: the millisecond,
/// then a process-wide counter, then random bytes (UUIDs compare bytewise on both databases).
/// Records from several instances within one millisecond are sealed in an arbitrary order.
enum InboxOrder {
    private static let counter = NIOLockedValueBox<UInt32>(0)

    static func next(atMilliseconds ms: Int64) -> UUID {
        let count = counter.withLockedValue { value -> UInt32 in
            value &+= 1
            return value
        }
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<6 { bytes[i] = UInt8(truncatingIfNeeded: UInt64(bitPattern: ms) >> (8 * (5 - i))) }
        for i in 0..<4 { bytes[6 + i] = UInt8(truncatingIfNeeded: count >> (8 * (3 - i))) }
        for i in 10..<16 { bytes[i] = UInt8.random(in: 0...255) }
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
