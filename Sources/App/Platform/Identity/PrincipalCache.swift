import Fluent
import FluentSQL
import NIOConcurrencyHelpers
import NIOCore
import SQLKit
import Vapor

/// Who is signed in, held in memory: an API token's account and expiry, and each account's row
/// (roles, organisation, sign-out epoch, lock) — so a signed-in request costs no round trip to
/// learn who made it.
///
/// Dropped at once on this instance when an account or a token changes (sign-out everywhere,
/// lock, roles, organisation, password: every write to `accounts` goes through the model, and
/// `tracking(_:includingCreates:)` sees it). Every such write also moves the `principals` counter in
/// the database, which every instance reads at most once a `recheck` interval; when it moved,
/// that instance drops its whole copy. A page session itself is not held here: it is read on
/// every request (one row by key), so signing out ends it on every instance at once.
final class PrincipalCache: CounterWatchedCache {
    private struct Held {
        var accounts: [UUID: any SQLRow] = [:]
        var tokens: [String: (account: UUID, expiresAt: Date)] = [:]
        var version: Int
        var checkedAt: NIODeadline
    }

    static let counterScope = "principals"
    /// Bounds memory: past this many accounts or tokens the copy starts afresh.
    static let capacity = 50_000

    private let held = NIOLockedValueBox<Held?>(nil)
    let recheck: TimeAmount

    init(recheck: TimeAmount = .seconds(1)) { self.recheck = recheck }

    /// The account as stored at most `recheck` ago (a fresh model each call: a handler may
    /// change and save its own copy), or nil when there is none.
    func account(_ id: UUID, on db: Database) async throws -> AccountModel? {
        let version = try await currentVersion(on: db)
        if let row = held.withLockedValue({ $0?.accounts[id] }) { return try row.decode(model: AccountModel.self) }
        guard let sql = db as? SQLDatabase,
              let row = try await sql.select().column("*").from(AccountModel.schema).where("id", .equal, id).first()
        else { return nil }
        remember(version) { held in
            if held.accounts.count >= Self.capacity { held.accounts = [:] }
            held.accounts[id] = row
        }
        return try row.decode(model: AccountModel.self)
    }

    /// The account an API token (by its hash) belongs to, while it has not expired.
    func tokenAccount(_ hash: String, now: Date, on db: Database) async throws -> UUID? {
        struct TokenRow: Decodable {
            var account_id: UUID
            var expires_at: Date
        }
        let version = try await currentVersion(on: db)
        let token: (account: UUID, expiresAt: Date)
        if let known = held.withLockedValue({ $0?.tokens[hash] }) {
            token = known
        } else {
            guard let sql = db as? SQLDatabase,
                  let row = try await sql.select().column("account_id").column("expires_at").from(APITokenModel.schema)
                    .where("token_hash", .equal, hash).first(decoding: TokenRow.self)
            else { return nil }
            token = (row.account_id, row.expires_at)
            remember(version) { held in
                if held.tokens.count >= Self.capacity { held.tokens = [:] }
                held.tokens[hash] = token
            }
        }
        return token.expiresAt > now ? token.account : nil
    }

    /// Drops this instance's copy; the next request reads afresh.
    func invalidate() { held.withLockedValue { $0 = nil } }

    /// The counter as of at most `recheck` ago; when it moved since the copy was made, the copy
    /// goes. Read before any row is, so a row kept under a version is at least as new as it.
    private func currentVersion(on db: Database) async throws -> Int {
        let now = NIODeadline.now()
        if let held = held.withLockedValue({ $0 }), now - held.checkedAt < recheck { return held.version }
        let version = try await Self.version(on: db)
        held.withLockedValue { held in
            if held?.version == version {
                held?.checkedAt = now
            } else {
                held = Held(version: version, checkedAt: now)
            }
        }
        return version
    }

    /// Keeps a row only when the copy is still of the version it was read under.
    private func remember(_ version: Int, _ change: (inout Held) -> Void) {
        held.withLockedValue { held in
            guard var kept = held, kept.version == version else { return }
            change(&kept)
            held = kept
        }
    }
}

/// Signs a page session's account in from the principal cache.
struct CachedSessionAuthenticator: AsyncSessionAuthenticator {
    typealias User = AccountModel

    func authenticate(sessionID: UUID, for request: Request) async throws {
        if let account = try await request.fayuan.principals.account(sessionID, on: request.db) {
            request.auth.login(account)
        }
    }
}
