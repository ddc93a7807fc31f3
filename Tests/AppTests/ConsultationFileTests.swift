import Fluent
import XCTVapor
import XCTest
@testable import App
@testable import LegalAidCore

/// Files in a conversation (issue #12 item 1): either side sends an image or a PDF, checked by
/// its content like an application's evidence; a wrong or oversize file is refused by field with
/// nothing stored; only those who may read the conversation fetch the file.
final class ConsultationFileTests: XCTestCase {
    static let mondayMorning = ConsultationAPITests.mondayMorning
    static let pdfBytes: [UInt8] = Array("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".utf8)

    func json(_ response: TestingHTTPResponse) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] ?? [:]
    }

    /// A signed-in citizen's live request, taken by the reviewer on duty.
    func chat(_ test: TestApp) async throws -> (id: String, citizen: APIClient, staff: APIClient) {
        let citizen = try await APIClient.signIn(test, DemoSeed.citizenPhone, DemoSeed.citizenPassword)
        let created = try json(try await citizen.send(.POST, "/api/v1/consultations",
                                                      json: ["channel": "live", "topic": "lending", "question": "朋友借钱不还，有欠条，怎么办？", "name": "李示例"]))
        let id = try XCTUnwrap(((created["consultation"] as? [String: Any])?["summary"] as? [String: Any])?["id"] as? String)
        let staff = try await APIClient.signIn(test, "shencha", DemoSeed.staffPassword)
        _ = try await staff.send(.POST, "/api/v1/desk/duty", json: ["onDuty": true])
        let taken = try await staff.send(.POST, "/api/v1/desk/next")
        XCTAssertEqual(taken.status, .ok)
        return (id, citizen, staff)
    }

    func storedFiles(_ test: TestApp) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: test.dataDirectory + "/uploads")) ?? []
    }

    func test_eitherSideSendsAnImageOrAPdf_andTheOtherFetchesIt() async throws {
        try await withTestApp(now: Self.mondayMorning) { test in
            let (id, citizen, staff) = try await chat(test)
            let sent = try await citizen.upload("/api/v1/consultations/\(id)/files", filename: "欠条.png", contentType: "application/octet-stream", bytes: pngBytes)
            XCTAssertEqual(sent.status, .created, sent.body.string)
            let file = try XCTUnwrap(try json(sent)["file"] as? [String: Any])
            XCTAssertEqual(file["contentType"] as? String, "image/png", "typed by its content, not by what the client said")
            XCTAssertEqual(file["name"] as? String, "欠条.png")
            let url = try XCTUnwrap(file["url"] as? String)

            let fetched = try await staff.send(.GET, url)
            XCTAssertEqual(fetched.status, .ok)
            XCTAssertEqual(Array(fetched.body.readableBytesView), pngBytes)
            XCTAssertEqual(fetched.headers.first(name: "X-Content-Type-Options"), "nosniff")
            XCTAssertEqual(fetched.headers.contentType?.description, "image/png")

            let reply = try await staff.upload("/api/v1/consultations/\(id)/files", filename: "借款合同范本.pdf", contentType: "application/pdf", bytes: Self.pdfBytes)
            XCTAssertEqual(reply.status, .created)
            let detail = try json(try await citizen.send(.GET, "/api/v1/consultations/\(id)"))
            let files = (detail["messages"] as? [[String: Any]])?.compactMap { $0["file"] as? [String: Any] } ?? []
            XCTAssertEqual(files.compactMap { $0["contentType"] as? String }, ["image/png", "application/pdf"])
            let pdf = try await citizen.send(.GET, try XCTUnwrap(files.last?["url"] as? String))
            XCTAssertTrue(pdf.headers.first(name: .contentDisposition)?.hasPrefix("attachment") ?? false, "a PDF is downloaded, not opened in the page")

            // Someone who may not read the conversation cannot fetch its files either.
            let colleague = try await APIClient.signIn(test, "shenpi", DemoSeed.staffPassword)
            let refused = try await colleague.send(.GET, url)
            XCTAssertEqual(refused.status, .notFound)
            let otherID = UUID().uuidString
            let wrongConversation = try await citizen.send(.GET, url.replacingOccurrences(of: id, with: otherID))
            XCTAssertEqual(wrongConversation.status, .notFound)
        }
    }

    func test_aWrongOrOversizeFileIsRefusedByField_andNothingIsStored() async throws {
        try await withTestApp(now: Self.mondayMorning, adjust: { $0.maxUploadBytes = 1024 }) { test in
            let (id, citizen, staff) = try await chat(test)
            let before = try await ConsultationMessageModel.query(on: test.db).count()
            let script = try await citizen.upload("/api/v1/consultations/\(id)/files", filename: "photo.png", contentType: "image/png",
                                                  bytes: Array("<script>alert(1)</script>".utf8))
            XCTAssertEqual(script.status, .unprocessableEntity)
            XCTAssertEqual((try json(script)["error"] as? [String: Any])?["field"] as? String, "file")
            XCTAssertEqual((try json(script)["error"] as? [String: Any])?["code"] as? String, "fileType")
            let big = try await citizen.upload("/api/v1/consultations/\(id)/files", filename: "big.png", contentType: "image/png",
                                               bytes: pngBytes + [UInt8](repeating: 0, count: 2048))
            XCTAssertEqual((try json(big)["error"] as? [String: Any])?["code"] as? String, "fileTooLarge")
            let empty = try await citizen.upload("/api/v1/consultations/\(id)/files", filename: "none.png", contentType: "image/png", bytes: [])
            XCTAssertEqual((try json(empty)["error"] as? [String: Any])?["code"] as? String, "required")

            // A closed conversation takes no file: refused, and the file written first is gone again.
            _ = try await staff.send(.POST, "/api/v1/consultations/\(id)/close", json: ["outcome": "answered"])
            let late = try await citizen.upload("/api/v1/consultations/\(id)/files", filename: "欠条.png", contentType: "image/png", bytes: pngBytes)
            XCTAssertEqual(late.status, .conflict)
            let after = try await ConsultationMessageModel.query(on: test.db).count()
            XCTAssertEqual(after, before)
            let rows = try await ConsultationFileModel.query(on: test.db).count()
            XCTAssertEqual(rows, 0)
            XCTAssertEqual(storedFiles(test), [], "no file is left that no row names")
        }
    }

    func test_onThePageAnImageShowsInTheConversation_andAWrongFileIsExplainedInChinese() async throws {
        try await withTestApp(now: Self.mondayMorning) { test in
            let (id, _, _) = try await chat(test)
            let browser = Browser(test)
            try await browser.login(DemoSeed.citizenPhone, DemoSeed.citizenPassword)
            let page = try await browser.get("/consult/\(id)")
            XCTAssertTrue(page.contains("发送图片或PDF文件"))
            let wrong = try await browser.postMultipart("/consult/\(id)/files", [("clientId", UUID().uuidString)],
                                                        files: [.init(field: "file", filename: "合同.docx", contentType: "application/msword", bytes: Array("PK\u{3}\u{4}word".utf8))])
            XCTAssertEqual(wrong.status, .unprocessableEntity)
            XCTAssertTrue(wrong.contains("不是图片或PDF"), String(wrong.body.prefix(2000)))
            let sent = try await browser.postMultipart("/consult/\(id)/files", [("clientId", UUID().uuidString)],
                                                       files: [.init(field: "file", filename: "欠条.png", contentType: "image/png", bytes: pngBytes)])
            XCTAssertEqual(sent.status, .seeOther, String(sent.body.prefix(2000)))
            let shown = try await browser.get("/consult/\(id)")
            XCTAssertTrue(shown.contains("<img src=\"/consult/\(id.uppercased())/files/") || shown.contains("<img src=\"/consult/\(id)/files/"),
                          String(shown.body.prefix(4000)))
            XCTAssertTrue(shown.contains("alt=\"图片：欠条.png\""))
        }
    }
}
