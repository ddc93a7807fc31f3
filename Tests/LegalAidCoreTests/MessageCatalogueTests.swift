import XCTest
@testable import LegalAidCore

/// Every text sent to a person is a template its domain declares, with its placeholders as typed
/// fields: each SMS starts with the signature once, is filled completely, and carries no case facts.
final class MessageCatalogueTests: XCTestCase {
    /// One of every template legal aid sends.
    let samples: [Notice] = [
        Notice(ApplicationProgress(state: "已提交", number: "FY2026-000001", happened: "已提交", next: "街道工作站将进行初审。")),
        Notice(LawyerAssigned(number: "FY2026-000001", lawyer: "王某")),
        Notice(AidTerminated(number: "FY2026-000001")),
        Notice(CaseTransferred(number: "FY2026-000001", centre: "示范市法律援助中心")),
        Notice(CaseClosed(number: "FY2026-000001")),
        Notice(CaseProgress(number: "FY2026-000001", kind: "会见", note: "已会见当事人")),
        Notice(LawyerChangeRefused(number: "FY2026-000001", reason: "律师已尽职")),
        Notice(ObjectionFiled(number: "FY2026-000001", subject: "不予法律援助决定", due: "2026年3月9日")),
        Notice(ObjectionDecided(number: "FY2026-000001", outcome: "维持")),
        Notice(UrgentAidGiven(number: "FY2026-000001", paperworkBy: "2026年3月9日")),
        Notice(PaperworkDue(number: "FY2026-000001", due: "2026年3月9日")),
        Notice(PaperworkOverdue(number: "FY2026-000001", due: "2026年3月9日")),
        Notice(LookupPaused(number: "FY2026-000001")),
    ]

    func test_everyTemplateIsSampled_filledCompletely_andItsSMSIsShortAndSignedOnce() {
        XCTAssertEqual(messageProblems(samples, declared: LegalAidMessages.all), [])
    }

    func test_aNoticeSendsTheProviderOnlyWhatTheSMSUses() {
        let notice = Notice(CaseProgress(number: "FY2026-000001", kind: "会见", note: "已会见当事人，讨论了证据"))
        XCTAssertEqual(notice.title, "案件进展：会见")
        XCTAssertEqual(notice.body, "会见：已会见当事人，讨论了证据")
        XCTAssertEqual(notice.sms, "【法援在线】您的法律援助案件（FY2026-000001）有新进展：会见。详情请登录查看或联系承办律师。")
        XCTAssertEqual(notice.smsParameters, ["number": "FY2026-000001", "kind": "会见"], "the lawyer's note never goes by SMS")
    }

    func test_aMessageIsWorthSendingForADayUnlessItSaysOtherwise() {
        XCTAssertEqual(CaseClosed.sendWithin, 86_400)
        XCTAssertEqual(Notice(CaseClosed(number: "FY2026-000001")).kind.sendWithin, 86_400)
    }
}
