import Fluent
import XCTVapor
import XCTest
@testable import App
@testable import LegalAidCore

/// 等保2.0 identity: strong passwords, limited attempts, sessions that end.
final class IdentityTests: XCTestCase {
    func test_fiveFailuresLockTheAccountForFifteenMinutesAndSaySo() async throws {
        try await withTestApp(now: chinaNoon("2026-03-02")) { test in
            let attacker = Browser(test)
            for _ in 0..<4 {
                let page = try await attacker.post("/login", [("username", "shencha"), ("password", "Wrong#Pass2026")])
                XCTAssertTrue(page.contains("用户名或密码不正确"))
            }
            let fifth = try await attacker.post("/login", [("username", "shencha"), ("password", "Wrong#Pass2026")])
            XCTAssertTrue(fifth.contains("账号已暂时锁定，请于12:15后再试"))
            // Even the right password is refused while locked.
            let locked = try await Browser(test).post("/login", [("username", "shencha"), ("password", DemoSeed.staffPassword)])
            XCTAssertEqual(locked.status, .unprocessableEntity)
            XCTAssertTrue(locked.contains("账号已暂时锁定"))
            let lockouts = try await test.auditTrail().filter(\.$event == "auth.lockout").count()
            XCTAssertEqual(lockouts, 1)

            test.clock.set(chinaNoon("2026-03-02").addingTimeInterval(16 * 60))
            try await Browser(test).login("shencha", DemoSeed.staffPassword)
        }
    }

    func test_securityAdministratorUnlocksEarly() async throws {
        try await withTestApp(now: chinaNoon("2026-03-02")) { test in
            for _ in 0..<5 { try await Browser(test).post("/login", [("username", "shenpi"), ("password", "Wrong#Pass2026")]) }
            let security = Browser(test)
            try await security.login("anquan", DemoSeed.staffPassword)
            let list = try await security.get("/security/locked-accounts")
            XCTAssertTrue(list.contains("中心 冯主任"))
            let account = try await test.account("shenpi")
            try await security.post("/security/locked-accounts/\(account.id!.uuidString)/unlock", [])
            try await Browser(test).login("shenpi", DemoSeed.staffPassword)
        }
    }

    func test_weakPasswordsAreRefusedAtRegistration() async throws {
        try await withTestApp { test in
            let browser = Browser(test)
            for (password, message) in [("short1A!", "密码太短"), ("alllowercase1", "密码太简单"), ("Password123!", "常见密码"), ("13700009999Ab", "不能包含用户名或手机号码")] {
                let page = try await browser.post("/register", [("name", "弱密码"), ("phone", "13700009999"), ("password", password), ("passwordConfirm", password)])
                XCTAssertEqual(page.status, .unprocessableEntity, password)
                XCTAssertTrue(page.contains(message), password)
            }
        }
    }

    func test_idleSessionEndsAfterThirtyMinutes() async throws {
        try await withTestApp(now: chinaNoon("2026-03-02")) { test in
            let browser = Browser(test)
            try await browser.login("shencha", DemoSeed.staffPassword)
            test.clock.set(chinaNoon("2026-03-02").addingTimeInterval(29 * 60))
            let _v901 = try await browser.get("/workbench").status
            XCTAssertEqual(_v901, .ok)
            test.clock.set(chinaNoon("2026-03-02").addingTimeInterval(60 * 60))
            let expired = try await browser.get("/workbench")
            XCTAssertEqual(expired.status, .seeOther)
            let login = try await browser.get(try XCTUnwrap(expired.location))
            XCTAssertTrue(login.contains("长时间未操作已自动退出"))
        }
    }

    func test_sessionEndsAfterTwelveHoursEvenWhenActive() async throws {
        try await withTestApp(now: chinaNoon("2026-03-02")) { test in
            let browser = Browser(test)
            try await browser.login("shencha", DemoSeed.staffPassword)
            var minutes = 0
            var lastOK = 0
            while minutes < 14 * 60 {
                minutes += 25
                test.clock.set(chinaNoon("2026-03-02").addingTimeInterval(Double(minutes) * 60))
                if try await browser.get("/workbench").status == .ok { lastOK = minutes } else { break }
            }
            XCTAssertGreaterThan(lastOK, 11 * 60)
            XCTAssertLessThanOrEqual(lastOK, 12 * 60)
        }
    }

    func test_logOutEverywhereEndsOtherSessionsAndTokens() async throws {
        try await withTestApp { test in
            let phone = Browser(test)
            let desk = Browser(test)
            try await phone.login("shencha", DemoSeed.staffPassword)
            try await desk.login("shencha", DemoSeed.staffPassword)
            let api = try await APIClient.signIn(test, "shencha", DemoSeed.staffPassword)
            try await phone.post("/account/logout-everywhere", [])
            let _v902 = try await desk.get("/workbench").status
            XCTAssertEqual(_v902, .seeOther)
            let _v903 = try await api.send(.GET, "/api/v1/applications").status
            XCTAssertEqual(_v903, .unauthorized)
        }
    }

    func test_adminCreatedAccountMustChangePasswordFirst() async throws {
        try await withTestApp { test in
            let account = try await test.addStaff("xinren", role: .centreReviewer, organisation: "示范区法律援助中心")
            account.mustChangePassword = true
            try await account.save(on: test.db)
            let browser = Browser(test)
            try await browser.login("xinren", DemoSeed.staffPassword)
            let redirected = try await browser.get("/workbench")
            XCTAssertEqual(redirected.location, "/account/password")
            let page = try await browser.get("/account/password")
            XCTAssertTrue(page.contains("请先设置只有您自己知道的新密码"))
            let changed = try await browser.post("/account/password", [("current", DemoSeed.staffPassword), ("new", "Xin#Ren2026ok"), ("confirm", "Xin#Ren2026ok")])
            XCTAssertEqual(changed.status, .seeOther)
            let _v904 = try await browser.get("/workbench").status
            XCTAssertEqual(_v904, .ok)
        }
    }

    func test_demoPasswordsAreRefusedInProduction() async throws {
        try await withTestApp(adjust: { $0.production = true; $0.seedDemo = true }) { test in
            let page = try await Browser(test).post("/login", [("username", "shencha"), ("password", DemoSeed.staffPassword)])
            XCTAssertTrue(page.contains("演示密码不能在正式环境中使用"))
        }
    }

    func test_staffNeedTheirAuthenticatorCodeAndItWorksOnce() async throws {
        try await withTestApp { test in
            let browser = Browser(test)
            try await browser.get("/login")
            let first = try await browser.post("/login", [("username", "shencha"), ("password", DemoSeed.staffPassword)])
            XCTAssertEqual(first.location, "/login/second-factor")
            let _v901 = try await browser.get("/workbench").status
            XCTAssertEqual(_v901, .seeOther, "not signed in before the second factor")
            let wrong = try await browser.post("/login/second-factor", [("code", "000000")])
            XCTAssertTrue(wrong.contains("动态验证码不正确"))
            let shenchaAccount = try await test.account("shencha")
            let secret = try XCTUnwrap(shenchaAccount.totpSecret)
            let code = test.nextTOTPCode(secret: secret)
            let _v902 = try await browser.post("/login/second-factor", [("code", code)]).status
            XCTAssertEqual(_v902, .seeOther)
            let _v903 = try await browser.get("/workbench").status
            XCTAssertEqual(_v903, .ok)

            // The same code cannot sign in a second time.
            let replay = Browser(test)
            try await replay.get("/login")
            try await replay.post("/login", [("username", "shencha"), ("password", DemoSeed.staffPassword)])
            let _v904 = try await replay.post("/login/second-factor", [("code", code)]).status
            XCTAssertEqual(_v904, .unprocessableEntity)

            // The API wants the code too.
            let api = APIClient(test: test, token: nil)
            let noCode = try await api.send(.POST, "/api/v1/auth/token", json: ["username": "shencha", "password": DemoSeed.staffPassword])
            XCTAssertEqual(noCode.status, .unauthorized)
            XCTAssertEqual((try api.object(noCode)["error"] as? [String: Any])?["code"] as? String, "secondFactorRequired")
        }
    }

    func test_newStaffEnrolAndRecoveryCodesWorkOnceEach() async throws {
        try await withTestApp { test in
            try await test.addStaff("xinzhan", role: .workstationStaff, organisation: "长江街道法律援助工作站", enrolled: false)
            let browser = Browser(test)
            try await browser.login("xinzhan", DemoSeed.staffPassword) // enrols: the helper reads the key off the page
            let account = try await test.account("xinzhan")
            XCTAssertNotNil(account.totpSecret)
            XCTAssertEqual(account.recoveryCodeHashes?.split(separator: ",").count, 10)

            let codes = SecondFactor.newRecoveryCodes(for: account)
            try await account.save(on: test.db)
            let phoneLost = Browser(test)
            try await phoneLost.get("/login")
            try await phoneLost.post("/login", [("username", "xinzhan"), ("password", DemoSeed.staffPassword)])
            let _v905 = try await phoneLost.post("/login/second-factor", [("code", codes[0])]).status
            XCTAssertEqual(_v905, .seeOther)
            let again = Browser(test)
            try await again.get("/login")
            try await again.post("/login", [("username", "xinzhan"), ("password", DemoSeed.staffPassword)])
            let _v906 = try await again.post("/login/second-factor", [("code", codes[0])]).status
            XCTAssertEqual(_v906, .unprocessableEntity)
        }
    }
}
