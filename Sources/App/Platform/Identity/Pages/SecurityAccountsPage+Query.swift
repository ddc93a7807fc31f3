import Fluent
import LegalAidCore
import Vapor

extension SecurityAccountsPage {
    /// One page of staff accounts by username; a lock still running shows its end.
    static func query(_ req: Request) async throws -> SecurityAccountsPage {
        let now = req.now
        let page = try await AccountModel.query(on: req.db).staff().sort(\.$username).paged(try ListPage.from(req))
        let rows = page.items.map { account in
            Row(id: account.id!, name: account.displayName, username: account.username,
                roles: account.roles?.roles.map(\.chinese).sorted().joined(separator: "、"),
                lockedUntil: account.lockedUntil.flatMap { $0 > now ? $0 : nil })
        }
        return SecurityAccountsPage(rows: rows, maxFailures: req.fayuan.settings.lockoutMaxFailures, lockoutMinutes: req.fayuan.settings.lockoutMinutes,
                                    pager: Pager.render(page, req, unit: "个账号"))
    }
}
