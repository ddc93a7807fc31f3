import Fluent
import Foundation
import LegalAidCore
import SQLKit

/// Sends what the SMS outbox holds through the gateway: a batch at a time, oldest first. Each
/// row is claimed for a short lease before it is sent, so several instances never send the
/// same row at once (PostgreSQL: `FOR UPDATE SKIP LOCKED`; SQLite has one writer anyway); an
/// instance that dies mid-send leaves its rows to be claimed again when the lease runs out.
/// A refused message fails at once; one the provider could not take now is retried with
/// doubling waits until `maxAttempts`; one that waited too long to be of use is not sent.
struct SMSDispatcher: Sendable {
    var gateway: any SMSGateway
    var services: FayuanServices
    var maxAttempts = 6
    var batch = 20

    /// How long a claimed batch stays ours: every row of it may take the gateway's longest send
    /// (a slow provider answering at its timeout), and twice that plus a minute is kept, so no
    /// other instance claims a row of ours while we are still sending it.
    var lease: TimeInterval { max(120, Double(batch) * gateway.longestSend * 2 + 60) }

    struct Round: Equatable, Sendable {
        var sent = 0
        var retrying = 0
        var failed = 0

        var summary: String? {
            sent + retrying + failed == 0 ? nil : "sms: \(sent) sent, \(retrying) to retry, \(failed) failed"
        }
    }

    /// The wait before try `attempt + 1`: 30 s, 1 min, 2 min, … at most an hour.
    static func backoff(afterAttempt attempt: Int) -> TimeInterval {
        min(3600, 30 * pow(2, Double(max(0, attempt - 1))))
    }

    func runOnce(on db: Database) async throws -> Round {
        var round = Round()
        while true {
            let claimed = try await claim(on: db)
            for row in claimed { try await deliver(row, round: &round, on: db) }
            if claimed.count < batch { return round }
        }
    }

    private func claim(on db: Database) async throws -> [SMSOutboxModel] {
        let (now, lease, batch) = (services.clock.now(), lease, batch)
        return try await services.transaction(on: db) { tx in
            guard let sql = tx as? SQLDatabase else { return [] }
            struct Row: Decodable { var id: UUID }
            var select = sql.select().column("id").from(SMSOutboxModel.schema)
                .where("status", .equal, SMSOutboxModel.Status.pending.rawValue)
                .where { $0.where("next_attempt_at", .is, SQLLiteral.null).orWhere("next_attempt_at", .lessThanOrEqual, now) }
                .where { $0.where("claimed_until", .is, SQLLiteral.null).orWhere("claimed_until", .lessThan, now) }
                .orderBy("created_at").limit(batch)
            if sql.dialect.name == "postgresql" { select = select.lockingClause(SQLRaw("FOR UPDATE SKIP LOCKED")) }
            let ids = try await select.all(decoding: Row.self).map(\.id)
            if ids.isEmpty { return [] }
            let rows = try await SMSOutboxModel.query(on: tx).filter(\.$id ~~ ids).sort(\.$createdAt).all()
            for row in rows {
                row.claimedUntil = now.addingTimeInterval(lease)
                try await row.save(on: tx)
            }
            return rows
        }
    }

    private func deliver(_ row: SMSOutboxModel, round: inout Round, on db: Database) async throws {
        let kind = row.template.flatMap { MessageCatalogue.kind($0) }
        let answer: SMSGatewayAnswer
        if let created = row.createdAt, services.clock.now().timeIntervalSince(created) > (kind?.sendWithin ?? MessageKind.defaultSendWithin) {
            answer = SMSGatewayAnswer(outcome: .refused, code: "Expired", message: "not sent: too old to be of use")
        } else {
            answer = await gateway.send(OutgoingSMS(phone: row.phone, template: kind?.template, parameters: row.sealedParameters?.value ?? [:], text: row.body))
        }
        let now = services.clock.now()
        let attempts = (row.attempts ?? 0) + (answer.code == "Expired" ? 0 : 1)
        row.attempts = attempts
        row.lastAttemptAt = now
        row.claimedUntil = nil
        row.providerAnswer = answer.code + ": " + answer.message
        switch answer.outcome {
        case .accepted(let reference):
            row.status = SMSOutboxModel.Status.sent.rawValue
            row.sentAt = now
            row.providerReference = reference
            round.sent += 1
        case .refused:
            row.status = SMSOutboxModel.Status.failed.rawValue
            round.failed += 1
        case .retryLater where attempts >= maxAttempts:
            row.status = SMSOutboxModel.Status.failed.rawValue
            round.failed += 1
        case .retryLater:
            row.nextAttemptAt = now.addingTimeInterval(Self.backoff(afterAttempt: attempts))
            round.retrying += 1
        }
        try await services.transaction(on: db) { tx in try await row.save(on: tx) }
    }
}
