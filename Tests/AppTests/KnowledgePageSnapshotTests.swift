import Foundation
import SnapshotTesting
import XCTest
@testable import App
@testable import KnowledgeCore
@testable import LegalAidCore

/// The knowledge base's pages — search, one entry, and the editors' list, form, history and
/// unanswered questions — from fixed plain values.
final class KnowledgePageSnapshotTests: XCTestCase {
    typealias Fixture = PublicPageSnapshotTests
    static let editor = Mock.account("A8", "卫编辑", [.supervisor], at: Mock.bureau)
    static let faq = UUID(uuidString: "00000000-0000-0000-0000-00000000FA01")!

    static let faqItem = API.KnowledgeItem(id: faq, kind: "faq", kindLabel: "常见问题", title: "老板拖欠工资怎么办？", article: nil,
                                           url: "/knowledge/\(faq.uuidString)", snippet: "可以先与用人单位协商，协商不成可以向劳动保障监察投诉或申请劳动仲裁。",
                                           titlePieces: [API.TextPiece(text: "老板", matched: false), API.TextPiece(text: "拖欠工资", matched: true),
                                                         API.TextPiece(text: "怎么办？", matched: false)],
                                           snippetPieces: [API.TextPiece(text: "可以先与用人单位协商，协商不成可以向劳动保障监察投诉或申请劳动仲裁。", matched: false)],
                                           published: true, version: 2, views: 40, updatedAt: Fixture.day, publishedAt: Fixture.day)

    static let faqEntry = API.KnowledgeEntryBody(id: faq, kind: "faq", kindLabel: "常见问题", title: "老板拖欠工资怎么办？",
                                                 body: "可以先与用人单位协商。\n\n协商不成，可以向劳动保障监察投诉，或者申请劳动仲裁。", published: true,
                                                 version: 2, views: 40, updatedAt: Fixture.day, publishedAt: Fixture.day, url: "/knowledge/\(faq.uuidString)", articles: nil)

    func render(_ page: some PageView, path: String, as account: AccountModel? = nil) -> String {
        Mock.lines(page.render(in: Mock.context(account, path: path)))
    }

    func test_searchingForUnpaidWages_withTheWordsMatchedAndWhereToGoNearby() {
        let page = KnowledgeListPage(query: "拖欠工资", kind: nil, items: [Self.faqItem], total: 1, pager: "", searching: true,
                                     institutions: [Fixture.institution()])
        assertSnapshot(of: render(page, path: SiteURL.knowledge.path), as: .lines)
    }

    func test_oneQuestionAndItsAnswer() {
        let page = KnowledgeEntryPage(entry: Self.faqEntry, rendered: Markdown.html(Self.faqEntry.body), editor: false)
        assertSnapshot(of: render(page, path: Self.faqEntry.url), as: .lines)
    }

    func test_theEditorsList_ofQuestionsAndAnswers() {
        let page = KnowledgeManagePage(kind: .faq, items: [Self.faqItem], pager: "")
        assertSnapshot(of: render(page, path: SiteURL.knowledgeManage.path, as: Self.editor), as: .lines)
    }

    func test_editingAnAnswer_withTheTitleLeftEmpty() {
        var page = KnowledgeEditPage(entry: Self.faqEntry, form: .init(kind: "faq", title: "", body: Self.faqEntry.body, note: "补充仲裁时效", version: 2))
        page.errors = FormErrors([FieldError(field: "title", code: "required", message: "请填写标题")])
        assertSnapshot(of: render(page, path: SiteURL.knowledgeManage.path, as: Self.editor), as: .lines)
    }

    func test_anAnswersHistory_whoChangedWhatAndWhy() {
        let versions = [API.KnowledgeVersionBody(version: 2, action: "publish", actionLabel: "发布", title: "老板拖欠工资怎么办？", note: "补充仲裁时效",
                                                 editorName: "卫编辑", at: Fixture.day),
                        API.KnowledgeVersionBody(version: 1, action: "create", actionLabel: "新建", title: "拖欠工资怎么办", note: nil,
                                                 editorName: "卫编辑", at: chinaNoon("2026-03-01"))]
        let page = KnowledgeVersionsPage(entry: Self.faqEntry, versions: versions, pager: "")
        assertSnapshot(of: render(page, path: SiteURL.knowledgeManage.path, as: Self.editor), as: .lines)
    }

    func test_questionsNobodyAnsweredYet_mostAskedFirst() {
        let page = KnowledgeQuestionsPage(questions: [API.KnowledgeQuestionBody(id: UUID(uuidString: "00000000-0000-0000-0000-00000000FA02")!,
                                                                                question: "工伤认定要多久", timesAsked: 5, firstAskedAt: chinaNoon("2026-03-01"),
                                                                                lastAskedAt: Fixture.day, handled: false)], pager: "")
        assertSnapshot(of: render(page, path: SiteURL.knowledgeQuestions.path, as: Self.editor), as: .lines)
    }

    static let boss = UUID(uuidString: "00000000-0000-0000-0000-00000000C001")!

    func test_theColloquialWordList_howAQuestionIsRead_andAWordRefused() {
        let page = KnowledgeSynonymsPage(query: "", items: [KnowledgeSynonymRow(id: Self.boss, word: "老板", terms: ["用人单位", "雇主"], version: 2, updatedAt: Fixture.day)],
                                         total: 1, pager: "", form: KnowledgeSynonymForm(word: "包工头", terms: ""),
                                         errors: FormErrors([FieldError(field: "terms", code: "required", message: "请填写法律上的说法，例如“用人单位”；多个用顿号隔开")]),
                                         tried: ("老板不给工资怎么办", [["老板", "用人单位", "雇主"], ["工资", "劳动报酬", "薪酬"], ["不给"]]))
        assertSnapshot(of: render(page, path: SiteURL.knowledgeSynonyms.path, as: Self.editor), as: .lines)
    }

    func test_oneColloquialWord_withItsHistory() {
        let history = [KnowledgeSynonymChangeRow(synonymID: Self.boss, word: "老板", actionLabel: "修改", before: "用人单位", after: "用人单位、雇主",
                                                 note: "个体户也常被叫老板", editorName: "卫编辑", at: Fixture.day),
                       KnowledgeSynonymChangeRow(synonymID: Self.boss, word: "老板", actionLabel: "初始词表", before: nil, after: "用人单位",
                                                 note: nil, editorName: "", at: chinaNoon("2026-03-01"))]
        let page = KnowledgeSynonymPage(synonym: KnowledgeSynonymRow(id: Self.boss, word: "老板", terms: ["用人单位", "雇主"], version: 2, updatedAt: Fixture.day),
                                        form: KnowledgeSynonymForm(word: "老板", terms: "用人单位、雇主", version: 2), history: history, pager: "")
        assertSnapshot(of: render(page, path: SiteURL.knowledgeSynonyms.path, as: Self.editor), as: .lines)
    }

    func test_importingTheNationalLaws_whatTheLoadDid() {
        let page = LawImportPage(publish: true, loaded: .init(file: "laws.db", created: 350, updated: 2, unchanged: 1, articles: 23599,
                                                              refused: ["中华人民共和国示例法：没有可以识别的条文"], published: true))
        assertSnapshot(of: render(page, path: SiteURL.lawImport.path, as: Self.editor), as: .lines)
    }
}
