import Foundation
import SnapshotTesting
import XCTest
@testable import App
@testable import LegalAidCore

/// Administrators' pages rendered from fixed plain models, as `PageSnapshotTests`.
final class AdminPageSnapshotTests: XCTestCase {
    static let admin = Mock.account("A9", "钱管理", [.systemAdmin], at: Mock.bureau)

    func test_theHolidaySchedule_withARefusedDay() {
        let page = HolidaysPage(
            year: 2027,
            days: [HolidaysPage.Day(id: UUID(uuidString: "00000000-0000-0000-0000-00000000F001")!, date: "2027-01-01", name: "元旦", isRest: true),
                   HolidaysPage.Day(id: UUID(uuidString: "00000000-0000-0000-0000-00000000F002")!, date: "2027-02-06", name: "春节", isRest: false)],
            date: "2027-13-01", kind: "rest", name: "春节",
            errors: FormErrors([FieldError(field: "date", code: "invalidDate", message: "请按“年-月-日”填写日期，例如 2027-01-01")]))
        assertSnapshot(of: Mock.lines(page.render(in: Mock.context(Self.admin, path: SiteURL.holidays.path))), as: .lines)
    }
}

extension AdminPageSnapshotTests {
    func test_theSecurityAdministratorsAccounts_oneLockedUntilTheAfternoon() {
        let page = SecurityAccountsPage(
            rows: [SecurityAccountsPage.Row(id: UUID(uuidString: "00000000-0000-0000-0000-00000000F101")!, name: "孙审查", username: "shencha",
                                            roles: "法援中心审查员", lockedUntil: chinaNoon("2026-03-10").addingTimeInterval(2 * 3600)),
                   SecurityAccountsPage.Row(id: UUID(uuidString: "00000000-0000-0000-0000-00000000F102")!, name: "赵工作站", username: "gongzuozhan1",
                                            roles: "街道工作站工作人员", lockedUntil: nil)],
            maxFailures: 5, lockoutMinutes: 15, pager: "")
        let security = Mock.account("A8", "安全管理员", [.securityAdmin], at: Mock.bureau)
        assertSnapshot(of: Mock.lines(page.render(in: Mock.context(security, path: SiteURL.lockedAccounts.path))), as: .lines)
    }
}

extension AdminPageSnapshotTests {
    func test_theSystemAdministratorJustCreatedAnAccount_itsFirstPasswordShownOnce() {
        let page = AccountAdminPage(
            rows: [AccountAdminPage.Row(username: "shencha", displayName: "孙审查", organisation: "示范区法律援助中心", roles: "法援中心审查员",
                                        mustChangePassword: false, hasSecondFactor: true),
                   AccountAdminPage.Row(username: "zhangsan", displayName: "张三", organisation: "幸福街道法律援助工作站", roles: "街道工作站工作人员",
                                        mustChangePassword: true, hasSecondFactor: false)],
            organisations: [(value: Mock.centre.uuidString, label: "示范区法律援助中心"), (value: Mock.station.uuidString, label: "幸福街道法律援助工作站")],
            roles: AccountAdminController.workingRoles.map { (value: $0.rawValue, label: $0.chinese) }, pager: "",
            created: AccountAdminPage.Created(username: "zhangsan", displayName: "张三", password: "Kp7#mQ2x!Rt9Lw"))
        assertSnapshot(of: Mock.lines(page.render(in: Mock.context(Self.admin, path: SiteURL.accountAdmin.path))), as: .lines)
    }

    func test_grantingRoles_refusedWhenTwoAdministratorRolesAreCombined() {
        let page = AccountRolesPage(accountID: UUID(uuidString: "00000000-0000-0000-0000-00000000F103")!, displayName: "张三",
                                    current: ["systemAdmin", "securityAdmin"],
                                    errors: FormErrors([FieldError(field: "roles[]", code: "invalidRoles", message: "系统管理员、安全管理员、审计管理员三者不能由同一账号兼任（三员分立）")]))
        let security = Mock.account("A8", "安全管理员", [.securityAdmin], at: Mock.bureau)
        assertSnapshot(of: Mock.lines(page.render(in: Mock.context(security, path: SiteURL.accountRoles(.value(page.accountID)).path))), as: .lines)
    }
}
