import Vapor

/// JSON shapes of the API (documented in `/openapi.yaml`); each feature adds its own.
enum API {
    struct TokenRequest: Content {
        var username: String
        var password: String
        /// Staff: the authenticator code (second factor).
        var code: String?
    }

    struct TokenResponse: Content {
        var token: String
        var expiresAt: Date
        var account: AccountSummary
    }

    struct AccountSummary: Content {
        var id: UUID
        var displayName: String
        var roles: [String]
        var organisationID: UUID?
    }
}

/// A bearer token for the JSON API: the same sign-in as the pages (lockout, second factor for
/// staff), valid 12 hours; only its hash is stored.
struct APITokenController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.post(.api(.token), use: token)
    }

    func token(req: Request) async throws -> Response {
        let input = try req.content.decode(API.TokenRequest.self)
        let account = try await SignIn.attempt(req, username: input.username, password: input.password).get()
        if account.needsSecondFactor && req.fayuan.settings.staffSecondFactor {
            guard account.totpSecret != nil else {
                throw AppError(status: .forbidden, code: "enrolFirst", message: "请先在网页上登录一次并启用动态验证码")
            }
            guard let code = input.code, !code.isEmpty else {
                throw AppError(status: .unauthorized, code: "secondFactorRequired", message: "工作人员需要输入动态验证码", field: "code")
            }
            if case .refused(let error) = try await SecondFactor.check(code, for: account, services: req.fayuan, on: req.db) {
                try await req.audit("auth.secondFactor", target: "account:\(account.id!)", outcome: .failure, account: account)
                throw error
            }
        }
        let raw = TokenHash.newToken()
        let token = APITokenModel()
        token.accountID = account.id!
        token.tokenHash = TokenHash.of(raw)
        token.expiresAt = req.now.addingTimeInterval(12 * 3600)
        try await token.create(on: req.db)
        try await req.audit("auth.token", target: "account:\(account.id!)", account: account)
        let body = API.TokenResponse(token: raw, expiresAt: token.expiresAt, account: summary(account))
        return try await body.encodeResponse(status: .created, for: req)
    }

    private func summary(_ account: AccountModel) -> API.AccountSummary {
        API.AccountSummary(id: account.id!, displayName: account.displayName, roles: account.storedRoleSet.map(\.rawValue).sorted(),
                           organisationID: account.organisationID)
    }
}
