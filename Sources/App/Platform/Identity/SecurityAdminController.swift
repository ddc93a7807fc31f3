import Fluent
import LegalAidCore
import Vapor

/// The security administrator sees locked accounts and unlocks them.
struct SecurityAdminController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        let security = routes.grouped(RoleGuard(.securityAdmin))
        security.get(.lockedAccounts, use: index)
        security.post(.unlockAccount(.key), use: unlock)
    }

    func index(req: Request) async throws -> HTML {
        try await SecurityAccountsPage.query(req).render(req)
    }

    func unlock(req: Request) async throws -> Response {
        guard let account = try await AccountModel.find(try req.parameters.id(), on: req.db) else { throw AppError.notFound("账号") }
        account.lockout = LockoutPolicy.State()
        try await account.save(on: req.db)
        try await req.audit("security.unlock", target: "account:\(account.id!)")
        req.flash("已解锁：\(account.displayName)")
        return req.redirect(to: SiteURL.lockedAccounts.path)
    }
}
