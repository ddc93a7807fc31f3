import Foundation
import SnapshotTesting
import XCTest
@testable import App
@testable import MediationCore

/// The mediation pages rendered from fixed plain models, as `PageSnapshotTests`.
final class MediationPageSnapshotTests: XCTestCase {
    static let day = chinaNoon("2026-03-10")
    static let id = UUID(uuidString: "00000000-0000-0000-0000-00000000ED01")!
    static let applicant = UUID(uuidString: "00000000-0000-0000-0000-00000000ED02")!
    static let respondent = UUID(uuidString: "00000000-0000-0000-0000-00000000ED03")!
    static let mediatorID = UUID(uuidString: "00000000-0000-0000-0000-00000000ED04")!
    static let mediator = Mock.account("E4", "刘调解", [.mediator], at: Mock.point)

    func render(_ page: some PageView, path: String, as account: AccountModel? = nil) -> String {
        Mock.lines(page.render(in: Mock.context(account, path: path)))
    }

    static func party(_ id: UUID, applicant: Bool, rights: Bool) -> MediationPage.Party {
        MediationPage.Party(id: id, side: applicant ? "申请人" : "被申请人", respondent: !applicant, name: applicant ? "李示例" : "楼上王某",
                            organisation: false, agent: nil, phone: applicant ? "13900000001" : "13900000077", address: applicant ? nil : "幸福一社区3栋502",
                            delivery: applicant ? [] : ["3月10日 12:00邀请；短信已发出（3月10日 12:00）", "3月10日 15:00打开了答复链接"],
                            reply: applicant ? nil : "同意调解（3月10日 15:02）", rights: rights ? "3月11日 09:00已确认（在线确认）" : nil,
                            hasPhone: true, canReply: false)
    }

    func test_aMediationBeingSigned_forItsMediator() {
        let agreement = MediationPage.AgreementView(
            version: 1, facts: "楼上卫生间漏水致楼下天花板发霉。", terms: "一、王某于3月20日前修好防水；二、王某于3月31日前支付粉刷费1500元。", oral: false, sealedAt: nil,
            signatures: ["李示例（短信验证码确认，3月12日 10:00）"], unsigned: [(Self.respondent, "楼上王某", false), (Self.mediatorID, "刘调解", true)], effective: false)
        let page = MediationPage(
            id: Self.id, number: "（2026）幸调字第0007号", version: 6, type: "邻里纠纷", source: "当事人申请", state: .mediating, committee: "幸福一社区人民调解委员会",
            mediator: "刘调解", isTheMediator: true, works: true, facts: "楼上卫生间漏水三个月。", claims: "修好防水并赔偿2000元", language: nil, createdAt: Self.day,
            due: "调解期限 2026年4月10日（剩29天）", extensionReason: nil, canExtend: true, endedReason: nil, effective: nil, oral: false, confirmationDue: nil,
            courtAnswer: nil, returnVisit: nil, performed: nil, escalation: [], escalationOpen: false, escalationFollowUp: nil,
            parties: [Self.party(Self.applicant, applicant: true, rights: true), Self.party(Self.respondent, applicant: false, rights: true)],
            sessions: [MediationPage.Session(startsAt: Self.day, place: "幸福一社区调解室", video: false, kind: "共同调解", attended: ["李示例", "楼上王某"],
                                             record: "双方陈述漏水经过。", mediator: "刘调解")],
            agreement: agreement, recommended: [(Self.mediatorID, "刘调解", "擅长邻里纠纷，在办2件")], routes: [], points: [],
            steps: [MediationPage.Step(at: Self.day, actor: "李示例", what: "登记调解", note: "当事人申请")])
        assertSnapshot(of: render(page, path: SiteURL.mediation(.value(Self.id)).path, as: Self.mediator), as: .lines)
    }

    func test_theOtherSidesPage_askedToAnswerByTheDeadline() {
        let page = MediationPartyPage(
            party: Self.respondent, mediationID: Self.id, version: 1, name: "楼上王某", side: .respondent, number: "（2026）幸调字第0007号", type: "邻里纠纷",
            state: .awaitingReply, committee: "幸福一社区人民调解委员会", committeePhone: "010-68511000", mediator: nil, applicant: "李示例",
            facts: "楼上卫生间漏水三个月。", claims: "修好防水并赔偿2000元", replyDue: "2026年3月17日", mayReply: true, reply: nil, rightsAcknowledged: false,
            mayAcknowledge: false, endedReason: nil, routes: [], agreement: nil, confirmationDue: nil, due: "对方答复期限 2026年3月17日")
        assertSnapshot(of: render(page, path: SiteURL.mediationParty(.value(Self.respondent)).path), as: .lines)
    }

    func test_theAgreement_onA4() {
        let page = AgreementPrintPage(
            number: "（2026）幸调字第0007号", version: 2, committee: "幸福一社区人民调解委员会", type: "邻里纠纷",
            parties: [AgreementPrintPage.Party(side: "申请人", name: "李示例", organisation: false, agent: nil, signedAt: Self.day, onPaper: false),
                      AgreementPrintPage.Party(side: "被申请人", name: "楼上王某", organisation: false, agent: "王小某（儿子）", signedAt: Self.day, onPaper: true)],
            facts: "楼上卫生间漏水致楼下天花板发霉。", terms: "一、王某于3月20日前修好防水。", mediator: "刘调解", mediatorSignedAt: Self.day, sealedAt: Self.day,
            superseded: false, confirmationDue: "2026年4月9日")
        assertSnapshot(of: render(page, path: SiteURL.mediationAgreementPrint(.value(Self.id)).path, as: Self.mediator), as: .lines)
    }
}
