import Fluent
import XCTVapor
import XCTest
@testable import App
@testable import LegalAidCore

/// 三员分立: the system administrator creates accounts, the security administrator grants roles,
/// and no account ever holds two administrator roles.
final class AccountAdminTests: XCTestCase {
    func test_systemAdminCreatesAStaffAccountThatMustChangeItsPasswordAndEnrol() async throws {
        try await withTestApp { test in
            let admin = Browser(test)
            try await admin.login("xitong", DemoSeed.staffPassword)
            let centre = try await test.organisation("示范区法律援助中心")
            let bad = try await admin.post("/admin/accounts", [("username", "1x"), ("displayName", ""), ("organisationID", centre.id!.uuidString), ("role", "systemAdmin")])
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertTrue(bad.contains("登录名用3到32位"))
            XCTAssertTrue(bad.contains("请选择岗位"), "administrator roles are not the system administrator's to grant")

            let created = try await admin.post("/admin/accounts", [("username", "wangshen"), ("displayName", "王新审查"),
                                                                   ("organisationID", centre.id!.uuidString), ("role", "centreReviewer")])
            XCTAssertEqual(created.status, .ok)
            let password = try XCTUnwrap(Browser.extract(created.body, after: "初始密码：<code class=\"key\">", until: "<"))
            let account = try await test.account("wangshen")
            XCTAssertTrue(account.mustChangePassword)
            let entries = try await test.auditTrail().filter(\.$event == "admin.accountCreated").count()
            XCTAssertEqual(entries, 1)

            let newcomer = Browser(test)
            try await newcomer.login("wangshen", password) // enrols a second factor on the way
            let redirected = try await newcomer.get("/workbench")
            XCTAssertEqual(redirected.location, "/account/password")
        }
    }

    func test_securityAdminGrantsRolesButNeverTwoAdministratorRoles() async throws {
        try await withTestApp { test in
            let security = Browser(test)
            try await security.login("anquan", DemoSeed.staffPassword)
            let reviewer = try await test.account("shencha")
            let path = "/security/accounts/\(reviewer.id!.uuidString)/roles"
            try await security.get(path)
            let combined = try await security.post(path, [("roles[]", "systemAdmin"), ("roles[]", "auditAdmin")])
            XCTAssertEqual(combined.status, .unprocessableEntity)
            XCTAssertTrue(combined.contains("三员分立"))
            let unchanged = try await test.account("shencha").storedRoleSet
            XCTAssertEqual(unchanged, [.centreReviewer])

            let granted = try await security.post(path, [("roles[]", "centreReviewer"), ("roles[]", "centreDirector")])
            XCTAssertEqual(granted.status, .seeOther)
            let rolesNow = try await test.account("shencha").storedRoleSet
            XCTAssertEqual(rolesNow, [.centreDirector, .centreReviewer])
            // The set is held as rows too: each role answers "who holds it".
            let rows = try await AccountRoleModel.query(on: test.db).filter(\.$accountID == reviewer.id!).all().map(\.role)
            XCTAssertEqual(Set(rows), ["centreDirector", "centreReviewer"])
            let directors = try await AccountModel.query(on: test.db).holding(.centreDirector).all().map(\.username)
            XCTAssertTrue(directors.contains("shencha"))
            let changes = try await test.auditTrail().filter(\.$event == "security.roleChange").all()
            XCTAssertEqual(changes.map(\.detail), ["法援中心审查员 → 法援中心审批人、法援中心审查员"])
        }
    }
}
