import Fluent
import Foundation
import XCTest
@testable import App
@testable import KnowledgeCore

/// Issue #25: the national laws load with one command — a slice of the real corpus here — each
/// law once, published, with its articles (之一 among them) searchable; loading again changes
/// nothing, or makes a new version of a changed law, never a duplicate.
final class LawCorpusImportTests: XCTestCase {
    static let slice = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/national-laws-slice.jsonl").path

    func test_theCorpusLoadsEachLawOnce_publishedAndSearchable_andAgainChangesNothing() async throws {
        try await withTestApp { test in
            let lawsBefore = try await KnowledgeEntryModel.query(on: test.db).filter(\.$kind == "law").count()
            let first = try await ImportLawCorpusCommand.load(Self.slice, app: test.app)
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
            let again = try await ImportLawCorpusCommand.load(Self.slice, app: test.app)
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
            let third = try await ImportLawCorpusCommand.load(amended, app: test.app)
            XCTAssertEqual(third.counts[.updated], 1)
            XCTAssertEqual(third.counts[.unchanged], 4)
            let reloaded = try await KnowledgeEntryModel.find(civilBefore.id, on: test.db)
            let civil = try XCTUnwrap(reloaded)
            XCTAssertEqual(civil.version, civilBefore.version + 1)
            XCTAssertTrue(civil.body.contains("四十日内"))
            let lawsAfter = try await KnowledgeEntryModel.query(on: test.db).filter(\.$kind == "law").count()
            XCTAssertEqual(lawsAfter, laws.count)

            // Repealed laws only when asked, marked as such.
            let all = try await ImportLawCorpusCommand.load(Self.slice, allStatuses: true, app: test.app)
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
                _ = try await ImportLawCorpusCommand.load(broken, app: test.app)
                XCTFail("a broken line is refused")
            } catch let problem as LawCorpusSource.Problem {
                XCTAssertTrue(problem.description.hasPrefix("line 2"), problem.description)
            }
            let after = try await KnowledgeEntryModel.query(on: test.db).count()
            XCTAssertEqual(after, before)
        }
    }
}
