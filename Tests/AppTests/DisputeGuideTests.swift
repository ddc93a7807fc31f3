import Fluent
import Foundation
import XCTest
@testable import App
@testable import MediationCore

/// Issue #26 item 1: a person with a dispute finds their way first — no account, a few choices —
/// to what the law says, what they can do themselves, mediation, legal aid and a person.
final class DisputeGuideTests: XCTestCase {
    func test_everyKindOfDispute_hasAGuide_withTheLawForTheirOwnWords_andTheWaysToHelp() async throws {
        try await withTestApp { test in
            let anyone = Browser(test)
            let kinds = try await anyone.get("/disputes")
            XCTAssertEqual(kinds.status, .ok)
            for type in DisputeType.allCases {
                XCTAssertTrue(kinds.contains("href=\"/disputes/\(type.rawValue)\""), type.rawValue)
                let page = try await anyone.get("/disputes/\(type.rawValue)")
                XCTAssertEqual(page.status, .ok, type.rawValue)
                XCTAssertTrue(page.contains("\(type.chinese)怎么办"))
                XCTAssertTrue(page.contains("/directory?kind=mediationCommittee"), "where the committees are")
                XCTAssertTrue(page.contains("申请法律援助"))
            }

            let questionsBefore = try await KnowledgeQuestionModel.query(on: test.db).count()
            let labour = try await anyone.get("/disputes/labour?q=" + "老板拖欠工资三个月".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            XCTAssertTrue(labour.contains("value=\"老板拖欠工资三个月\""))
            XCTAssertTrue(labour.contains("<ol class=\"results\">"), "the knowledge base answers for their words")
            XCTAssertTrue(labour.contains("申请劳动争议仲裁"), "labour's own route")
            XCTAssertTrue(labour.contains("尚欠本人【月份】工资"), "a letter to the employer")
            let neighbour = try await anyone.get("/disputes/neighbour")
            XCTAssertFalse(neighbour.contains("申请劳动争议仲裁"))
            let questionsAfter = try await KnowledgeQuestionModel.query(on: test.db).count()
            XCTAssertEqual(questionsAfter, questionsBefore, "reading the guide writes nothing")

            let unknown = try await anyone.get("/disputes/lawsuit")
            XCTAssertEqual(unknown.status, .notFound)
        }
    }
}
