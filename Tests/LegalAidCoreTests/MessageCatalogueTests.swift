import XCTest
@testable import LegalAidCore

/// Every text sent to a person comes from the catalogue: each SMS starts with the signature
/// once, needs only placeholders the message carries, and carries no case facts.
final class MessageCatalogueTests: XCTestCase {
    func test_everyTemplateNamesItsPlaceholders_andTheSMSNeedsNoMoreThanTheMessageHas() {
        for template in MessageTemplate.allCases {
            XCTAssertTrue(Set(template.smsPlaceholders).isSubset(of: template.placeholders), "\(template)")
            XCTAssertFalse(template.sms.contains("【"), "\(template): the signature is added once, by the catalogue")
            XCTAssertLessThanOrEqual(template.sms.count, 70 * 2, "\(template): at most two SMS segments")
        }
    }

    func test_aNoticeFillsEveryPlaceholder_andSendsTheProviderOnlyWhatTheSMSUses() {
        let notice = Notice(.caseProgress, ["number": "FY2026-000001", "kind": "会见", "note": "已会见当事人，讨论了证据"])
        XCTAssertEqual(notice.title, "案件进展：会见")
        XCTAssertEqual(notice.body, "会见：已会见当事人，讨论了证据")
        XCTAssertEqual(notice.sms, "【法援在线】您的法律援助案件（FY2026-000001）有新进展：会见。详情请登录查看或联系承办律师。")
        XCTAssertEqual(notice.smsParameters, ["number": "FY2026-000001", "kind": "会见"], "the lawyer's note never goes by SMS")
        for template in MessageTemplate.allCases {
            let values = Dictionary(uniqueKeysWithValues: template.placeholders.map { ($0, "x") })
            let filled = Notice(template, values)
            XCTAssertFalse(filled.sms.contains("${"), "\(template)")
            XCTAssertFalse((filled.body ?? "").contains("${"), "\(template)")
        }
    }

    func test_aSignInCodeIsWorthSendingForFiveMinutes_otherMessagesForADay() {
        XCTAssertEqual(MessageTemplate.signInCode.sendWithin, 300)
        XCTAssertEqual(MessageTemplate.caseClosed.sendWithin, 86_400)
    }
}
