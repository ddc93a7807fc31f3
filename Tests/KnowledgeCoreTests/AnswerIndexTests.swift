@testable import KnowledgeCore
import XCTest

/// Issue #25: 智能咨询 answers with the articles that answer the question — BM25 over what each
/// says, the chapter it sits in as context, each idea of the question counted once.
final class AnswerIndexTests: XCTestCase {
    static func article(_ n: Int, _ title: String, _ text: String, chapter: String = "") -> AnswerDocument {
        AnswerDocument(entry: UUID(), article: n, kind: .law, title: title, context: chapter, text: text)
    }

    static let documents = [
        article(1245, "中华人民共和国民法典 第一千二百四十五条", "饲养的动物造成他人损害的，动物饲养人或者管理人应当承担侵权责任。",
                chapter: "第九章　饲养动物损害责任"),
        article(1165, "中华人民共和国民法典 第一千一百六十五条", "行为人因过错侵害他人民事权益造成损害的，应当承担侵权责任。",
                chapter: "第一章　一般规定"),
        article(1077, "中华人民共和国民法典 第一千零七十七条", "自婚姻登记机关收到离婚登记申请之日起三十日内，任何一方不愿意离婚的，可以向婚姻登记机关撤回离婚登记申请。",
                chapter: "第四章　离婚"),
        article(82, "中华人民共和国劳动合同法 第八十二条", "用人单位自用工之日起超过一个月不满一年未与劳动者订立书面劳动合同的，应当向劳动者每月支付二倍的工资。",
                chapter: "第七章　法律责任"),
        article(30, "中华人民共和国劳动合同法 第三十条", "用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。",
                chapter: "第三章　劳动合同的履行和变更"),
    ]

    func first(_ question: String) -> Int? {
        let index = AnswerIndex(Self.documents)
        return index.answers(PlainQuestion(question), limit: 5).first.map { Self.documents[$0.document].article }
    }

    func test_aDogBite_findsTheArticleOnAnimals_throughItsWordsAndItsChapter() {
        XCTAssertEqual(first("被邻居家的狗咬了谁负责"), 1245)
    }

    func test_theCoolingOffPeriod_findsTheArticleThatNeverSaysTheWord() {
        XCTAssertEqual(first("离婚冷静期是多久"), 1077)
    }

    func test_plainWordsForWages_findTheLawsWords() {
        XCTAssertEqual(first("老板不签合同能要双倍工资吗"), 82)
        XCTAssertEqual(first("老板拖欠工资不发"), 30)
    }

    func test_eachIdeaCountsOnce_aTextRepeatingOneWordDoesNotBeatOneHoldingTwoIdeas() {
        let repeats = Self.article(1, "示例 第一条", String(repeating: "工资工资工资", count: 20))
        let both = Self.article(2, "示例 第二条", "用人单位拖欠工资的，应当支付。")
        let index = AnswerIndex([repeats, both])
        let ranked = index.answers(PlainQuestion("单位拖欠工资"), limit: 2).map(\.document)
        XCTAssertEqual(ranked.first, 1)
    }

    func test_aQuestionWithNothingToSearch_hasNoAnswer() {
        XCTAssertTrue(AnswerIndex(Self.documents).answers(PlainQuestion("怎么办呢？"), limit: 5).isEmpty)
        XCTAssertTrue(AnswerIndex([]).answers(PlainQuestion("工资"), limit: 5).isEmpty)
    }

    func test_ofTwoEquallyGoodAnswers_theOneFromTheLawMostAnswersComeFrom_comesFirst() {
        let labour = UUID(), sport = UUID()
        func law(_ entry: UUID, _ n: Int, _ title: String, _ text: String) -> AnswerDocument {
            AnswerDocument(entry: entry, article: n, kind: .law, title: title, text: text)
        }
        // The same words in both laws; 劳动法 holds more of what the question asks about.
        let documents = [
            law(sport, 27, "体育法", "每天工作时间不超过八小时。"),
            law(labour, 36, "劳动法", "每天工作时间不超过八小时。"),
            law(labour, 41, "劳动法", "延长工作时间，每天不得超过三小时。"),
        ]
        let ranked = AnswerIndex(documents).answers(PlainQuestion("每天工作几个小时"), limit: 3).map { documents[$0.document] }
        XCTAssertEqual(ranked.first?.entry, labour, ranked.map { "\($0.title)\($0.article)" }.joined(separator: " / "))
    }

    // Issue #25 item 3: each answer shows why it was chosen — the words matched, in the law's terms.
    func test_eachAnswerSaysWhichOfTheQuestionsWordsItHolds_andUnderWhatLegalName() {
        let question = PlainQuestion("老板拖欠工资怎么办")
        let reasons = question.reasons(in: "中华人民共和国劳动合同法 第三十条", "用人单位应当向劳动者及时足额支付劳动报酬。拖欠或者未足额支付的……")
        XCTAssertEqual(Set(reasons.map { "\($0.said)→\($0.found)" }), ["老板→用人单位", "工资→劳动报酬", "拖欠→拖欠"])
        XCTAssertTrue(question.reasons(in: "婚姻登记", "自愿离婚的，应当签订书面离婚协议。").isEmpty)
    }
}
