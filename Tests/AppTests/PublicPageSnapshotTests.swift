import Foundation
import SnapshotTesting
import XCTest
@testable import App
@testable import LegalAidCore
@testable import MediationCore

/// The pages a citizen meets outside legal aid's forms — the desk, 智能咨询, the law, the
/// directory and its printed notice — rendered from fixed plain models, as `PageSnapshotTests`.
final class PublicPageSnapshotTests: XCTestCase {
    static let day = chinaNoon("2026-03-10")
    static let village = UUID(uuidString: "00000000-0000-0000-0000-00000000DA01")!
    static let law = UUID(uuidString: "00000000-0000-0000-0000-00000000DA02")!
    static let adviser = UUID(uuidString: "00000000-0000-0000-0000-00000000DA03")!

    static func institution(open: Bool = true) -> API.DirectoryInstitution {
        API.DirectoryInstitution(
            id: village, name: "幸福村村民委员会", kind: "villageCommittee", kindLabel: "村（居）委会", street: "幸福街道",
            address: "示范区幸福村1号", phone: "010-00001234", hours: "工作日 09:00–12:00、13:30–17:30（节假日除外）",
            services: ["legalAdviser"], serviceLabels: ["法律顾问"], practiceAreas: [], practiceAreaLabels: [],
            latitude: 39.9, longitude: 116.4, description: "村法律顾问每月到村坐班两次。", parentID: Mock.station,
            parentName: "幸福街道司法所", openNow: open, opening: open ? "开放中，17:30结束" : "现在关闭，3月11日（周三）09:00开放",
            url: "/directory/\(village.uuidString)")
    }

    static let person = API.DirectoryPerson(
        id: adviser, name: "许丽", role: "villageAdviser", roleLabel: "村（居）法律顾问", organisationID: Mock.firm, organisationName: "示范律师事务所",
        servesID: village, servesName: "幸福村村民委员会", phone: "13700000456", practiceAreas: ["labour"], practiceAreaLabels: ["劳动争议"],
        duties: "每月第一、三个周三到村坐班", onSiteHours: "每月第一、三个周三 09:00–11:30", photoURL: nil)

    static let article = API.LawArticleBody(number: 31, label: "第三十一条", chapter: "第三章 形式和范围",
                                            text: "下列事项的当事人，因经济困难没有委托代理人的，可以向法律援助机构申请法律援助：（一）依法请求国家赔偿；……",
                                            url: "/knowledge/\(law.uuidString)/articles/31")

    static let lawEntry = API.KnowledgeEntryBody(id: law, kind: "law", kindLabel: "法律法规", title: "中华人民共和国法律援助法", body: "", published: true,
                                                 version: 1, views: 12, updatedAt: day, publishedAt: day, url: "/knowledge/\(law.uuidString)", articles: nil)

    func render(_ page: some PageView, path: String, as account: AccountModel? = nil) -> String {
        Mock.lines(page.render(in: Mock.context(account, path: path)))
    }

    func test_theDeskWhenClosed_saysWhenItOpensAndWhenAWrittenQuestionIsAnswered() {
        let page = ConsultPage(deskName: "示范区法律援助中心",
                               availability: .closed(opens: chinaNoon("2026-03-11").addingTimeInterval(-3 * 3600), hours: "工作日 09:00–12:00、13:30–17:30",
                                                     replyBy: chinaNoon("2026-03-12")),
                               signedIn: false)
        assertSnapshot(of: render(page, path: SiteURL.consult.path), as: .lines)
    }

    func test_anOpenedSMSLink_postsItsKeyOnce() {
        assertSnapshot(of: render(ConsultationOpenPage(id: Self.village), path: SiteURL.consultationOpen(.value(Self.village)).path), as: .lines)
    }

    func test_smartConsultation_answersWithTheArticleAndShowsTheWordsMatched() {
        let item = API.KnowledgeItem(id: Self.law, kind: "law", kindLabel: "法律法规", title: "中华人民共和国法律援助法 第三十一条", article: 31,
                                     url: Self.article.url, snippet: "因经济困难没有委托代理人的，可以向法律援助机构申请法律援助",
                                     titlePieces: [API.TextPiece(text: "中华人民共和国法律援助法 第三十一条", matched: false)],
                                     snippetPieces: [API.TextPiece(text: "因", matched: false), API.TextPiece(text: "经济困难", matched: true),
                                                     API.TextPiece(text: "没有委托代理人的，可以向法律援助机构申请", matched: false), API.TextPiece(text: "法律援助", matched: true)],
                                     published: true, version: 1, views: 12, updatedAt: Self.day, publishedAt: Self.day)
        let page = KnowledgeAskPage(question: "家里困难请不起律师怎么办", items: [item], answered: true,
                                    reasons: [[(said: "请不起律师", found: "法律援助"), (said: "困难", found: "困难")]])
        assertSnapshot(of: render(page, path: SiteURL.knowledgeAsk.path), as: .lines)
    }

    func test_oneArticleOfALaw_withItsChapter() {
        let page = LawArticlePage(law: Self.lawEntry, article: Self.article, previous: nil, next: nil)
        assertSnapshot(of: render(page, path: Self.article.url), as: .lines)
    }

    func test_aVillagesEntry_withItsAdviser_closedNow() {
        let page = DirectoryEntryPage(item: Self.institution(open: false), people: [Self.person], children: [], editor: false)
        assertSnapshot(of: render(page, path: Self.institution().url), as: .lines)
    }

    func test_theVillageNoticeForTheBoard_onOneA4Page() {
        let page = AdviserNoticePage(village: Self.institution(), advisers: [Self.person], pageAddress: "https://fayuan.example.cn/directory/\(Self.village.uuidString)")
        assertSnapshot(of: render(page, path: SiteURL.directoryNotice(.value(Self.village)).path), as: .lines)
    }

    func test_aLabourDisputesGuide_theLawForTheirWords_whatToDoFirst_mediation_andTheOtherRoutes() {
        let law = [API.KnowledgeItem(id: Self.law, kind: "law", kindLabel: "法律法规", title: "中华人民共和国劳动合同法 第三十条", article: 30,
                                     url: "/knowledge/\(Self.law.uuidString)/articles/30", snippet: "用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。",
                                     titlePieces: nil, snippetPieces: nil, published: true, version: 1, views: 0, updatedAt: Self.day, publishedAt: Self.day)]
        let page = DisputeGuidePage(guide: .guide(.labour), typed: "老板拖欠工资三个月", law: law, routes: RoutesStillOpen.routes(for: .labour))
        assertSnapshot(of: render(page, path: SiteURL.dispute(.value(.labour)).path), as: .lines)
    }
}
