import Fluent
import NIOConcurrencyHelpers
import Vapor

/// What an open WebSocket was let in with, checked again while it stays open. A page request
/// is checked on every request; a socket lives for hours, so the same facts are read again:
/// the page session it came with still exists and still names the same account at the same
/// sign-out epoch, and the account is not locked. The feature then applies its own access rule
/// to the account as it is now (roles and organisation may have changed).
struct SocketCredential: Sendable {
    let accountID: UUID?
    let sessionID: String?
    let epoch: Int

    init(_ req: Request) {
        let account = req.auth.get(AccountModel.self)
        accountID = account?.id
        sessionID = req.hasSession ? req.session.id?.string : nil
        epoch = account?.sessionEpoch ?? 0
    }

    enum Standing {
        /// Let in without an account (an anonymous asker's key): nothing to re-read here.
        case anonymous
        case account(AccountModel)
        /// Signed out (here or everywhere), locked, or gone: the socket must close.
        case revoked
    }

    /// The account as it stands now.
    func standing(on db: Database, now: Date) async throws -> Standing {
        guard let accountID else { return .anonymous }
        guard let account = try await AccountModel.find(accountID, on: db), account.sessionEpoch == epoch,
              !(account.lockedUntil.map { $0 > now } ?? false)
        else { return .revoked }
        if let sessionID {
            guard let data = try await SessionRecord.query(on: db).filter(\.$key == SessionID(string: sessionID)).first()?.data,
                  data["epoch"].flatMap(Int.init) == epoch
            else { return .revoked }
        }
        return .account(account)
    }
}

/// Tells this instance's open sockets that an account changed (signed out, signed out
/// everywhere, locked, roles changed), so they check again at once instead of at their next
/// periodic check. Other instances' sockets find out at that check (`LiveConversation.recheckAfter`).
final class AccountWatch: Sendable {
    private let watchers = NIOLockedValueBox<[UUID: (account: UUID, changed: @Sendable () -> Void)]>([:])

    func watch(_ account: UUID, changed: @escaping @Sendable () -> Void) -> UUID {
        let id = UUID()
        watchers.withLockedValue { $0[id] = (account, changed) }
        return id
    }

    func stop(_ id: UUID) {
        _ = watchers.withLockedValue { $0.removeValue(forKey: id) }
    }

    func changed(_ account: UUID) {
        let calls = watchers.withLockedValue { $0.values.filter { $0.account == account }.map(\.changed) }
        calls.forEach { $0() }
    }
}

/// A browser always names the page that opens a socket: one from another site is refused, so a
/// page elsewhere cannot ride a signed-in person's cookie into their conversations. A client
/// that names no origin (an app, the benchmark) is not a browser and carries its own credentials.
enum SocketOrigin {
    static func check(_ req: Request) throws {
        guard let origin = req.headers.first(name: .origin) else { return }
        guard let given = URL(string: origin), let host = given.host?.lowercased() else { throw refused }
        let port = given.port ?? (given.scheme == "https" ? 443 : 80)
        // The Host the request names (a port only where the client wrote one), and the public address.
        var allowed: [(host: String, port: Int?)] = []
        if let header = req.headers.first(name: .host)?.lowercased(), let named = URL(string: "http://" + header), let name = named.host {
            allowed.append((name, named.port))
        }
        if let site = req.fayuan.settings.publicURL.flatMap(URL.init(string:)), let name = site.host?.lowercased() {
            allowed.append((name, site.port ?? (site.scheme == "https" ? 443 : 80)))
        }
        guard allowed.contains(where: { $0.host == host && ($0.port == nil || $0.port == port) }) else { throw refused }
    }

    private static var refused: AppError {
        AppError(status: .forbidden, code: "originRefused", message: "此实时连接只接受本站页面发起")
    }
}
