import Fluent
import XCTVapor
import XCTest
@testable import App
@testable import LegalAidCore

/// Citizens may add an SMS code to their password; the code goes through the SMS outbox.
final class SMSCodeTests: XCTestCase {
    func latestCode(_ test: TestApp) async throws -> String {
        let sms = try await SMSOutboxModel.query(on: test.db).sort(\.$createdAt, .descending).all()
            .first { $0.body.contains("登录验证码") }
        let body = try XCTUnwrap(sms?.body)
        XCTAssertEqual(sms?.phone, DemoSeed.citizenPhone)
        return String(body.filter(\.isNumber).prefix(6))
    }

    func test_citizenWithSMSCodeSignsInWithPasswordAndCode() async throws {
        try await withTestApp { test in
            let citizen = Browser(test)
            try await citizen.login(DemoSeed.citizenPhone, DemoSeed.citizenPassword)
            try await citizen.get("/account")
            try await citizen.post("/account/sms-code", [("enable", "true")])
            try await citizen.post("/logout", [])

            let again = Browser(test)
            try await again.get("/login")
            let step = try await again.post("/login", [("username", DemoSeed.citizenPhone), ("password", DemoSeed.citizenPassword)])
            XCTAssertEqual(step.location, "/login/second-factor")
            let page = try await again.get("/login/second-factor")
            XCTAssertTrue(page.contains("验证码已发送到 139****0001"))
            let wrong = try await again.post("/login/second-factor", [("code", "000000")])
            XCTAssertTrue(wrong.contains("短信验证码不正确或已过期"))
            let code = try await latestCode(test)
            let _v901 = try await again.post("/login/second-factor", [("code", code)]).status
            XCTAssertEqual(_v901, .seeOther)
            let _v902 = try await again.get("/my").status
            XCTAssertEqual(_v902, .ok)
        }
    }

    func test_atMostThreeCodesInTenMinutes() async throws {
        try await withTestApp { test in
            let account = try await test.account(DemoSeed.citizenPhone)
            account.smsSecondFactor = true
            try await account.save(on: test.db)
            for _ in 0..<3 {
                let browser = Browser(test)
                try await browser.get("/login")
                let step = try await browser.post("/login", [("username", DemoSeed.citizenPhone), ("password", DemoSeed.citizenPassword)])
                XCTAssertEqual(step.location, "/login/second-factor")
            }
            let fourth = Browser(test)
            try await fourth.get("/login")
            let refused = try await fourth.post("/login", [("username", DemoSeed.citizenPhone), ("password", DemoSeed.citizenPassword)])
            XCTAssertTrue(refused.contains("验证码短信发送过于频繁"))
        }
    }
}
