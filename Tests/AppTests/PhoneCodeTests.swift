import Fluent
import XCTVapor
import XCTest
@testable import App
@testable import LegalAidCore

/// An anonymous asker confirms the number they leave with a code sent to it by SMS (issue #12
/// item 1): the desk will call that number back and text it, so it must be theirs.
final class PhoneCodeTests: XCTestCase {
    static let mondayMorning = ConsultationAPITests.mondayMorning
    static let phone = "13900000041"
    let question: [String: Any] = ["channel": "live", "topic": "lending", "question": "借给朋友五万元不还，怎么办？", "name": "周女士", "phone": PhoneCodeTests.phone]

    func error(_ response: TestingHTTPResponse) throws -> (code: String?, field: String?) {
        let body = (try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])?["error"] as? [String: Any]
        return (body?["code"] as? String, body?["field"] as? String)
    }

    func test_withoutTheRightCodeNoConsultationStarts_andARightCodeIsUsedOnce() async throws {
        try await withTestApp(now: Self.mondayMorning) { test in
            let anonymous = APIClient(test: test, token: nil)
            let none = try await anonymous.send(.POST, "/api/v1/consultations", json: question)
            XCTAssertEqual(none.status, .unprocessableEntity)
            XCTAssertEqual(try error(none).field, "phoneCode")

            let code = try await anonymous.phoneCode(for: Self.phone)
            XCTAssertEqual(code.count, 6)
            let sms = try await SMSOutboxModel.query(on: test.db).filter(\.$template == PhoneCode.template).all()
            XCTAssertEqual(sms.map(\.phone), [Self.phone])
            let stored = try await PhoneCodeModel.query(on: test.db).all()
            XCTAssertFalse(stored.contains { $0.codeDigest.contains(code) || $0.phoneDigest.contains(Self.phone) }, "digests only")

            var wrong = question
            wrong["phoneCode"] = code == "000000" ? "111111" : "000000"
            let refused = try await anonymous.send(.POST, "/api/v1/consultations", json: wrong)
            XCTAssertEqual(try error(refused).code, "wrongCode")
            var right = question
            right["phoneCode"] = code
            let started = try await anonymous.send(.POST, "/api/v1/consultations", json: right)
            XCTAssertEqual(started.status, .created, started.body.string)
            let again = try await anonymous.send(.POST, "/api/v1/consultations", json: right)
            XCTAssertEqual(try error(again).code, "used", "a code is used once, and the person is told so")
            let count = try await ConsultationModel.query(on: test.db).count()
            XCTAssertEqual(count, 1)
        }
    }

    func test_aCodeLastsFiveMinutesAndFiveTries_andANumberGetsThreeCodesInTenMinutes() async throws {
        try await withTestApp(now: Self.mondayMorning) { test in
            let anonymous = APIClient(test: test, token: nil)
            let code = try await anonymous.phoneCode(for: Self.phone)
            var body = question
            for _ in 0..<5 {
                body["phoneCode"] = code == "000000" ? "111111" : "000000"
                _ = try await anonymous.send(.POST, "/api/v1/consultations", json: body)
            }
            body["phoneCode"] = code
            let locked = try await anonymous.send(.POST, "/api/v1/consultations", json: body)
            XCTAssertEqual(try error(locked).code, "tooManyAttempts", "five wrong tries use the code up")

            let fresh = try await anonymous.phoneCode(for: Self.phone)
            test.clock.set(Self.mondayMorning.addingTimeInterval(PhoneCodes.validFor + 1))
            body["phoneCode"] = fresh
            let late = try await anonymous.send(.POST, "/api/v1/consultations", json: body)
            XCTAssertEqual(try error(late).code, "expired")

            _ = try await anonymous.phoneCode(for: Self.phone)
            let fourth = try await anonymous.send(.POST, "/api/v1/consultations/phone-code", json: ["phone": Self.phone])
            XCTAssertEqual(fourth.status, .tooManyRequests)
            XCTAssertEqual(try error(fourth).field, "phone")
            let bad = try await anonymous.send(.POST, "/api/v1/consultations/phone-code", json: ["phone": "12345"])
            XCTAssertEqual(try error(bad).code, "invalidPhone")
        }
    }

    func test_onThePageTheCodeIsAskedForAfterTheQuestion_andWhatWasTypedIsKept() async throws {
        try await withTestApp(now: Self.mondayMorning) { test in
            let browser = Browser(test)
            _ = try await browser.get("/consult")
            let fields = [("channel", "live"), ("topic", "lending"), ("question", "借给朋友五万元不还，怎么办？"), ("name", "周女士"), ("phone", Self.phone)]
            let asked = try await browser.post("/consult", fields)
            XCTAssertEqual(asked.status, .ok)
            XCTAssertTrue(asked.contains("验证码已发送到尾号0041的手机"))
            XCTAssertTrue(asked.contains("借给朋友五万元不还"), "the question is kept")
            XCTAssertTrue(asked.contains("短信验证码"))
            let wrong = try await browser.post("/consult", fields + [("phoneCode", "12")])
            XCTAssertEqual(wrong.status, .unprocessableEntity)
            XCTAssertTrue(wrong.contains("请输入短信收到的6位验证码"))
            let code = try await test.lastPhoneCode()
            let started = try await browser.post("/consult", fields + [("phoneCode", code)])
            XCTAssertEqual(started.status, .seeOther, String(started.body.prefix(2000)))
            let conversation = try await browser.get(try XCTUnwrap(started.location))
            XCTAssertTrue(conversation.contains("排队中"))
        }
    }
}
