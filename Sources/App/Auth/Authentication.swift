import Crypto
import Fluent
import LegalAidCore
import Vapor

/// Bearer tokens for the JSON API: opaque random strings; only their SHA-256 is stored.
struct BearerAccountAuthenticator: AsyncBearerAuthenticator {
    func authenticate(bearer: BearerAuthorization, for request: Request) async throws {
        let hash = TokenHash.of(bearer.token)
        guard let token = try await APITokenModel.query(on: request.db).filter(\.$tokenHash == hash).first(),
              token.expiresAt > request.now,
              let account = try await AccountModel.find(token.accountID, on: request.db)
        else { return }
        request.auth.login(account)
    }
}

enum TokenHash {
    static func of(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func newToken() -> String { [UInt8].random(count: 32).base64URLEncoded }
}

enum Credentials {
    /// Compared against when the username is unknown, to keep timing uniform.
    static let dummyHash = (try? Bcrypt.hash("fayuan-timing-equaliser", cost: 10)) ?? ""

    /// The account for a username (or citizen's mobile number) and password, or nil.
    /// Always runs bcrypt, so a wrong username costs as long as a wrong password.
    static func verify(username raw: String, password: String, on db: Database) async throws -> AccountModel? {
        let username = MobileNumber.parse(raw).map(AccountModel.citizenUsername) ?? raw.trimmingCharacters(in: .whitespaces)
        let account = try await AccountModel.query(on: db).filter(\.$username == username).first()
        let hash = account?.passwordHash ?? dummyHash
        let matches = (try? Bcrypt.verify(password, created: hash)) ?? false
        return matches ? account : nil
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

    func require(_ role: Role) throws -> AccountModel {
        let account = try requireAccount()
        guard account.roles?.contains(role) == true else { throw AppError.forbidden }
        return account
    }
}
