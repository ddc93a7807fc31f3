@testable import KnowledgeCore
import XCTest

/// Issue #25: an article inserted by amendment is an article of its own, and an article is found
/// however people write its citation.
final class LawCitationTests: XCTestCase {
    static let titles = ["中华人民共和国民法典", "中华人民共和国劳动合同法", "中华人民共和国劳动法", "中华人民共和国法律援助法",
                         "中华人民共和国刑法", "中华人民共和国刑法修正案（十一）", "中华人民共和国合同法"]

    func cited(_ text: String) -> (String, String)? {
        LawCitation.first(in: text, among: Self.titles).map { (Self.titles[$0.title], $0.citation.article.description) }
    }

    // MARK: 第N条之一

    func test_anArticleInsertedByAmendment_isAnArticleOfItsOwn_notGluedToTheOneBefore() {
        let law = """
        第一百三十三条　违反交通运输管理法规，因而发生重大事故……
        第一百三十三条之一　在道路上驾驶机动车，有下列情形之一的，处拘役，并处罚金：
        （一）追逐竞驶，情节恶劣的；
        第一百三十三条之二　对行驶中的公共交通工具的驾驶人员使用暴力……
        第一百三十四条　在生产、作业中违反有关安全管理的规定……
        """
        let articles = LawText.articles(law)
        XCTAssertEqual(articles.map(\.label), ["第一百三十三条", "第一百三十三条之一", "第一百三十三条之二", "第一百三十四条"])
        XCTAssertEqual(articles.map(\.number.description), ["133", "133-1", "133-2", "134"])
        XCTAssertEqual(articles[1].text, "在道路上驾驶机动车，有下列情形之一的，处拘役，并处罚金：\n（一）追逐竞驶，情节恶劣的；")
        XCTAssertEqual(articles[0].text, "违反交通运输管理法规，因而发生重大事故……")
    }

    func test_sectionsAreKeptBesideChapters_aNewChapterClearsTheSection() {
        let law = "第二章　犯罪\n第一节　犯罪和刑事责任\n第十三条　一切危害国家主权……\n第三章　刑罚\n第三十二条　刑罚分为主刑和附加刑。"
        let articles = LawText.articles(law)
        XCTAssertEqual(articles.map(\.section), ["第一节　犯罪和刑事责任", nil])
        XCTAssertEqual(articles.map(\.chapter), ["第二章　犯罪", "第三章　刑罚"])
    }

    func test_anArticleNumber_asAnAddressAndAsAnIndexKey() {
        XCTAssertEqual(ArticleNumber("133-1"), ArticleNumber(133, sub: 1))
        XCTAssertEqual(ArticleNumber("31"), ArticleNumber(31))
        for bad in ["", "0", "-1", "133-0", "133-", "1-2-3", "abc", "１２", "10000"] { XCTAssertNil(ArticleNumber(bad), bad) }
        XCTAssertEqual(ArticleNumber(31).key, 31)
        XCTAssertEqual(ArticleNumber(key: ArticleNumber(133, sub: 2).key), ArticleNumber(133, sub: 2))
        XCTAssertNotEqual(ArticleNumber(133, sub: 1).key, ArticleNumber(134).key)
        XCTAssertLessThan(ArticleNumber(133), ArticleNumber(133, sub: 1))
        XCTAssertLessThan(ArticleNumber(133, sub: 1), ArticleNumber(134))
    }

    // MARK: citations as people write them

    func test_shortNames_arabicOrChineseNumerals_withOrWithoutSpacesOrBrackets() {
        XCTAssertEqual(cited("民法典第1077条")?.1, "1077")
        XCTAssertEqual(cited("民法典第1077条")?.0, "中华人民共和国民法典")
        XCTAssertEqual(cited("劳动合同法第八十二条")?.0, "中华人民共和国劳动合同法")
        XCTAssertEqual(cited("劳动合同法第八十二条")?.1, "82")
        XCTAssertEqual(cited("《中华人民共和国法律援助法》 第 四十三 条")?.1, "43")
        XCTAssertEqual(cited("法律援助法第四十三条")?.0, "中华人民共和国法律援助法")
        XCTAssertEqual(cited("刑法第二十条")?.0, "中华人民共和国刑法")
        XCTAssertEqual(cited("《刑法》第１３３条之一")?.1, "133-1")
        XCTAssertEqual(cited("刑法 第133条之一 危险驾驶")?.1, "133-1")
    }

    func test_theLongestNameWins_andWordsBeforeTheNameDoNotMatter() {
        XCTAssertEqual(cited("根据劳动合同法第82条，没签合同怎么办")?.0, "中华人民共和国劳动合同法")
        XCTAssertEqual(cited("按照劳动法第四十四条加班费怎么算")?.0, "中华人民共和国劳动法")
    }

    func test_noLawNamed_orNoArticle_isNoCitation() {
        XCTAssertNil(cited("第1077条说了什么"))
        XCTAssertNil(cited("民法典离婚冷静期"))
        XCTAssertNil(cited("公司法第二十条"))
        XCTAssertNil(cited("依照第三条规定办理"))
    }

    func test_aLawNamedAlone_isRecognisedInEachForm() {
        for text in ["民法典", "《民法典》", "中华人民共和国民法典", " 《中华人民共和国民法典》 "] {
            XCTAssertTrue(LawCitation.namesOnly(text, title: "中华人民共和国民法典"), text)
        }
        XCTAssertFalse(LawCitation.namesOnly("民法典离婚", title: "中华人民共和国民法典"))
    }

    func test_aNoteAfterTheName_isNotPartOfIt_butANumberIs() {
        XCTAssertEqual(LawCitation.names("中华人民共和国法律援助法（节选·示例文本）"),
                       ["中华人民共和国法律援助法(节选·示例文本)", "法律援助法(节选·示例文本)", "中华人民共和国法律援助法", "法律援助法"])
        XCTAssertEqual(LawCitation.names("中华人民共和国刑法修正案（十一）"), ["中华人民共和国刑法修正案(十一)", "刑法修正案(十一)"])
        let titles = ["中华人民共和国法律援助法（节选·示例文本）"]
        XCTAssertEqual(LawCitation.first(in: "法律援助法第三十一条", among: titles)?.citation.article.description, "31")
    }
}
