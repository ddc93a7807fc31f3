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
