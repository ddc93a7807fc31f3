import Fluent
import SQLKit
import XCTVapor
import XCTest
@testable import App
@testable import LegalAidCore
@testable import KnowledgeCore

/// The knowledge base (issue #13 item 4 and 5): staff write in Markdown and publish; anyone reads
/// and searches in Chinese through the full-text index; every edit is a version; reading writes
/// nothing. Runs on SQLite and, with DATABASE_URL, on PostgreSQL: the ranking specs below hold on both.
final class KnowledgeBaseTests: XCTestCase {
    /// Starts from an empty knowledge base (the demo district brings a few entries).
    func clearKnowledge(_ test: TestApp) async throws {
        let sql = test.db as! any SQLDatabase
        var tables = ["knowledge_search", "knowledge_versions", "knowledge_entries"]
        if sql.dialect.name != "postgresql" { tables.append("knowledge_search_docs") }
        for table in tables { try await sql.raw("DELETE FROM \(unsafeRaw: table)").run() }
        try await KnowledgeGeneration.bump(.entries, on: test.db)
    }

    func json(_ response: TestingHTTPResponse) throws -> Any { try JSONSerialization.jsonObject(with: Data(buffer: response.body)) }

    func items(_ response: TestingHTTPResponse) throws -> [[String: Any]] { try json(response) as? [[String: Any]] ?? [] }

    /// Writes and publishes an entry through the API; returns its id.
    @discardableResult
    func publish(_ editor: APIClient, _ kind: String, _ title: String, _ body: String) async throws -> String {
        let created = try await editor.send(.POST, "/api/v1/knowledge", json: ["kind": kind, "title": title, "body": body])
        XCTAssertEqual(created.status, .created, created.body.string)
        let entry = try XCTUnwrap(try json(created) as? [String: Any])
        let id = try XCTUnwrap(entry["id"] as? String)
        let published = try await editor.send(.POST, "/api/v1/knowledge/\(id)/publish", json: ["version": entry["version"] as? Int ?? 0])
        XCTAssertEqual(published.status, .ok, published.body.string)
        return id
    }

    func titles(_ anyone: APIClient, _ q: String, kind: String? = nil) async throws -> [String] {
        let query = q.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let response = try await anyone.send(.GET, "/api/v1/knowledge?q=\(query)" + (kind.map { "&kind=\($0)" } ?? ""))
        XCTAssertEqual(response.status, .ok, response.body.string)
        return try items(response).compactMap { $0["title"] as? String }
    }

    func test_searchFindsTwoCharacterWordsThreeAndLonger_bestFirst_onThisDatabase() async throws {
        try await withTestApp { test in
            try await clearKnowledge(test)
            let editor = try await APIClient.signIn(test, "shencha", DemoSeed.staffPassword)
            try await publish(editor, "faq", "工伤认定的期限", "单位应当在30日内申请工伤认定；单位不申请的，职工可以在1年内申请。")
            try await publish(editor, "article", "劳动合同到期怎么办", "合同到期不续签的，单位应当支付经济补偿。如果期间发生工伤，另行处理。")
            try await publish(editor, "faq", "老板拖欠工资怎么办", "被拖欠工资，可以向劳动监察投诉或申请仲裁。")
            try await publish(editor, "article", "工资条要保存好", "拖欠的款项要有证据。欠工程款另有规定。")
            try await publish(editor, "faq", "离婚后孩子跟谁", "离婚时子女抚养由双方协议。")
            let anyone = APIClient(test: test, token: nil)

            // Two characters: one indexed term; the title match first.
            let injury = try await titles(anyone, "工伤")
            XCTAssertEqual(injury, ["工伤认定的期限", "劳动合同到期怎么办"])
            // Four characters: every pair must be present; the phrase as typed ranks first.
            let wages = try await titles(anyone, "拖欠工资")
            XCTAssertEqual(wages.first, "老板拖欠工资怎么办")
            XCTAssertEqual(Set(wages), ["老板拖欠工资怎么办", "工资条要保存好"])
            // Three characters, and a phrase found nowhere.
            let three = try await titles(anyone, "经济补")
            XCTAssertEqual(three, ["劳动合同到期怎么办"])
            let none = try await titles(anyone, "交通事故")
            XCTAssertEqual(none, [])
            // One character matches through the index too.
            let one = try await titles(anyone, "婚")
            XCTAssertEqual(one, ["离婚后孩子跟谁"])
            // Width and case do not matter; the section filter applies.
            let faqs = try await titles(anyone, "工伤", kind: "faq")
            XCTAssertEqual(faqs, ["工伤认定的期限"])

            // The matched words come back marked for highlighting.
            let found = try items(try await anyone.send(.GET, "/api/v1/knowledge?q=%E5%B7%A5%E4%BC%A4"))
            let pieces = try XCTUnwrap(found.first?["titlePieces"] as? [[String: Any]])
            XCTAssertEqual(pieces.first?["text"] as? String, "工伤")
            XCTAssertEqual(pieces.first?["matched"] as? Bool, true)
            let page = try await Browser(test).get("/knowledge?q=%E5%B7%A5%E4%BC%A4")
            XCTAssertTrue(page.contains("<mark>工伤</mark>认定的期限"), page.body)
            XCTAssertTrue(page.contains("找到2条与“工伤”有关的内容"))
        }
    }

    func test_aDraftIsInvisibleAndUnsearchableUntilPublished_andGoneOnceWithdrawn() async throws {
        try await withTestApp { test in
            try await clearKnowledge(test)
            let editor = try await APIClient.signIn(test, "shencha", DemoSeed.staffPassword)
            let anyone = APIClient(test: test, token: nil)
            let created = try await editor.send(.POST, "/api/v1/knowledge", json: ["kind": "faq", "title": "赡养费怎么要", "body": "子女不履行赡养义务的，老人可以要求给付赡养费。"])
            let id = try XCTUnwrap((try json(created) as? [String: Any])?["id"] as? String)
            let hidden = try await anyone.send(.GET, "/api/v1/knowledge/\(id)")
            XCTAssertEqual(hidden.status, .notFound)
            let draftSearch = try await titles(anyone, "赡养")
            XCTAssertEqual(draftSearch, [])

            let published = try await editor.send(.POST, "/api/v1/knowledge/\(id)/publish", json: ["version": 1])
            XCTAssertEqual(published.status, .ok)
            let afterPublish = try await titles(anyone, "赡养")
            XCTAssertEqual(afterPublish, ["赡养费怎么要"])

            // An edit of a published entry is searchable at once, under its new words only.
            let edited = try await editor.send(.PUT, "/api/v1/knowledge/\(id)",
                                               json: ["kind": "faq", "title": "父母的赡养费怎么要", "body": "可以先请人民调解委员会调解。", "version": 2])
            XCTAssertEqual(edited.status, .ok, edited.body.string)
            let mediation = try await titles(anyone, "调解")
            XCTAssertEqual(mediation, ["父母的赡养费怎么要"])
            let oldWords = try await titles(anyone, "义务")
            XCTAssertEqual(oldWords, [])

            let withdrawn = try await editor.send(.POST, "/api/v1/knowledge/\(id)/unpublish", json: ["version": 3])
            XCTAssertEqual(withdrawn.status, .ok)
            let gone = try await titles(anyone, "赡养")
            XCTAssertEqual(gone, [])
            let page = try await Browser(test).get("/knowledge/\(id)")
            XCTAssertEqual(page.status, .notFound)

            // Every step is a version, newest first, with who did it.
            let versions = try items(try await editor.send(.GET, "/api/v1/knowledge/\(id)/versions"))
            XCTAssertEqual(versions.compactMap { $0["action"] as? String }, ["unpublished", "edited", "published", "created"])
            let shencha = try await test.account("shencha")
            XCTAssertEqual(versions.first?["editorName"] as? String, shencha.displayName)
        }
    }

    func test_twoEditorsSavingTheSameVersion_theSecondIsToldToRefresh() async throws {
        try await withTestApp { test in
            try await clearKnowledge(test)
            let editor = try await APIClient.signIn(test, "shencha", DemoSeed.staffPassword)
            let id = try await publish(editor, "article", "借条怎么写", "写清金额和日期。")
            let first = try await editor.send(.PUT, "/api/v1/knowledge/\(id)", json: ["kind": "article", "title": "借条怎么写", "body": "写清金额、日期和利息。", "version": 2])
            XCTAssertEqual(first.status, .ok)
            let second = try await editor.send(.PUT, "/api/v1/knowledge/\(id)", json: ["kind": "article", "title": "借条怎么写", "body": "只写金额。", "version": 2])
            XCTAssertEqual(second.status, .conflict)
            let error = try XCTUnwrap(try json(second) as? [String: Any])
            XCTAssertEqual((error["error"] as? [String: Any])?["code"] as? String, "staleVersion")
            let stored = try await KnowledgeEntryModel.find(UUID(uuidString: id), on: test.db)
            XCTAssertEqual(stored?.body, "写清金额、日期和利息。", "the first save stands")
        }
    }

    func test_badInputIsRefusedByField_andNothingIsStored() async throws {
        try await withTestApp { test in
            try await clearKnowledge(test)
            let editor = try await APIClient.signIn(test, "shencha", DemoSeed.staffPassword)
            let cases: [([String: Any], String)] = [
                (["kind": "poem", "title": "标题标题", "body": "正文"], "kind"),
                (["kind": "faq", "title": "问", "body": "正文"], "title"),
                (["kind": "faq", "title": "没有正文的问题", "body": "   "], "body"),
                (["kind": "law", "title": "某某条例", "body": "本条例没有条号。"], "body"),
                (["kind": "faq", "title": "有控制字符的标题", "body": "正文\u{0000}有空字符"], "body"),
            ]
            for (body, field) in cases {
                let response = try await editor.send(.POST, "/api/v1/knowledge", json: body)
                XCTAssertEqual(response.status, .unprocessableEntity, "\(body)")
                XCTAssertEqual(((try json(response) as? [String: Any])?["error"] as? [String: Any])?["field"] as? String, field)
            }
            let stored = try await KnowledgeEntryModel.query(on: test.db).count()
            XCTAssertEqual(stored, 0)
            let page = try await Browser(test).get("/api/v1/knowledge?q=" + String(repeating: "%E5%B7%A5", count: 101))
            XCTAssertEqual(page.status, .unprocessableEntity)
            let badKind = try await Browser(test).get("/knowledge?kind=poem")
            XCTAssertEqual(badKind.status, .unprocessableEntity)
        }
    }

    func test_onlyEditorsWrite_citizensAndOtherStaffAreRefused() async throws {
        try await withTestApp { test in
            try await clearKnowledge(test)
            let body: [String: Any] = ["kind": "faq", "title": "谁能写", "body": "正文"]
            let anonymous = try await APIClient(test: test, token: nil).send(.POST, "/api/v1/knowledge", json: body)
            XCTAssertEqual(anonymous.status, .unauthorized)
            for username in ["lvshi1", "jiandu"] {
                let staff = try await APIClient.signIn(test, username, DemoSeed.staffPassword)
                let refused = try await staff.send(.POST, "/api/v1/knowledge", json: body)
                XCTAssertEqual(refused.status, .forbidden, username)
            }
            let browser = Browser(test)
            try await browser.login(DemoSeed.citizenPhone, DemoSeed.citizenPassword)
            let page = try await browser.get("/knowledge/manage")
            XCTAssertEqual(page.status, .forbidden)
        }
    }

    func test_markdownIsRenderedAndNothingTypedBecomesMarkup() async throws {
        try await withTestApp { test in
            try await clearKnowledge(test)
            let editor = try await APIClient.signIn(test, "shencha", DemoSeed.staffPassword)
            let id = try await publish(editor, "article", "<b>标题</b>要转义", """
            ## 第一步
            - **保留证据**
            - [在线咨询](/consult) 和 [坏链接](javascript:alert(1))
            <script>alert("x")</script>
            <img src=x onerror=alert(1)>
            """)
            let page = try await Browser(test).get("/knowledge/\(id)")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.contains("<h3>第一步</h3>"))
            XCTAssertTrue(page.contains("<li><strong>保留证据</strong></li>"))
            XCTAssertTrue(page.contains("<a href=\"/consult\" rel=\"nofollow noopener\">在线咨询</a>"))
            XCTAssertFalse(page.contains("javascript:"))
            XCTAssertFalse(page.contains("<script>alert"))
            XCTAssertFalse(page.contains("<img src=x"))
            XCTAssertTrue(page.contains("&lt;script&gt;"))
            XCTAssertTrue(page.contains("&lt;b&gt;标题&lt;/b&gt;要转义"))
        }
    }

    func test_aLawIsReadAndFoundByTheArticle() async throws {
        try await withTestApp { test in
            try await clearKnowledge(test)
            let editor = try await APIClient.signIn(test, "shencha", DemoSeed.staffPassword)
            let id = try await publish(editor, "law", "示例条例", """
            ## 第一章　总则
            第一条　为了示例，制定本条例。
            第二条　请求工伤事故人身损害赔偿的，可以申请法律援助。
            第三条　本条例自公布之日起施行。
            """)
            let anyone = APIClient(test: test, token: nil)
            let found = try items(try await anyone.send(.GET, "/api/v1/knowledge?q=%E5%B7%A5%E4%BC%A4"))
            XCTAssertEqual(found.first?["title"] as? String, "示例条例 第二条")
            XCTAssertEqual(found.first?["article"] as? Int, 2)
            XCTAssertEqual(found.first?["url"] as? String, "/knowledge/\(id.uppercased())/articles/2")

            let article = try await Browser(test).get("/knowledge/\(id)/articles/2")
            XCTAssertEqual(article.status, .ok)
            XCTAssertTrue(article.contains("请求工伤事故人身损害赔偿的"))
            XCTAssertTrue(article.contains("上一条（第一条）"))
            XCTAssertTrue(article.contains("下一条（第三条）"))
            XCTAssertTrue(article.contains("第一章　总则"))
            let missing = try await Browser(test).get("/knowledge/\(id)/articles/9")
            XCTAssertEqual(missing.status, .notFound)
            let third = try await anyone.send(.GET, "/api/v1/knowledge/\(id)/articles/3")
            let api = try XCTUnwrap(try json(third) as? [String: Any])
            XCTAssertEqual(api["label"] as? String, "第三条")
        }
    }

    func test_readingWritesNothing_viewsAreAddedByTheBackgroundRound() async throws {
        try await withTestApp { test in
            try await clearKnowledge(test)
            let editor = try await APIClient.signIn(test, "shencha", DemoSeed.staffPassword)
            let id = try await publish(editor, "faq", "法律援助收费吗", "法律援助是无偿的。")
            let reader = Browser(test)
            for _ in 0..<3 { _ = try await reader.get("/knowledge/\(id)") }
            _ = try await APIClient(test: test, token: nil).send(.GET, "/api/v1/knowledge/\(id)")
            let before = try await KnowledgeEntryModel.find(UUID(uuidString: id), on: test.db)
            XCTAssertEqual(before?.views, 0, "the GETs wrote nothing")
            let added = try await test.app.knowledgeViews.flush(services: test.app.fayuan, on: test.db)
            XCTAssertEqual(added, 4)
            let after = try await KnowledgeEntryModel.find(UUID(uuidString: id), on: test.db)
            XCTAssertEqual(after?.views, 4)
        }
    }

    /// Issue #12 item 4: a question answered at the desk becomes a public FAQ entry, with the
    /// personal details out, only when an editor has read it and saved it.
    func test_aClosedConsultationOpensAsAnFAQDraft_withoutPersonalDetails() async throws {
        try await withTestApp(now: ConsultationAPITests.mondayMorning) { test in
            let citizen = try await APIClient.signIn(test, DemoSeed.citizenPhone, DemoSeed.citizenPassword)
            let asked = try await citizen.send(.POST, "/api/v1/consultations", json: [
                "channel": "live", "topic": "labour", "name": "赵师傅",
                "question": "我是赵师傅，电话13912345678，工地老板拖欠我三个月工资怎么办？"])
            XCTAssertEqual(asked.status, .created, asked.body.string)
            let id = try XCTUnwrap((((try json(asked) as? [String: Any])?["consultation"] as? [String: Any])?["summary"] as? [String: Any])?["id"] as? String)
            let staff = try await APIClient.signIn(test, "shencha", DemoSeed.staffPassword)
            _ = try await staff.send(.POST, "/api/v1/desk/duty", json: ["onDuty": true])
            _ = try await staff.send(.POST, "/api/v1/desk/next")
            _ = try await staff.send(.POST, "/api/v1/consultations/\(id)/messages", json: ["body": "赵师傅您好，可以先申请劳动仲裁，农民工讨薪申请法律援助不审查经济困难。"])

            let editor = Browser(test)
            try await editor.login("shencha", DemoSeed.staffPassword)
            let early = try await editor.get("/consult/\(id)/faq")
            XCTAssertEqual(early.status, .conflict, "only a finished consultation")

            let closed = try await staff.send(.POST, "/api/v1/consultations/\(id)/close", json: ["outcome": "answered"])
            XCTAssertEqual(closed.status, .ok, closed.body.string)
            let conversation = try await editor.get("/consult/\(id)")
            XCTAssertTrue(conversation.contains("整理为常见问题"))
            let draft = try await editor.get("/consult/\(id)/faq")
            XCTAssertEqual(draft.status, .ok)
            XCTAssertTrue(draft.contains("工地老板拖欠我三个月工资怎么办"), draft.body)
            XCTAssertTrue(draft.contains("可以先申请劳动仲裁"))
            XCTAssertFalse(draft.contains("13912345678"))
            XCTAssertFalse(draft.contains("赵师傅"))
            XCTAssertTrue(draft.contains("[电话]"))
            let before = try await KnowledgeEntryModel.query(on: test.db).count()
            XCTAssertEqual(before, 8, "opening the draft stores nothing (the demo's eight entries)")

            let saved = try await editor.post("/knowledge/new", [("kind", "faq"), ("title", "工地老板拖欠工资怎么办？"),
                                                                  ("body", "**问：**工地老板拖欠工资怎么办？\n\n**答：**可以先申请劳动仲裁。"),
                                                                  ("note", ""), ("fromConsultation", id)])
            XCTAssertEqual(saved.status, .seeOther, saved.body)
            let entry = try await KnowledgeEntryModel.query(on: test.db).filter(\.$title == "工地老板拖欠工资怎么办？").first()
            XCTAssertEqual(entry?.sourceConsultationID, UUID(uuidString: id))
            XCTAssertEqual(entry?.published, false, "a draft until the editor publishes it")

            // Someone who does not write the knowledge base cannot open it.
            let lawyer = Browser(test)
            try await lawyer.login("lvshi1", DemoSeed.staffPassword)
            let refused = try await lawyer.get("/consult/\(id)/faq")
            XCTAssertEqual(refused.status, .forbidden)
        }
    }

    /// Issue #13 item 6: a question in plain words finds the FAQ written in the law's words; what
    /// finds nothing good is kept (numbers out) for staff, without the GET writing anything.
    func test_aPlainQuestionFindsTheLegalAnswer_andAnUnansweredOneIsKeptForStaff() async throws {
        try await withTestApp { test in
            try await clearKnowledge(test)
            let editor = try await APIClient.signIn(test, "shencha", DemoSeed.staffPassword)
            try await publish(editor, "faq", "用人单位拖欠劳动报酬怎么办", "可以向劳动保障监察机构投诉，或者申请劳动仲裁。")
            try await publish(editor, "article", "和老板沟通的技巧", "先把诉求写下来。")
            let anyone = APIClient(test: test, token: nil)

            let asked = try await anyone.send(.GET, "/api/v1/knowledge/ask?q=" + "老板拖欠工资三个月怎么办".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            XCTAssertEqual(asked.status, .ok, asked.body.string)
            let answer = try XCTUnwrap(try json(asked) as? [String: Any])
            XCTAssertEqual(answer["answered"] as? Bool, true)
            let first = (answer["items"] as? [[String: Any]])?.first
            XCTAssertEqual(first?["title"] as? String, "用人单位拖欠劳动报酬怎么办")
            XCTAssertNotNil((answer["help"] as? [[String: Any]])?.first { ($0["url"] as? String) == "tel:12348" })

            let unanswered = "我家的狗咬了邻居，电话13812345678，谁负责？"
            let page = try await Browser(test).get("/knowledge/ask?q=" + unanswered.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.contains("我们已记下这个问题"))
            XCTAssertTrue(page.contains("没有解决？找人帮您"))
            let keptBefore = try await KnowledgeQuestionModel.query(on: test.db).count()
            XCTAssertEqual(keptBefore, 0, "asking wrote nothing")
            _ = try await Browser(test).get("/knowledge/ask?q=" + unanswered.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            _ = try await test.app.knowledgeQuestions.flush(services: test.app.fayuan, on: test.db)
            let kept = try await KnowledgeQuestionModel.query(on: test.db).all()
            XCTAssertEqual(kept.map(\.question), ["我家的狗咬了邻居，电话[电话]，谁负责？"])
            XCTAssertEqual(kept.first?.timesAsked, 2)

            let list = try items(try await editor.send(.GET, "/api/v1/knowledge/questions"))
            XCTAssertEqual(list.compactMap { $0["question"] as? String }, ["我家的狗咬了邻居，电话[电话]，谁负责？"])
            let done = try await editor.send(.POST, "/api/v1/knowledge/questions/\(kept[0].id!)/done")
            XCTAssertEqual(done.status, .noContent)
            let after = try items(try await editor.send(.GET, "/api/v1/knowledge/questions"))
            XCTAssertEqual(after.count, 0)

            let empty = try await anyone.send(.GET, "/api/v1/knowledge/ask?q=")
            XCTAssertEqual(empty.status, .unprocessableEntity)
        }
    }

    /// The first 50 of the index's candidates are ranked again; pages beyond follow the index's
    /// order. Paging through every result shows each once.
    func test_pagingThroughManyResultsShowsEachOnce() async throws {
        try await withTestApp { test in
            try await clearKnowledge(test)
            let editor = try await test.account("shencha")
            let service = KnowledgeService(scope: ServiceScope(db: test.db, services: test.app.fayuan, now: Date()))
            for n in 1...65 {
                let body = String(repeating: "调解", count: n % 7 + 1) + "：第\(n)篇。"
                let entry = try await service.create(KnowledgeInput(kind: .article, title: "人民调解第\(n)讲", body: body, note: ""), by: editor)
                _ = try await service.publish(entry.id!, expectedVersion: entry.version, by: editor)
            }
            let anyone = APIClient(test: test, token: nil)
            var seen: [String] = []
            for page in 1...4 {
                let response = try await anyone.send(.GET, "/api/v1/knowledge?q=%E8%B0%83%E8%A7%A3&limit=20&page=\(page)")
                XCTAssertEqual(response.headers.first(name: "X-Total-Count"), "65")
                seen += try items(response).compactMap { $0["title"] as? String }
            }
            XCTAssertEqual(seen.count, 65)
            XCTAssertEqual(Set(seen).count, 65, "no result twice, none lost")
        }
    }

    /// A common word can match tens of thousands of articles; the engine then ranks only the
    /// newest of them (`KnowledgeIndex.rankedMatches`), but an entry whose title holds the word
    /// is never lost behind them, however old.
    func test_pastTheRankingBound_titleMatchesStillComeFirst_thenTheNewestMatches() async throws {
        try await withTestApp { test in
            try await clearKnowledge(test)
            let editor = try await test.account("shencha")
            let service = KnowledgeService(scope: ServiceScope(db: test.db, services: test.app.fayuan, now: Date()))
            var ids: [UUID: String] = [:]
            func publish(_ title: String, _ body: String) async throws {
                let entry = try await service.create(KnowledgeInput(kind: .article, title: title, body: body, note: ""), by: editor)
                _ = try await service.publish(entry.id!, expectedVersion: entry.version, by: editor)
                ids[entry.id!] = title
            }
            try await publish("仲裁时效是多久", "一般为一年。")
            for n in 1...6 { try await publish("劳动争议第\(n)讲", "劳动争议可以申请仲裁，仲裁不收费。") }
            let index = KnowledgeIndex(test.db)

            let bounded = try await index.candidates(SearchQuery("仲裁"), kind: nil, limit: 10, rankedMatches: 3).map { ids[$0.entryID]! }
            XCTAssertEqual(bounded.first, "仲裁时效是多久", "the title match first, though it is the oldest")
            XCTAssertEqual(Set(bounded.dropFirst()), ["劳动争议第6讲", "劳动争议第5讲", "劳动争议第4讲"], "then the newest three ranked")

            let exact = try await index.candidates(SearchQuery("仲裁"), kind: nil, limit: 10).map { ids[$0.entryID]! }
            XCTAssertEqual(exact.first, "仲裁时效是多久")
            XCTAssertEqual(exact.count, 7, "within the bound every match is ranked")
            let faqs = try await index.candidates(SearchQuery("仲裁"), kind: .faq, limit: 10, rankedMatches: 3)
            XCTAssertEqual(faqs, [], "the section filter applies in both rounds")
        }
    }
}
