import XCTest
@testable import DeskCore
import SpecSupport

/// What the desk tells the person who asked: one template each, filled from typed fields.
final class DeskMessagesTests: XCTestCase {
    func test_everyTemplateIsSampled_filledCompletely_andItsSMSIsShortAndSignedOnce() {
        let samples = [
            Notice(ConsultationCallback(topic: "劳动争议")),
            Notice(ConsultationReplied(topic: "劳动争议")),
            Notice(RatingRequest(link: "https://fayuan.example.cn/consult/1/open#key=k")),
            Notice(ConsultationToApplication(number: "FY2026-000001", place: "东城社区法律援助联系点")),
        ]
        XCTAssertEqual(messageProblems(samples, declared: ConsultationMessages.all), [])
        XCTAssertEqual(samples[2].sms, "【法援在线】感谢您使用12348公共法律服务。请对本次咨询服务评价：https://fayuan.example.cn/consult/1/open#key=k")
    }

    func test_theConversationSaysHowToFinishTheApplication_asTheAskerCan() {
        XCTAssertTrue(ConsultationToApplication.inConversation(number: "FY2026-000001", place: "东城社区", hasAccount: true).contains("我的申请"))
        XCTAssertTrue(ConsultationToApplication.inConversation(number: "FY2026-000001", place: "东城社区", hasAccount: false).contains("携带身份证件"))
    }
}
