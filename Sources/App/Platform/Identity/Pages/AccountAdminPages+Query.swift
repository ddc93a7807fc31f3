import Fluent
import LegalAidCore
import Vapor

extension AccountAdminPage {
    /// One page of staff accounts by username, every organisation to choose from, the roles the
    /// system administrator may give.
    static func query(_ req: Request) async throws -> AccountAdminPage {
        let reference = try await req.referenceData()
        let page = try await AccountModel.query(on: req.db).staff().sort(\.$username).paged(try ListPage.from(req))
        let rows = page.items.map { account in
            Row(username: account.username, displayName: account.displayName, organisation: reference.name(account.organisationID),
                roles: account.roles?.roles.map(\.chinese).sorted().joined(separator: "、"), mustChangePassword: account.mustChangePassword,
                hasSecondFactor: account.sealedTOTPSecret != nil)
        }
        return AccountAdminPage(rows: rows,
                                organisations: reference.tree.nodes.values.sorted { $0.name < $1.name }.map { (value: $0.id.uuidString, label: $0.name) },
                                roles: AccountAdminController.workingRoles.map { (value: $0.rawValue, label: $0.chinese) },
                                pager: Pager.render(page, req, unit: "个账号"))
    }
}

extension AccountRolesPage {
    init(_ account: AccountModel, errors: FormErrors = FormErrors()) {
        self.init(accountID: account.id!, displayName: account.displayName, current: Set(account.storedRoleSet.map(\.rawValue)), errors: errors)
    }
}
