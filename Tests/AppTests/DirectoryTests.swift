import Fluent
import XCTVapor
import XCTest
@testable import App
@testable import LegalAidCore
@testable import DirectoryCore

/// The directory (issue #13 items 1–3 and 7): anyone finds institutions and people, the nearest
/// open; staff edit institutions and import files, all rows or none. Runs on SQLite and, with
/// DATABASE_URL, on PostgreSQL.
final class DirectoryTests: XCTestCase {
    func json(_ response: TestingHTTPResponse) throws -> Any { try JSONSerialization.jsonObject(with: Data(buffer: response.body)) }

    func village(_ test: TestApp) async throws -> OrganisationModel {
        try await OrganisationModel.query(on: test.db).filter(\.$kind == OrganisationKind.villageCommittee.rawValue).sort(\.$name).firstOrFail()
    }

    func test_nearestFromAVillageAreSortedByDistance_eachSayingWhetherItIsOpen() async throws {
        try await withTestApp { test in
            let from = try await village(test)
            let anyone = APIClient(test: test, token: nil)
            let response = try await anyone.send(.GET, "/api/v1/directory/nearest?from=\(from.id!)&kind=mediationCommittee&limit=5")
            XCTAssertEqual(response.status, .ok, response.body.string)
            let results = try XCTUnwrap(try json(response) as? [[String: Any]])
            XCTAssertEqual(results.count, 5)
            let metres = results.compactMap { $0["metres"] as? Int }
            XCTAssertEqual(metres, metres.sorted())
            for result in results {
                let institution = try XCTUnwrap(result["institution"] as? [String: Any])
                XCTAssertEqual(institution["kind"] as? String, "mediationCommittee")
                XCTAssertNotNil(institution["openNow"] as? Bool)
            }
        }
    }

    func test_aBadPositionIsRefusedNamingTheField() async throws {
        try await withTestApp { test in
            let response = try await APIClient(test: test, token: nil).send(.GET, "/api/v1/directory/nearest?lat=95&lon=114")
            XCTAssertEqual(response.status, .unprocessableEntity)
            XCTAssertTrue(response.body.string.contains("\"field\":\"lat\""), response.body.string)
        }
    }

    func test_aTwoCharacterWordFindsTheInstitutionsHoldingIt() async throws {
        try await withTestApp { test in
            let page = try await Browser(test).get("/directory?q=" + "公证".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.contains("<mark>公证</mark>处"), "matched words are marked")
            XCTAssertFalse(page.body.contains("人民调解委员会</a>"))
        }
    }

    func test_theKnowledgeSearchBoxFindsInstitutionsToo() async throws {
        try await withTestApp { test in
            let page = try await Browser(test).get("/knowledge?q=" + "调解".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.contains("相关机构"))
            XCTAssertTrue(page.body.contains("人民<mark>调解</mark>委员会"))
        }
    }

    func test_aVillagePageShowsItsAdviser_andPrintsAsANoticeWithAQRCode() async throws {
        // Without the site's public address the notice prints no link at all (never localhost).
        try await withTestApp { test in
            let village = try await village(test)
            let notice = try await Browser(test).get("/directory/\(village.id!)/notice")
            XCTAssertEqual(notice.status, .ok)
            XCTAssertFalse(notice.body.contains("class=\"qr\""))
            XCTAssertFalse(notice.body.contains("localhost"))
            XCTAssertTrue(notice.body.contains("FAYUAN_PUBLIC_URL"), "staff are told why and what to set")
        }
        try await withTestApp(adjust: { $0.publicURL = "https://fayuan.example.gov.cn" }) { test in
            let village = try await village(test)
            let adviser = try await DirectoryPersonModel.query(on: test.db).filter(\.$servesID == village.id!).firstOrFail()
            let browser = Browser(test)
            let page = try await browser.get("/directory/\(village.id!)")
            XCTAssertTrue(page.body.contains("本村（社区）法律顾问"))
            XCTAssertTrue(page.body.contains(adviser.name))
            let notice = try await browser.get("/directory/\(village.id!)/notice")
            XCTAssertEqual(notice.status, .ok)
            XCTAssertTrue(notice.body.contains("class=\"qr\""))
            XCTAssertTrue(notice.body.contains("https://fayuan.example.gov.cn/directory/\(village.id!)"))
            XCTAssertTrue(notice.body.contains(adviser.name))
        }
    }

    func test_anAdvisersPhotoIsOptional_onlyAPicture_shownOnTheBoard_andGoneWithItsFileWhenRemoved() async throws {
        try await withTestApp { test in
            let village = try await village(test)
            let adviser = try await DirectoryPersonModel.query(on: test.db).filter(\.$servesID == village.id!).firstOrFail()
            let firm = try await OrganisationModel.find(adviser.organisationID, on: test.db)
            let staff = Browser(test)
            try await staff.login("shenpi", DemoSeed.staffPassword)
            let form = "/directory/people/\(adviser.id!)/edit"
            let fields: [(String, String)] = [("name", adviser.name), ("role", "villageAdviser"), ("organisation", firm?.name ?? ""),
                                              ("serves", village.name), ("phone", adviser.phone), ("duties", adviser.duties), ("onSiteHours", adviser.onSiteHours)]
            func stored() async throws -> String? { try await DirectoryPersonModel.find(adviser.id, on: test.db)?.photo }

            // A PDF is not a photo: refused, naming the field, and nothing changed.
            let refused = try await staff.postMultipart(form, fields, files: [.init(field: "photo", filename: "照片.pdf", contentType: "image/png",
                                                                                   bytes: Array("%PDF-1.4\n".utf8))])
            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertTrue(refused.contains("不是照片"), refused.body)
            XCTAssertTrue(refused.contains("id=\"f-photo\""))
            let nothing = try await stored()
            XCTAssertNil(nothing)

            // A picture is kept, shown on the village's board and served as what it is.
            let saved = try await staff.postMultipart(form, fields, files: [.init(field: "photo", filename: "照片.png", contentType: "image/png", bytes: pngBytes)])
            XCTAssertEqual(saved.status, .seeOther, saved.body)
            let storedName = try await stored()
            let name = try XCTUnwrap(storedName)
            let board = try await Browser(test).get("/directory/\(village.id!)")
            XCTAssertTrue(board.contains("src=\"/directory/people/\(adviser.id!)/photo?v=\(name.prefix(8))\""), board.body)
            XCTAssertTrue(board.contains("alt=\"\(adviser.name)的照片\""))
            let photo = try await APIClient(test: test, token: nil).send(.GET, "/directory/people/\(adviser.id!)/photo")
            XCTAssertEqual(photo.status, .ok)
            XCTAssertEqual(photo.headers.contentType, .png)
            XCTAssertEqual(Array(photo.body.readableBytesView), pngBytes)

            // Saved again without a file, the photo stays; removed, it goes with its file.
            _ = try await staff.postMultipart(form, fields)
            let kept = try await stored()
            XCTAssertEqual(kept, name)
            let removed = try await staff.postMultipart(form, fields + [("removePhoto", "1")])
            XCTAssertEqual(removed.status, .seeOther, removed.body)
            let gone = try await stored()
            XCTAssertNil(gone)
            XCTAssertFalse(FileManager.default.fileExists(atPath: test.app.fayuan.uploadsDirectory + "/" + name))
            let missing = try await APIClient(test: test, token: nil).send(.GET, "/directory/people/\(adviser.id!)/photo")
            XCTAssertEqual(missing.status, .notFound)
        }
    }

    func test_editorsMaintainTheDirectoryThroughTheAPI_badInputNamesItsField_othersAreRefused() async throws {
        try await withTestApp { test in
            let editor = try await APIClient.signIn(test, "shenpi", DemoSeed.staffPassword)
            func object(_ response: TestingHTTPResponse) throws -> [String: Any] {
                try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any], response.body.string)
            }
            var firm: [String: Any] = ["name": "示范区晴川律师事务所", "kind": "lawFirm", "street": "幸福街道", "address": "示范区幸福路18号",
                                       "phone": "010-66668888", "hours": "每天 25:00-26:00", "services": ["consultation", "litigation"],
                                       "practiceAreas": ["labour"], "latitude": 30.59, "longitude": 114.28]
            let refused = try await editor.send(.POST, "/api/v1/directory", json: firm)
            XCTAssertEqual(refused.status, .unprocessableEntity)
            let error = try XCTUnwrap(try object(refused)["error"] as? [String: Any])
            XCTAssertEqual(error["field"] as? String, "hours", refused.body.string)
            let none = try await OrganisationModel.query(on: test.db).filter(\.$name == "示范区晴川律师事务所").count()
            XCTAssertEqual(none, 0, "nothing written")

            firm["hours"] = "工作日 09:00-17:30"
            let created = try await editor.send(.POST, "/api/v1/directory", json: firm)
            XCTAssertEqual(created.status, .created, created.body.string)
            let id = try XCTUnwrap(try object(created)["id"] as? String)
            XCTAssertEqual(try object(created)["kindLabel"] as? String, "律师事务所")
            firm["address"] = "示范区幸福路20号"
            let changed = try await editor.send(.PUT, "/api/v1/directory/\(id)", json: firm)
            XCTAssertEqual(changed.status, .ok, changed.body.string)
            let page = try await Browser(test).get("/directory/\(id)")
            XCTAssertTrue(page.contains("示范区幸福路20号"), "the public page follows at once")

            let lawyer: [String: Any] = ["name": "林晓晴", "role": "lawyer", "organisation": "示范区晴川律师事务所", "practiceAreas": ["labour", "nonsense"]]
            let badArea = try await editor.send(.POST, "/api/v1/directory/people", json: lawyer)
            XCTAssertEqual(badArea.status, .unprocessableEntity)
            XCTAssertEqual((try object(badArea)["error"] as? [String: Any])?["field"] as? String, "practiceAreas", badArea.body.string)
            var good = lawyer
            good["practiceAreas"] = ["labour"]
            let person = try await editor.send(.POST, "/api/v1/directory/people", json: good)
            XCTAssertEqual(person.status, .created, person.body.string)
            let personID = try XCTUnwrap(try object(person)["id"] as? String)
            XCTAssertEqual(try object(person)["organisationName"] as? String, "示范区晴川律师事务所")

            let citizen = try await APIClient.signIn(test, DemoSeed.citizenPhone, DemoSeed.citizenPassword)
            let forbidden = try await citizen.send(.DELETE, "/api/v1/directory/people/\(personID)")
            XCTAssertEqual(forbidden.status, .forbidden)
            let deleted = try await editor.send(.DELETE, "/api/v1/directory/people/\(personID)")
            XCTAssertEqual(deleted.status, .noContent)
            let gone = try await editor.send(.DELETE, "/api/v1/directory/people/\(personID)")
            XCTAssertEqual(gone.status, .notFound)
        }
    }

    func test_staffChangeAnInstitution_badHoursAreRefusedInChinese_andThePublicPageFollows() async throws {
        try await withTestApp { test in
            let office = try await OrganisationModel.query(on: test.db).filter(\.$kind == OrganisationKind.justiceOffice.rawValue).firstOrFail()
            let staff = Browser(test)
            try await staff.login("shenpi", DemoSeed.staffPassword)
            var fields: [(String, String)] = [("name", office.name), ("kind", "justiceOffice"), ("street", office.street), ("address", "示范区新地址8号"),
                                              ("phone", "010-12345678"), ("hours", "随时"), ("latitude", "30.6"), ("longitude", "114.3")]
            let refused = try await staff.post("/directory/\(office.id!)/edit", fields)
            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertTrue(refused.body.contains("服务时间“随时”写法不对"), "the bad value named")
            let unchanged = try await OrganisationModel.find(office.id, on: test.db)
            XCTAssertEqual(unchanged?.address, office.address)

            fields[5] = ("hours", "工作日 08:30-12:00、14:00-17:30")
            let saved = try await staff.post("/directory/\(office.id!)/edit", fields)
            XCTAssertEqual(saved.status, .seeOther, saved.body)
            let page = try await Browser(test).get("/directory/\(office.id!)")
            XCTAssertTrue(page.body.contains("示范区新地址8号"))
            XCTAssertTrue(page.body.contains("08:30–12:00"))
        }
    }

    func test_aFileWithOneBadRowImportsNothing_andAGoodFileImportsEveryRow() async throws {
        try await withTestApp { test in
            let staff = Browser(test)
            try await staff.login("shencha", DemoSeed.staffPassword)
            let before = try await OrganisationModel.query(on: test.db).count()
            func upload(_ text: String) async throws -> DirectoryImportRuns.Run {
                let page = try await staff.postMultipart("/directory/import", [], files: [
                    .init(field: "file", filename: "机构.csv", contentType: "text/csv", bytes: Array(("\u{FEFF}" + text).utf8))])
                XCTAssertEqual(page.status, .seeOther, page.body)
                let id = try XCTUnwrap(UUID(uuidString: String(page.location?.split(separator: "/").last ?? "")))
                // Read as another instance would: from the database, not this instance's memory.
                let elsewhere = DirectoryImportRuns()
                for _ in 0..<200 {
                    if let run = try await elsewhere.run(id, on: test.db), [.done, .refused, .failed].contains(run.phase) { return run }
                    try await Task.sleep(nanoseconds: 20_000_000)
                }
                let last = try await elsewhere.run(id, on: test.db)
                return try XCTUnwrap(last)
            }
            let header = "名称,类型,街道,地址,电话,服务时间,服务项目,业务领域,纬度,经度,上级机构\r\n"
            let bad = try await upload(header + "测试甲调解委员会,人民调解委员会,幸福街道,,,,,,30.6,114.3,\r\n测试乙所,火星站,,,,,,,,,\r\n")
            XCTAssertEqual(bad.phase, .refused)
            XCTAssertEqual(bad.rejected.map(\.line), [3])
            XCTAssertEqual(bad.rejected.first?.name, "测试乙所", "the report names the row's institution")
            XCTAssertTrue(bad.rejected.first?.errors.contains { $0.message.contains("“火星站”") } == true, "and the bad value itself")
            let badReport = try await staff.get("/directory/import/\(bad.id)")
            XCTAssertTrue(badReport.contains("测试乙所") && badReport.contains("火星站"), "on the page too")
            let afterBad = try await OrganisationModel.query(on: test.db).count()
            XCTAssertEqual(afterBad, before, "nothing half-imported")

            let good = try await upload(header + "测试甲调解委员会,人民调解委员会,幸福街道,,,,,,30.6,114.3,测试乙公证处\r\n测试乙公证处,公证机构,,,,,,,,,\r\n")
            XCTAssertEqual(good.phase, .done, good.message ?? "")
            XCTAssertEqual(good.outcome?.created, 2)
            let afterGood = try await OrganisationModel.query(on: test.db).count()
            XCTAssertEqual(afterGood, before + 2)
            let report = try await staff.get("/directory/import/\(good.id)")
            XCTAssertTrue(report.body.contains("导入完成"))
        }
    }

    /// Issue #23 item 17: a row the database refuses while the file is written (its institution
    /// removed meanwhile) rolls the whole file back: the rows before it are not kept.
    func test_aRowRefusedWhileWriting_rollsTheWholeFileBack() async throws {
        try await withTestApp { test in
            let service = DirectoryService(scope: ServiceScope(db: test.db, services: test.app.fayuan, now: test.clock.now(), clientAddress: "test"))
            let firm = try await OrganisationModel.query(on: test.db).filter(\.$kind == OrganisationKind.lawFirm.rawValue).sort(\.$name).firstOrFail()
            let text = "姓名,身份,所属机构\r\n测试律师甲,律师,\(firm.name)\r\n测试律师乙,律师,已撤销的律师事务所\r\n"
            // Checked while the second firm still existed.
            let file = try DirectoryImport.read(text, knownNames: [firm.name, "已撤销的律师事务所"])
            XCTAssertTrue(file.rejected.isEmpty)
            let before = try await DirectoryPersonModel.query(on: test.db).count()
            do {
                _ = try await service.importRows(file, by: nil) { _ in }
                XCTFail("the second row's institution is gone: the write must fail")
            } catch let failure as ImportRowFailure {
                XCTAssertEqual(failure.row.line, 3)
                XCTAssertEqual(failure.row.name, "测试律师乙")
            }
            let after = try await DirectoryPersonModel.query(on: test.db).count()
            XCTAssertEqual(after, before, "测试律师甲 was written first and rolled back with the file")
            let kept = try await DirectoryPersonModel.query(on: test.db).filter(\.$name == "测试律师甲").count()
            XCTAssertEqual(kept, 0)
        }
    }
}
