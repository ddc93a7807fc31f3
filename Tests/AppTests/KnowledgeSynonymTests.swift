import Fluent
import Foundation
import SQLKit
import Vapor
import XCTest
@testable import App

/// Issue #25: the colloquial words 智能咨询 reads questions with are data editors keep on a page,
/// with the history of every change; a change holds from the next question on.
extension KnowledgeBaseTests {
    func firstAnswer(_ client: APIClient, _ question: String) async throws -> String? {
        let response = try await client.send(.GET, "/api/v1/knowledge/ask?q=" + q(question))
        XCTAssertEqual(response.status, .ok)
        let asked = try XCTUnwrap(try json(response) as? [String: Any])
        return ((asked["items"] as? [[String: Any]])?.first?["url"] as? String)
    }

    func synonymID(_ test: TestApp, _ word: String) async throws -> UUID? {
        try await KnowledgeSynonymModel.query(on: test.db).filter(\.$word == word).first()?.id
    }

    func test_editorsKeepTheColloquialWordList_andTheNextQuestionUsesIt() async throws {
        try await withTestApp { test in
            try await self.clearKnowledge(test)
            let api = try await APIClient.signIn(test, "shencha", DemoSeed.staffPassword)
            let law = try await self.publish(api, "law", "中华人民共和国治安管理处罚法", """
            第四十九条　盗窃、诈骗、哄抢、抢夺、敲诈勒索或者故意损坏公私财物的，处五日以上十日以下拘留。
            第五十条　有下列行为之一的，处警告或者二百元以下罚款：（一）拒不执行人民政府在紧急状态情况下依法发布的决定、命令的。
            """)
            let article = "/knowledge/\(law.uppercased())/articles/49"
            let anyone = APIClient(test: test, token: nil)
            let beforeAdding = try await self.firstAnswer(anyone, "有人碰瓷讹我")
            XCTAssertNotEqual(beforeAdding, article, "no word says what 碰瓷 is yet")

            // The seed a new installation starts with is there, recorded as the first change.
            let editor = Browser(test)
            try await editor.login("shencha", DemoSeed.staffPassword)
            let seeded = try await editor.get("/knowledge/synonyms?q=" + self.q("老板"))
            XCTAssertTrue(seeded.contains("用人单位、雇主"), seeded.body)
            let bossFound = try await self.synonymID(test, "老板")
            let boss = try XCTUnwrap(bossFound)
            let seedRecorded = try await editor.get("/knowledge/synonyms/\(boss)").contains("初始词表")
            XCTAssertTrue(seedRecorded)

            // An editor adds 碰瓷: the next question finds the article.
            let added = try await editor.post("/knowledge/synonyms", [("word", "碰瓷"), ("terms", "敲诈勒索、 诈骗，敲诈勒索"), ("note", "群众常问")])
            XCTAssertEqual(added.status, .seeOther, added.body)
            let afterAdding = try await self.firstAnswer(anyone, "有人碰瓷讹我")
            XCTAssertEqual(afterAdding, article)
            let idFound = try await self.synonymID(test, "碰瓷")
            let id = try XCTUnwrap(idFound)
            let stored = try await KnowledgeSynonymModel.find(id, on: test.db)
            XCTAssertEqual(stored?.terms, ["敲诈勒索", "诈骗"], "blanks and repeats dropped")
            // 试一试 shows how the question is read.
            let tried = try await editor.get("/knowledge/synonyms?try=" + self.q("有人碰瓷讹我"))
            XCTAssertTrue(tried.contains("“碰瓷” → 按“敲诈勒索”“诈骗”查找"), tried.body)

            // Bad input is refused by field, and nothing changes.
            let empty = try await editor.post("/knowledge/synonyms", [("word", "讹人"), ("terms", " 、 ")])
            XCTAssertEqual(empty.status, .unprocessableEntity)
            XCTAssertTrue(empty.contains("请填写法律上的说法"))
            let refusedWord = try await self.synonymID(test, "讹人")
            XCTAssertNil(refusedWord)
            let twice = try await editor.post("/knowledge/synonyms", [("word", "碰瓷"), ("terms", "诈骗")])
            XCTAssertEqual(twice.status, .conflict)
            XCTAssertTrue(twice.contains("这个口语词已在词表中"))
            let termsKept = try await KnowledgeSynonymModel.find(id, on: test.db)?.terms
            XCTAssertEqual(termsKept, ["敲诈勒索", "诈骗"])

            // A change made on an older version is refused; the one on the current version holds.
            let stale = try await editor.post("/knowledge/synonyms/\(id)", [("word", "碰瓷"), ("terms", "寻衅滋事"), ("version", "0")])
            XCTAssertEqual(stale.status, .conflict)
            XCTAssertTrue(stale.contains("已被他人修改"))
            let changed = try await editor.post("/knowledge/synonyms/\(id)", [("word", "碰瓷"), ("terms", "寻衅滋事"), ("version", "1"), ("note", "改错了")])
            XCTAssertEqual(changed.status, .seeOther, changed.body)
            let afterChange = try await self.firstAnswer(anyone, "有人碰瓷讹我")
            XCTAssertNotEqual(afterChange, article, "the question now reads 碰瓷 as 寻衅滋事")

            // The history says who changed what, from what, to what.
            let history = try await editor.get("/knowledge/synonyms/\(id)")
            for text in ["新增", "修改", "敲诈勒索、诈骗", "寻衅滋事", "改错了", "群众常问"] { XCTAssertTrue(history.contains(text), text) }
            let changes = try await KnowledgeSynonymChangeModel.query(on: test.db).filter(\.$synonymID == id).sort(\.$at).all()
            XCTAssertEqual(changes.map(\.action), ["added", "changed"])
            XCTAssertEqual(changes.last?.termsBefore, "敲诈勒索、诈骗")
            XCTAssertNotNil(changes.last?.editorAccountID)

            // Removed: the word is gone from the list and from the next question.
            _ = try await editor.post("/knowledge/synonyms/\(id)", [("word", "碰瓷"), ("terms", "敲诈勒索"), ("version", "2")])
            let changedBack = try await self.firstAnswer(anyone, "有人碰瓷讹我")
            XCTAssertEqual(changedBack, article)
            let removed = try await editor.post("/knowledge/synonyms/\(id)/remove", [("version", "3")])
            XCTAssertEqual(removed.status, .seeOther, removed.body)
            let removedWord = try await self.synonymID(test, "碰瓷")
            XCTAssertNil(removedWord)
            let afterRemoval = try await self.firstAnswer(anyone, "有人碰瓷讹我")
            XCTAssertNotEqual(afterRemoval, article)
            let removalLogged = try await editor.get("/knowledge/synonyms/history").contains("删除")
            XCTAssertTrue(removalLogged)
        }
    }

    func test_onlyEditorsSeeTheWordList() async throws {
        try await withTestApp { test in
            let lawyer = Browser(test)
            try await lawyer.login("lvshi1", DemoSeed.staffPassword)
            let listStatus = try await lawyer.get("/knowledge/synonyms").status
            XCTAssertEqual(listStatus, .forbidden)
            let addStatus = try await lawyer.post("/knowledge/synonyms", [("word", "碰瓷"), ("terms", "敲诈勒索")]).status
            XCTAssertEqual(addStatus, .forbidden)
            let notAdded = try await self.synonymID(test, "碰瓷")
            XCTAssertNil(notAdded)
        }
    }
}
