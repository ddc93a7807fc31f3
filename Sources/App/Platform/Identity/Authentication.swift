import Crypto
import Fluent
import LegalAidCore
import SQLKit
import Vapor

/// Bearer tokens for the JSON API: opaque random strings; only their SHA-256 is stored.
struct BearerAccountAuthenticator: AsyncBearerAuthenticator {
    func authenticate(bearer: BearerAuthorization, for request: Request) async throws {
        // Token and account from memory (`PrincipalCache`): no round trip on a known token.
        let principals = request.fayuan.principals
        guard let id = try await principals.tokenAccount(TokenHash.of(bearer.token), now: request.now, on: request.db),
              let account = try await principals.account(id, on: request.db)
        else { return }
        request.auth.login(account)
    }
}

enum TokenHash {
    static func of(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).hexEncoded
    }

    static func newToken() -> String { [UInt8].secureRandom(count: 32).base64URLEncoded }
}

enum Credentials {
    /// Compared against when the username is unknown, to keep timing uniform.
    static let dummyHash = (try? Bcrypt.hash("fayuan-timing-equaliser", cost: 10)) ?? ""

    enum Outcome {
        case signedIn(AccountModel)
        case locked(AccountModel, until: Date, justNow: Bool)
        case refused(AccountModel?)
        /// Only with `FAYUAN_ENV=production`: the well-known demo passwords never work there.
        case demoPasswordInProduction(AccountModel)
    }

    /// Checks a username (or citizen's mobile number) and password against the lockout policy,
    /// and records the failure or success on the account. bcrypt always runs, so an unknown
    /// username costs as long as a wrong password.
    static func check(username raw: String, password: String, services: FayuanServices, on db: Database) async throws -> Outcome {
        let username = MobileNumber.parse(raw).map(AccountModel.citizenUsername) ?? raw.trimmingCharacters(in: .whitespaces)
        let account = try await AccountModel.query(on: db).filter(\.$username == username).first()
        let matches = (try? Bcrypt.verify(password, created: account?.passwordHash ?? dummyHash)) ?? false
        guard let account else { return .refused(nil) }
        let now = services.clock.now()
        let policy = services.lockoutPolicy
        if let until = policy.lockedUntil(account.lockout, now: now) { return .locked(account, until: until, justNow: false) }
        guard matches else {
            let (state, lockedNow) = policy.afterFailure(account.lockout, now: now)
            account.lockout = state
            try await account.save(on: db)
            if lockedNow { services.accountWatch.changed(account.id!) }
            return lockedNow ? .locked(account, until: state.lockedUntil ?? now, justNow: true) : .refused(account)
        }
        if services.settings.production && [DemoCredentials.staffPassword, DemoCredentials.citizenPassword].contains(password) {
            return .demoPasswordInProduction(account)
        }
        if account.failedLogins != 0 || account.lockedUntil != nil {
            account.lockout = policy.afterSuccess(account.lockout)
            try await account.save(on: db)
        }
        return .signedIn(account)
    }
}

extension Request {
    /// The signed-in account, or a redirect to the login page / a 401 for the API.
    func requireAccount() throws -> AccountModel {
        guard let account = auth.get(AccountModel.self) else { throw AppError.unauthenticated }
        return account
    }

    func requireStaff() throws -> AccountModel {
        let account = try requireAccount()
        guard !account.isCitizen else { throw AppError.forbidden }
        return account
    }

    /// Citizens file their own applications; community-point staff file for others.
    func requireFiler() throws -> AccountModel {
        let account = try requireAccount()
        guard account.isCitizen || account.roles?.contains(.communityStaff) == true else { throw AppError.forbidden }
        return account
    }
}
