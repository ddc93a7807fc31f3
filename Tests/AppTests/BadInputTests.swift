import Fluent
import XCTVapor
import XCTest
@testable import App
@testable import LegalAidCore

/// Bad input gets a clear error naming the field, and nothing stored is lost or half-written.
final class BadInputTests: XCTestCase {
    func test_wrongIDNumberIsShownBesideTheFieldAndNothingIsStored() async throws {
        try await withTestApp { test in
            let before = try await ApplicationModel.query(on: test.db).count()
            let community = Browser(test)
            try await community.login("shequ1", DemoSeed.staffPassword)
            var fields = applicationFields(name: "郑测试")
            fields.removeAll { $0.0 == "applicant.idNumber" || $0.0 == "applicant.phone" }
            fields += [("applicant.idNumber", "110105194912310021"), ("applicant.phone", "12345")]
            let page = try await community.postMultipart("/applications/new", fields + [("action", "submit")])
            XCTAssertEqual(page.status, .unprocessableEntity)
            XCTAssertTrue(page.contains("身份证号码校验位不正确，请核对"))
            XCTAssertTrue(page.contains("请输入11位手机号码，以1开头"))
            XCTAssertTrue(page.contains("aria-invalid=\"true\""))
            XCTAssertTrue(page.contains("value=\"郑测试\""), "the user's input is kept")
            XCTAssertTrue(page.contains("在测试建筑公司工地做工五个月"))
            let _v26 = try await ApplicationModel.query(on: test.db).count()
            XCTAssertEqual(_v26, before)
        }
    }

    func test_uploadThatIsNotAnImageOrPDFIsRefusedAndTheFormKept() async throws {
        try await withTestApp { test in
            let community = Browser(test)
            try await community.login("shequ1", DemoSeed.staffPassword)
            let before = try await ApplicationModel.query(on: test.db).count()
            let page = try await community.postMultipart("/applications/new", applicationFields(name: "冯测试") + [("action", "submit")],
                                                         files: [.init(field: "attachments[]", filename: "照片.png", contentType: "image/png",
                                                                       bytes: Array("#!/bin/sh\necho not an image".utf8))])
            XCTAssertEqual(page.status, .unprocessableEntity)
            XCTAssertTrue(page.contains("不是图片或PDF"))
            XCTAssertTrue(page.contains("value=\"冯测试\""))
            let _v27 = try await ApplicationModel.query(on: test.db).count()
            XCTAssertEqual(_v27, before)
            let _v28 = try await AttachmentModel.query(on: test.db).count()
            XCTAssertEqual(_v28, 0)
        }
    }

    func test_oversizedUploadIsRefused() async throws {
        try await withTestApp { test in
            let community = Browser(test)
            try await community.login("shequ1", DemoSeed.staffPassword)
            let big = pngBytes + [UInt8](repeating: 0, count: 1024 * 1024 + 10)
            let page = try await community.postMultipart("/applications/new", applicationFields(name: "陈测试") + [("action", "save")],
                                                         files: [.init(field: "attachments[]", filename: "大图.png", contentType: "image/png", bytes: big)])
            XCTAssertEqual(page.status, .unprocessableEntity)
            XCTAssertTrue(page.contains("超过1MB"))
        }
    }

    func test_apiErrorsAreMachineReadableWithTheField() async throws {
        try await withTestApp { test in
            let api = try await APIClient.signIn(test, "shequ1", DemoSeed.staffPassword)
            let response = try await api.send(.POST, "/api/v1/applications", json: ["form": ["applicant": ["idNumber": "123"]]])
            XCTAssertEqual(response.status, .unprocessableEntity)
            let error = try XCTUnwrap(try api.object(response)["error"] as? [String: Any])
            XCTAssertEqual(error["code"] as? String, "invalidIdNumber")
            XCTAssertEqual(error["field"] as? String, "applicant.idNumber")
            XCTAssertEqual(error["message"] as? String, "身份证号码应为18位")

            let malformed = try await api.send(.POST, "/api/v1/applications", json: ["form": ["household": ["members": "three"]]])
            XCTAssertEqual(malformed.status, .badRequest)
            let detail = try XCTUnwrap(try api.object(malformed)["error"] as? [String: Any])
            XCTAssertEqual(detail["field"] as? String, "form.household.members")
        }
    }

    func test_illegalTransitionIsRefusedWithItsReason() async throws {
        try await withTestApp { test in
            let api = try await APIClient.signIn(test, "shenpi", DemoSeed.staffPassword)
            let app = try await ApplicationModel.query(on: test.db).filter(\.$state == "underReview").firstOrFail()
            let response = try await api.send(.POST, "/api/v1/applications/\(app.id!)/events", json: ["type": "approve"])
            XCTAssertEqual(response.status, .conflict)
            let error = try XCTUnwrap(try api.object(response)["error"] as? [String: Any])
            XCTAssertEqual(error["code"] as? String, "illegalTransition")
            XCTAssertEqual(error["message"] as? String, "申请当前状态为“法律援助中心审查中”，不能执行“决定给予法律援助”")
        }
    }
}

/// Found by schemathesis: a multipart part header whose name holds a byte above 0x7F made
/// MultipartKit trap and the whole server stop. It is now refused with a 400.
final class MultipartRobustnessTests: XCTestCase {
    func test_nonASCIIHeaderNameInAPartIsRefusedNotFatal() async throws {
        try await withTestApp { test in
            let api = try await APIClient.signIn(test, "shequ1", DemoSeed.staffPassword)
            let app = try await ApplicationModel.query(on: test.db).filter(\.$state == "submitted").firstOrFail()
            var body = ByteBuffer()
            body.writeString("--b0undary\r\n")
            body.writeBytes([0xC2, 0xA1, 0x1C, 0xC2, 0xAE])
            body.writeString("--b0undary--\r\n")
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=b0undary")
            headers.bearerAuthorization = BearerAuthorization(token: api.token!)
            let response = try await test.app.testable().performTest(request: TestingHTTPRequest(
                method: .POST, url: URI(path: "/api/v1/applications/\(app.id!)/attachments"), headers: headers, body: body))
            XCTAssertEqual(response.status, .badRequest)
            let _v901 = try await api.send(.GET, "/api/v1/applications").status
            XCTAssertEqual(_v901, .ok, "the server is still up")
        }
    }

    func test_ordinaryMultipartHeadersPass() {
        let body = Array("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n中文内容\r\n--x--\r\n".utf8)
        XCTAssertTrue(MultipartGuard.headersAreSafe(body, boundary: "x"))
        XCTAssertFalse(MultipartGuard.headersAreSafe(Array("--x\r\n\u{00A1}: y\r\n\r\n--x--".utf8), boundary: "x"))
    }
}
