import LegalAidCore
import Fluent
import SQLKit
import Vapor

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
    /// Appends inside an open transaction. Entries are numbered one after another; PostgreSQL
    /// takes an advisory lock so instances append in turn (SQLite callers hold the write gate).
    static func append(_ record: AuditRecord, at now: Date, on tx: Database) async throws {
        if let sql = tx as? SQLDatabase, sql.dialect.name == "postgresql" {
            try await sql.raw("SELECT pg_advisory_xact_lock(7347001)").run()
        }
        let last = try await AuditEntryModel.query(on: tx).sort(\.$seq, .descending).first()
        let anchor = try await AuditAnchorModel.query(on: tx).sort(\.$upToSeq, .descending).first()
        let entry = AuditEntryModel()
        entry.seq = (last?.seq ?? anchor?.upToSeq ?? 0) + 1
        entry.atMilliseconds = Int64((now.timeIntervalSince1970 * 1000).rounded())
        entry.accountID = record.accountID
        entry.accountName = record.accountName
        entry.organisationID = record.organisationID
        entry.event = record.event
        entry.target = record.target
        entry.outcome = record.outcome.rawValue
        entry.clientAddress = record.clientAddress
        entry.detail = record.detail
        entry.previousHash = last?.hash ?? anchor?.lastHash ?? ""
        entry.hash = entry.computedHash
        try await entry.create(on: tx)
    }

    /// Appends in a transaction of its own.
    static func record(_ record: AuditRecord, services: FayuanServices, on db: Database) async throws {
        let now = services.clock.now()
        try await services.transaction(on: db) { tx in try await append(record, at: now, on: tx) }
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
        return try await services.transaction(on: db) { tx in
            if let sql = tx as? SQLDatabase, sql.dialect.name == "postgresql" {
                try await sql.raw("SELECT pg_advisory_xact_lock(7347001)").run()
            }
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
    }

    struct PruneTooRecent: Error, CustomStringConvertible {
        var description: String { "Audit entries are kept at least 6 months: choose a date at least 183 days ago" }
    }
}

extension Request {
    /// The client's address as the server saw it.
    var clientAddress: String { remoteAddress?.ipAddress ?? "unknown" }

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
