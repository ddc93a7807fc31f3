import Foundation
import SQLKit
import Vapor
import XCTest
@testable import App

/// Issue #25: an article cited however people write it comes first in search and in 智能咨询;
/// a law named alone shows the law; 第N条之一 has a page of its own.
extension KnowledgeBaseTests {
    func q(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: .alphanumerics)! }

    func test_aCitedArticleComesFirst_inEveryWrittenForm() async throws {
        try await withTestApp { test in
            try await self.clearKnowledge(test)
            let editor = try await APIClient.signIn(test, "shencha", DemoSeed.staffPassword)
            let criminal = try await self.publish(editor, "law", "中华人民共和国刑法", """
            ## 第二章　危害公共安全罪
            第一百三十三条　违反交通运输管理法规，因而发生重大事故，致人重伤、死亡的，处三年以下有期徒刑或者拘役。
            第一百三十三条之一　在道路上驾驶机动车，有下列情形之一的，处拘役，并处罚金：
            （二）醉酒驾驶机动车的；
            第一百三十四条　在生产、作业中违反有关安全管理的规定，因而发生重大伤亡事故的，处三年以下有期徒刑或者拘役。
            """)
            let civil = try await self.publish(editor, "law", "中华人民共和国民法典", """
            第一千零七十六条　夫妻双方自愿离婚的，应当签订书面离婚协议，并亲自到婚姻登记机关申请离婚登记。
            第一千零七十七条　自婚姻登记机关收到离婚登记申请之日起三十日内，任何一方不愿意离婚的，可以向婚姻登记机关撤回离婚登记申请。
            """)
            // A question that shares more words with another article than with the cited one.
            try await self.publish(editor, "faq", "醉酒驾驶机动车会怎样处罚", "醉酒驾驶机动车的，处拘役，并处罚金。")
            let anyone = APIClient(test: test, token: nil)

            for typed in ["刑法第133条之一", "《刑法》第一百三十三条之一", "中华人民共和国刑法 第 133 条之一", "刑法第１３３条之一"] {
                let found = try self.items(try await anyone.send(.GET, "/api/v1/knowledge?q=" + self.q(typed)))
                XCTAssertEqual(found.first?["url"] as? String, "/knowledge/\(criminal.uppercased())/articles/133-1", typed)
                XCTAssertEqual(found.first?["title"] as? String, "中华人民共和国刑法 第一百三十三条之一", typed)
            }
            for typed in ["民法典第1077条", "民法典第一千零七十七条是什么意思", "根据《民法典》第1077条离婚冷静期多久"] {
                let response = try await anyone.send(.GET, "/api/v1/knowledge/ask?q=" + self.q(typed))
                let asked = try XCTUnwrap(try self.json(response) as? [String: Any])
                let first = (asked["items"] as? [[String: Any]])?.first
                XCTAssertEqual(first?["url"] as? String, "/knowledge/\(civil.uppercased())/articles/1077", typed)
                XCTAssertEqual(asked["answered"] as? Bool, true, typed)
            }
            // The law named alone: the law itself first.
            let law = try self.items(try await anyone.send(.GET, "/api/v1/knowledge?q=" + self.q("《民法典》")))
            XCTAssertEqual(law.first?["url"] as? String, "/knowledge/\(civil.uppercased())")
            // An article the law does not have is not invented.
            let none = try self.items(try await anyone.send(.GET, "/api/v1/knowledge?q=" + self.q("民法典第9999条")))
            XCTAssertFalse(none.contains { ($0["url"] as? String)?.contains("/articles/9999") == true })

            // 第一百三十三条之一 has its own page, between 133 and 134, and the text is not glued to 133.
            let page = try await Browser(test).get("/knowledge/\(criminal)/articles/133-1")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.contains("醉酒驾驶机动车的"))
            XCTAssertTrue(page.contains("上一条（第一百三十三条）"))
            XCTAssertTrue(page.contains("下一条（第一百三十四条）"))
            let before = try await Browser(test).get("/knowledge/\(criminal)/articles/133")
            XCTAssertFalse(before.contains("醉酒驾驶机动车的"))
            let one = try await anyone.send(.GET, "/api/v1/knowledge/\(criminal)/articles/133-1")
            let api = try XCTUnwrap(try self.json(one) as? [String: Any])
            XCTAssertEqual(api["label"] as? String, "第一百三十三条之一")
            let bad = try await anyone.send(.GET, "/api/v1/knowledge/\(criminal)/articles/133-0")
            XCTAssertEqual(bad.status, .notFound)
        }
    }
}
