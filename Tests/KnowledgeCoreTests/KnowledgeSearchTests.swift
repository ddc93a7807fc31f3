@testable import KnowledgeCore
import SpecSupport
import XCTest

/// Issue #13: how the knowledge base reads Chinese — terms, ranking, highlighting, the law by
/// article, and what is taken out of a consultation before it becomes a public answer.
final class KnowledgeSearchTests: XCTestCase {
    // MARK: terms

    func test_chineseIsIndexedByEveryCharacterAndEveryOverlappingPair() {
        XCTAssertEqual(SearchText.indexTerms("工伤保险"), ["工", "伤", "保", "险", "工伤", "伤保", "保险"])
    }

    func test_latinWordsAndNumbersAreTermsOfTheirOwn_fullWidthFolded() {
        XCTAssertEqual(SearchText.indexTerms("ＡＰＰ下载，12348热线"), ["app", "下", "载", "下载", "12348", "热", "线", "热线"])
    }

    func test_aTwoCharacterWordIsOnePair_aLongerPhraseEveryPair_oneCharacterItself() {
        XCTAssertEqual(SearchQuery("工伤").terms, ["工伤"])
        XCTAssertEqual(SearchQuery("拖欠工资").terms, ["拖欠", "欠工", "工资"])
        XCTAssertEqual(SearchQuery("婚").terms, ["婚"])
        XCTAssertEqual(SearchQuery("离婚 财产").terms, ["离婚", "财产"])
    }

    func test_punctuationAloneIsNothingToSearch() {
        XCTAssertTrue(SearchQuery("？！ ，。").isEmpty)
    }

    func test_everyQueryTermIsAnIndexTermOfTheSameText() {
        let text = "用人单位拖欠劳动报酬的，劳动者可以申请法律援助"
        let index = Set(SearchText.indexTerms(text))
        for typed in ["拖欠", "劳动报酬", "法律援助", "援", "用人单位拖欠"] {
            XCTAssertTrue(SearchQuery(typed).terms.allSatisfy(index.contains), typed)
        }
    }

    // MARK: ranking

    func test_theWordsInTheTitleRankAboveTheSameWordsInTheText() {
        let query = SearchQuery("工伤")
        let inText = SearchCandidate(title: "劳动合同到期怎么办", text: "……如果发生工伤，应当……", kind: .faq)
        let inTitle = SearchCandidate(title: "工伤认定的期限", text: "职工受伤后……", kind: .faq)
        XCTAssertEqual(SearchRanking.rank([inText, inTitle], for: query), [1, 0])
    }

    func test_thePhraseAsTypedRanksAboveItsPairsScattered() {
        let query = SearchQuery("拖欠工资")
        let scattered = SearchCandidate(title: "关于工资", text: "拖欠的款项，欠工程款……", kind: .article)
        let asTyped = SearchCandidate(title: "关于工资", text: "老板拖欠工资怎么办", kind: .article)
        XCTAssertEqual(SearchRanking.rank([scattered, asTyped], for: query), [1, 0])
    }

    func test_moreOccurrencesRankHigher_popularityOnlyBreaksNearTies() {
        let query = SearchQuery("仲裁")
        let once = SearchCandidate(title: "劳动争议", text: "可以申请仲裁。", kind: .article, views: 10_000)
        let often = SearchCandidate(title: "劳动争议", text: "仲裁前先调解；仲裁时效一年；不服仲裁可以起诉。", kind: .article, views: 0)
        XCTAssertEqual(SearchRanking.rank([once, often], for: query), [1, 0])
        let same = SearchCandidate(title: "劳动争议", text: "可以申请仲裁。", kind: .article, views: 0)
        XCTAssertEqual(SearchRanking.rank([same, once], for: query), [1, 0])
    }

    func test_theArticleThatSaysItRanksAboveTheWholeLawAroundIt() {
        let query = SearchQuery("工伤")
        let law = SearchCandidate(title: "示例条例", text: "第一条 为了示例，制定本条例。第二条 请求工伤事故赔偿的，可以申请法律援助。第三条 本条例自公布之日起施行。", kind: .law)
        let article = SearchCandidate(title: "示例条例 第二条", text: "请求工伤事故赔偿的，可以申请法律援助。", kind: .law)
        XCTAssertEqual(SearchRanking.rank([law, article], for: query), [1, 0])
    }

    func test_equalScoresKeepTheEnginesOrder() {
        let a = SearchCandidate(title: "离婚", text: "一", kind: .faq)
        XCTAssertEqual(SearchRanking.rank([a, a, a], for: SearchQuery("离婚")), [0, 1, 2])
    }

    // MARK: highlighting

    func test_matchedWordsAreMarked_theRestKeptAsWritten() {
        let pieces = Highlight.pieces("发生工伤后，工伤认定", SearchQuery("工伤"))
        XCTAssertEqual(pieces, [.init("发生", matched: false), .init("工伤", matched: true), .init("后，", matched: false),
                                .init("工伤", matched: true), .init("认定", matched: false)])
    }

    func test_matchingIgnoresWidthAndCase_theOriginalIsShown() {
        let pieces = Highlight.pieces("拨打１２３４８咨询", SearchQuery("12348"))
        XCTAssertEqual(pieces.filter(\.matched).map(\.text), ["１２３４８"])
    }

    func test_aSnippetIsCutAroundTheFirstMatch() {
        let text = String(repeating: "前文", count: 100) + "劳动仲裁" + String(repeating: "后文", count: 100)
        let snippet = Highlight.snippet(text, SearchQuery("仲裁"), length: 40)
        XCTAssertEqual(snippet.first?.text.first, "…")
        XCTAssertEqual(snippet.last?.text, "…")
        XCTAssertEqual(snippet.filter(\.matched).map(\.text), ["仲裁"])
    }

    // MARK: the law by article

    func test_aLawIsCutIntoItsArticles_withTheirChapters() {
        let law = """
        # 示例法

        ## 第一章　总则

        **第一条**　为了规范和促进法律援助工作，制定本法。

        第二条　本法所称法律援助，是国家建立的……
        （一）法律咨询；
        （二）代拟法律文书。

        ## 第二章 机构和人员

        第十二条 县级以上人民政府司法行政部门应当设立法律援助机构。
        第一百零五条 本法自公布之日起施行。
        """
        let articles = LawText.articles(law)
        XCTAssertEqual(articles.map(\.number), [ArticleNumber(1), ArticleNumber(2), ArticleNumber(12), ArticleNumber(105)])
        XCTAssertEqual(articles.map(\.label), ["第一条", "第二条", "第十二条", "第一百零五条"])
        XCTAssertEqual(articles[0].text, "为了规范和促进法律援助工作，制定本法。")
        XCTAssertEqual(articles[1].text, "本法所称法律援助，是国家建立的……\n（一）法律咨询；\n（二）代拟法律文书。")
        XCTAssertEqual(articles[0].chapter, "第一章　总则")
        XCTAssertEqual(articles[2].chapter, "第二章　机构和人员")
    }

    func test_chineseNumeralsAsLawsWriteThem() {
        let cases = ["一": 1, "十": 10, "十二": 12, "二十": 20, "三十一": 31, "一百": 100, "一百零五": 105, "一百二十": 120, "两千零一": 2001, "7": 7]
        for (numeral, value) in cases { XCTAssertEqual(ChineseNumeral.value(numeral), value, numeral) }
        XCTAssertNil(ChineseNumeral.value("条"))
        XCTAssertNil(ChineseNumeral.value("零"))
    }

    func test_aSentenceMentioningAnArticleDoesNotOpenOne() {
        let articles = LawText.articles("第一条 适用本法。\n依照第三条规定办理。\n第三条规定的情形除外。")
        XCTAssertEqual(articles.count, 1)
        XCTAssertEqual(articles[0].text, "适用本法。\n依照第三条规定办理。\n第三条规定的情形除外。")
    }

    // MARK: personal details out of a public answer

    func test_numbersAndKnownNamesAreTakenOut() {
        let text = "我叫王小红，身份证110101199003071234，电话139 1234 5678，家里010-12345678，邮箱wxh@example.com，王小红的老板欠薪。"
        let redacted = Redaction.redact(text, names: ["王小红": "咨询人"])
        XCTAssertEqual(redacted, "我叫咨询人，身份证[身份证号]，电话[电话]，家里[电话]，邮箱[邮箱]，咨询人的老板欠薪。")
    }

    func test_amountsDatesAndArticleNumbersStay() {
        let text = "拖欠工资30000元，2026年3月起，依照第31条。"
        XCTAssertEqual(Redaction.redact(text), text)
    }
}

/// Issue #13 item 6 (智能咨询): a question in plain words finds the answer written in the law's
/// words.
final class PlainQuestionTests: XCTestCase {
    func test_fillerWordsGo_colloquialWordsBringTheirLegalTerms() {
        let question = PlainQuestion("老板拖欠工资三个月怎么办")
        let phrases = question.ideas.map(\.phrases)
        XCTAssertTrue(phrases.contains(["老板", "用人单位", "雇主"]))
        XCTAssertTrue(phrases.contains(["工资", "劳动报酬", "薪酬"]))
        XCTAssertTrue(phrases.contains(["拖欠"]))
        XCTAssertFalse(phrases.flatMap { $0 }.contains { $0.contains("怎么") }, "\(phrases)")
    }

    func test_anAnswerInTheLawsWordsIsFound_andRanksAboveOneThatSharesOneWord() {
        let question = PlainQuestion("老板拖欠工资怎么办")
        let legal = SearchCandidate(title: "用人单位拖欠劳动报酬怎么办", text: "可以向劳动保障监察机构投诉或申请劳动仲裁。", kind: .faq)
        let weak = SearchCandidate(title: "怎么和老板谈加薪", text: "沟通技巧。", kind: .article)
        let index = AnswerIndex([weak, legal].map { AnswerDocument(entry: UUID(), article: 0, kind: $0.kind, title: $0.title, text: $0.text) })
        XCTAssertEqual(index.answers(question, limit: 2).map(\.document), [1, 0])
        XCTAssertTrue(SearchRanking.answers(legal, question))
        XCTAssertFalse(SearchRanking.answers(weak, question))
    }

    func test_aQuestionOfOnlyFillersIsEmpty() {
        XCTAssertTrue(PlainQuestion("我想问一下怎么办？").isEmpty)
    }

    func test_theIndexIsAskedForThePairsOfEveryPhrase() {
        let terms = PlainQuestion("离婚孩子归谁").terms
        for term in ["离婚", "解除", "婚姻", "子女", "孩子", "归谁"] { XCTAssertTrue(terms.contains(term), "\(term) in \(terms)") }
    }
}
