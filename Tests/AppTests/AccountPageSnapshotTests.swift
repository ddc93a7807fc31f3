import Foundation
import SnapshotTesting
import XCTest
@testable import App
@testable import LegalAidCore

/// Signing in and one's own account, as a citizen and as staff meet them, from fixed values.
final class AccountPageSnapshotTests: XCTestCase {
    func render(_ page: some PageView, path: String, as account: AccountModel? = nil) -> String {
        Mock.lines(page.render(in: Mock.context(account, path: path)))
    }

    func test_signingIn_withTheWrongPasswordMarked_andTheWayToRegister() {
        let page = SignInPage(username: "13700001234", next: "/applications/new",
                              errors: FormErrors([FieldError(field: "password", code: "badCredentials", message: "用户名或密码不正确")]))
        assertSnapshot(of: render(page, path: SiteURL.login().path), as: .lines)
    }

    func test_registering_withTheTwoPasswordsDifferent() {
        let page = RegisterPage(name: "钱测试", phone: "13700001234",
                                errors: FormErrors([FieldError(field: "passwordConfirm", code: "mismatch", message: "两次输入的密码不一致")]))
        assertSnapshot(of: render(page, path: SiteURL.register.path), as: .lines)
    }

    func test_theSMSCodeStep_namesTheMaskedPhoneItWentTo() {
        assertSnapshot(of: render(SMSCodePage(maskedPhone: "137****1234", errors: FormErrors()), path: SiteURL.secondFactor.path), as: .lines)
    }

    func test_theAuthenticatorStep_offersARecoveryCodeWhenThePhoneIsAway() {
        let page = AuthenticatorCodePage(errors: FormErrors([FieldError(field: "code", code: "badSecondFactor", message: "动态验证码不正确")]))
        assertSnapshot(of: render(page, path: SiteURL.secondFactor.path), as: .lines)
    }

    func test_enrollingAnAuthenticator_showsTheKeyGroupedForTypingByHand() {
        let page = EnrolAuthenticatorPage(groupedKey: "JBSW Y3DP EHPK 3PXP", provisioningURI: "otpauth://totp/%E6%B3%95%E6%8F%B4%E5%9C%A8%E7%BA%BF:shencha?secret=JBSWY3DPEHPK3PXP",
                                          qrCode: "<svg role=\"img\" aria-label=\"二维码\"></svg>", errors: FormErrors())
        assertSnapshot(of: render(page, path: SiteURL.enrolSecondFactor.path), as: .lines)
    }

    func test_theRecoveryCodes_shownOnceWithTheWayOn() {
        let page = RecoveryCodesPage(codes: (1...10).map { String(format: "abcd-%04d", $0) }, next: SiteURL.workbench.path)
        assertSnapshot(of: render(page, path: SiteURL.enrolSecondFactor.path, as: Mock.reviewer), as: .lines)
    }

    func test_aCitizensAccount_onFirstSignIn_withTheSMSCodeOff() {
        let page = AccountPage(displayName: "钱测试", loginName: "137****1234", roleNames: ["申请人"], mustChangePassword: true,
                               smsSecondFactor: false, errors: FormErrors())
        assertSnapshot(of: render(page, path: SiteURL.account.path, as: Mock.citizen), as: .lines)
    }

    func test_aStaffAccount_hasNoSMSChoice() {
        let page = AccountPage(displayName: "孙审查", loginName: "shencha", roleNames: ["法律援助中心审查人员"], mustChangePassword: false,
                               smsSecondFactor: nil, errors: FormErrors([FieldError(field: "current", code: "wrongPassword", message: "当前密码不正确")]))
        assertSnapshot(of: render(page, path: SiteURL.account.path, as: Mock.reviewer), as: .lines)
    }

    func test_aPageThatIsNotThere_pointsHomeAndTo12348() {
        assertSnapshot(of: render(ErrorPage(status: .notFound, message: "没有找到这个页面。"), path: "/no-such-page"), as: .lines)
    }
}
