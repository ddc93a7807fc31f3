import Fluent
import Vapor
import XCTest
@testable import App
@testable import LegalAidCore

/// Evidence and the step it belongs to land together or not at all: no file is kept that no
/// record names, and no record names a missing file.
final class AtomicUploadTests: XCTestCase {
    func test_aRefusedDraftSaveKeepsNeitherTheRecordNorTheFile() async throws {
        try await withTestApp(now: chinaNoon("2026-03-02")) { test in
            let point = try await test.organisation(test.xingfuPointName)
            let citizen = Browser(test)
            let _v1 = try await citizen.post("/register", [("name", "钱测试"), ("phone", "13700001234"), ("password", "Qian#2026ok"), ("passwordConfirm", "Qian#2026ok")]).status
            XCTAssertEqual(_v1, .seeOther)
            let saved = try await citizen.postMultipart("/applications/new", applicationFields(communityPoint: point.id!.uuidString) + [("action", "save")],
                                                        files: [.init(field: "attachments[]", filename: "欠条.png", contentType: "image/png", bytes: pngBytes)])
            XCTAssertEqual(saved.status, .seeOther)
            let app = try await ApplicationModel.query(on: test.db).filter(\.$applicantName == "钱测试").firstOrFail()
            let uploads = test.dataDirectory + "/uploads"
            let _v2 = try await AttachmentModel.query(on: test.db).filter(\.$applicationID == app.id!).count()
            XCTAssertEqual(_v2, 1, "the draft and its first photo were saved together")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: uploads).count, 1)

            // Saved again from a page opened before someone else changed the draft: refused.
            let stale = try await citizen.postMultipart("/applications/\(app.id!.uuidString)/edit",
                                                        applicationFields(communityPoint: point.id!.uuidString) + [("action", "save"), ("version", "99")],
                                                        files: [.init(field: "attachments[]", filename: "工资条.png", contentType: "image/png", bytes: pngBytes)])
            XCTAssertEqual(stale.status, .conflict)
            let _v3 = try await AttachmentModel.query(on: test.db).filter(\.$applicationID == app.id!).count()
            XCTAssertEqual(_v3, 1, "no record for the refused photo")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: uploads).count, 1, "and no file left behind")
        }
    }

    func test_whenTheStepFailsAfterRecordingTheFilesTheRowsRollBackAndTheFilesAreRemoved() async throws {
        try await withTestApp { test in
            let app = try await ApplicationModel.query(on: test.db).firstOrFail()
            let account = try await test.account("shencha")
            let request = Request(application: test.app, on: test.app.eventLoopGroup.next())
            let photo = File(data: ByteBuffer(bytes: pngBytes), filename: "欠条.png")
            let uploads = try await AttachmentStore.stage([photo, photo], request: request)
            XCTAssertEqual(uploads.uploads.count, 2)
            XCTAssertTrue(uploads.uploads.allSatisfy { FileManager.default.fileExists(atPath: uploads.path(of: $0)) })
            let before = try await AttachmentModel.query(on: test.db).count()
            struct LaterStepFailed: Error {}
            do {
                try await uploads.atomically { uploads in
                    try await test.app.fayuan.transaction(on: test.db) { tx in
                        _ = try await uploads.record(for: app.id!, by: account.id!, on: tx)
                        throw LaterStepFailed()
                    }
                }
                XCTFail("the step failed")
            } catch is LaterStepFailed {}
            let after = try await AttachmentModel.query(on: test.db).count()
            XCTAssertEqual(after, before, "the rows rolled back with the step")
            XCTAssertFalse(uploads.uploads.contains { FileManager.default.fileExists(atPath: uploads.path(of: $0)) }, "the files went too")
        }
    }
}
