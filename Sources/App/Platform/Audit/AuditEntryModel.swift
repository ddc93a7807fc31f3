import Fluent
import Vapor

/// One line of the audit trail. Append-only: each entry carries the hash of the one before,
/// so an edit or a deletion anywhere breaks the chain (`verify-audit`).
final class AuditEntryModel: Model, @unchecked Sendable {
    static let schema = "audit_entries"

    @ID(key: .id) var id: UUID?
    @Field(key: "seq") var seq: Int
    /// Milliseconds since 1970: exact on every database, so the hash recomputes identically.
    @Field(key: "at_ms") var atMilliseconds: Int64
    @OptionalField(key: "account_id") var accountID: UUID?
    @Field(key: "account_name") var accountName: String
    @OptionalField(key: "organisation_id") var organisationID: UUID?
    @Field(key: "event") var event: String
    @Field(key: "target") var target: String
    @Field(key: "outcome") var outcome: String
    @Field(key: "client_address") var clientAddress: String
    /// Never personal data: ids, numbers of applications, codes.
    @Field(key: "detail") var detail: String
    @Field(key: "prev_hash") var previousHash: String
    @Field(key: "hash") var hash: String

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $seq, $atMilliseconds, $accountID, $accountName, $organisationID, $event, $target, $outcome, $clientAddress, $detail, $previousHash, $hash] }

    init() {}

    var at: Date { Date(timeIntervalSince1970: Double(atMilliseconds) / 1000) }

    /// SHA-256 over every field and the previous hash.
    var computedHash: String {
        let fields = [String(seq), String(atMilliseconds), accountID?.uuidString ?? "", accountName, organisationID?.uuidString ?? "",
                      event, target, outcome, clientAddress, detail, previousHash]
        let canonical = fields.map { $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|") }.joined(separator: "|")
        return SHA256.hash(data: Data(canonical.utf8)).hexEncoded
    }
}

/// Where the chain starts after old entries were pruned: the hash of the last pruned entry.
final class AuditAnchorModel: Model, @unchecked Sendable {
    static let schema = "audit_anchors"

    @ID(key: .id) var id: UUID?
    @Field(key: "up_to_seq") var upToSeq: Int
    @Field(key: "last_hash") var lastHash: String
    @Field(key: "pruned_at") var prunedAt: Date

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $upToSeq, $lastHash, $prunedAt] }

    init() {}
}

/// A record written by a request and not yet sealed into the chain (see `AuditLog.seal`).
final class PendingAuditEntryModel: Model, @unchecked Sendable {
    static let schema = "audit_inbox"

    @ID(key: .id) var id: UUID?
    @Field(key: "at_ms") var atMilliseconds: Int64
    @OptionalField(key: "account_id") var accountID: UUID?
    @Field(key: "account_name") var accountName: String
    @OptionalField(key: "organisation_id") var organisationID: UUID?
    @Field(key: "event") var event: String
    @Field(key: "target") var target: String
    @Field(key: "outcome") var outcome: String
    @Field(key: "client_address") var clientAddress: String
    @Field(key: "detail") var detail: String

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $atMilliseconds, $accountID, $accountName, $organisationID, $event, $target, $outcome, $clientAddress, $detail] }

    init() {}

    /// A record as a request writes it, stamped to the millisecond.
    init(_ record: AuditRecord, at now: Date) {
        atMilliseconds = Int64((now.timeIntervalSince1970 * 1000).rounded())
        accountID = record.accountID
        accountName = record.accountName
        organisationID = record.organisationID
        event = record.event
        target = record.target
        outcome = record.outcome.rawValue
        clientAddress = record.clientAddress
        detail = record.detail
    }

    var at: Date { Date(timeIntervalSince1970: Double(atMilliseconds) / 1000) }

    /// The sealed entry this record becomes, linked to the one before it.
    func sealed(seq: Int, after previousHash: String) -> AuditEntryModel {
        let entry = AuditEntryModel()
        entry.seq = seq
        entry.atMilliseconds = atMilliseconds
        entry.accountID = accountID
        entry.accountName = accountName
        entry.organisationID = organisationID
        entry.event = event
        entry.target = target
        entry.outcome = outcome
        entry.clientAddress = clientAddress
        entry.detail = detail
        entry.previousHash = previousHash
        entry.hash = entry.computedHash
        return entry
    }
}
