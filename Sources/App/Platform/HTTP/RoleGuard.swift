import LegalAidCore
import Vapor

/// Admits only signed-in accounts holding one of the roles: the policy for a whole group of
/// administrative routes, stated once where the routes are registered.
struct RoleGuard: AsyncMiddleware {
    let roles: Set<Role>

    init(_ roles: Role...) { self.roles = Set(roles) }

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        let account = try request.requireAccount()
        guard account.roles?.containsAny(roles) == true else { throw AppError.forbidden }
        return try await next.respond(to: request)
    }
}
