@testable import KnowledgeCore
import XCTest

/// Issue #25: a corpus's rows become one body per law, chapters and sections kept, each law
/// whole or refused whole.
final class LawCorpusTests: XCTestCase {
    func row(_ law: String, _ article: String, _ text: String, chapter: String? = nil, section: String? = nil,
             status: String = "现行有效") -> LawCorpus.Row {
        LawCorpus.Row(law: law, status: status, chapter: chapter, section: section, article: article, text: text)
    }

    func test_rowsBecomeOneLawEach_inTheirOrder_withChaptersAndSectionsAsHeadings() {
        let rows = [
            row("中华人民共和国刑法", "第二十条", "为了使国家、公共利益、本人或者他人的人身、财产和其他权利免受正在进行的不法侵害……", chapter: "第二章 犯罪", section: "第一节 犯罪和刑事责任"),
            row("中华人民共和国刑法", "第一百三十三条之一", "在道路上驾驶机动车，有下列情形之一的，处拘役，并处罚金：\n（一）追逐竞驶，情节恶劣的；", chapter: "第二章 危害公共安全罪"),
            row("中华人民共和国法律援助法", "第一条", "为了规范和促进法律援助工作……", chapter: "第一章 总则"),
        ]
        let (laws, refused) = LawCorpus.laws(rows)
        XCTAssertEqual(refused, [])
        XCTAssertEqual(laws.map(\.title), ["中华人民共和国刑法", "中华人民共和国法律援助法"])
        XCTAssertEqual(laws[0].articles, 2)
        let articles = LawText.articles(laws[0].body)
        XCTAssertEqual(articles.map(\.number.description), ["20", "133-1"])
        XCTAssertEqual(articles.map(\.chapter), ["第二章　犯罪", "第二章　危害公共安全罪"])
        XCTAssertEqual(articles.map(\.section), ["第一节　犯罪和刑事责任", nil])
        XCTAssertEqual(articles[1].text, "在道路上驾驶机动车，有下列情形之一的，处拘役，并处罚金：\n（一）追逐竞驶，情节恶劣的；")
    }

    func test_aDecisionWrittenInItems_isKeptAsNumberedParagraphs() {
        let (laws, refused) = LawCorpus.laws([row("全国人民代表大会常务委员会关于示例的决定", "条目一", "一项。"),
                                              row("全国人民代表大会常务委员会关于示例的决定", "条目十二", "十二项。")])
        XCTAssertEqual(refused, [])
        XCTAssertEqual(laws.first?.body, "一、一项。\n\n十二、十二项。")
    }

    func test_aLawWithAnUnreadableOrRepeatedArticle_isRefusedWhole_theOthersGoOn() {
        let (laws, refused) = LawCorpus.laws([
            row("示例法", "第一条", "一。"), row("示例法", "第一条", "又一。"),
            row("另一法", "附则", "无条号。"),
            row("第三法", "第一条", "好的。"),
            row("状态不明法", "第一条", "一。", status: "未知"),
        ])
        XCTAssertEqual(laws.map(\.title), ["第三法"])
        XCTAssertEqual(refused.map(\.law), ["示例法", "另一法", "状态不明法"])
    }

    func test_whatIsLoadedByDefault_isWhatIsInForce() {
        XCTAssertEqual(LawCorpus.Status.allCases.filter(\.loadedByDefault), [.inForce, .amended])
    }
}
