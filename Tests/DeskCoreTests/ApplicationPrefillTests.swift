import Foundation
import XCTest
@testable import DeskCore
import SpecSupport

/// A consultation turned into a legal aid application (DOMAIN §4, issue #12 item 6): the person
/// is not asked again for what they already told the desk.
final class ApplicationPrefillTests: XCTestCase {
    func test_whatThePersonSaidBecomesTheFacts_andTheMatterItsLegalCause() {
        let form = ApplicationPrefill.form(name: "赵建国", phone: "13900000001", topic: .labour,
                                           askerSaid: ["老板拖欠我三个月工资。", "  ", "一共一万二千元，有考勤记录。"],
                                           staffNote: "请求支付拖欠的劳动报酬")
        XCTAssertEqual(form.applicant.name, "赵建国")
        XCTAssertEqual(form.applicant.phone, "13900000001")
        XCTAssertEqual(form.matter.type, .labourWages)
        XCTAssertEqual(form.matter.cause, "追索劳动报酬纠纷", "a legal cause (issue #23 item 26), not the desk's topic label")
        XCTAssertEqual(ApplicationPrefill.form(name: "", phone: nil, topic: .trafficAccident, askerSaid: [], staffNote: nil).matter.cause, "机动车交通事故责任纠纷")
        XCTAssertEqual(ApplicationPrefill.form(name: "", phone: nil, topic: .marriageFamily, askerSaid: [], staffNote: nil).matter.cause, "",
                       "several causes are possible: staff choose it with the person")
        XCTAssertEqual(form.matter.facts, "老板拖欠我三个月工资。\n一共一万二千元，有考勤记录。")
        XCTAssertEqual(form.matter.helpWanted, "请求支付拖欠的劳动报酬")
    }

    func test_aPrefilledDraftIsAValidDraftButNotYetASubmission() {
        let form = ApplicationPrefill.form(name: "赵建国", phone: "13900000001", topic: .labour, askerSaid: ["老板拖欠我三个月工资，共一万二千元。"], staffNote: nil)
        XCTAssertEqual(form.validateForDraft(), [])
        let missing = Set(form.validateForSubmission().map(\.field))
        XCTAssertTrue(missing.isSuperset(of: ["applicant.idNumber", "applicant.address", "integrityPledge"]),
                      "the ID number, address and pledge are the person's own to give")
    }

    func test_aFormOfAddressIsNotTakenForALegalName() {
        for name in ["王女士", "李大爷", "来电群众", "张先生"] {
            XCTAssertEqual(ApplicationPrefill.form(name: name, phone: nil, topic: .other, askerSaid: [], staffNote: nil).applicant.name, "", name)
        }
        XCTAssertEqual(ApplicationPrefill.form(name: "王秀英", phone: nil, topic: .other, askerSaid: [], staffNote: nil).applicant.name, "王秀英")
    }

    func test_onlyClearTopicsChooseTheCaseType() {
        XCTAssertEqual(ConsultationTopic.trafficAccident.matterType, .trafficAccident)
        XCTAssertEqual(ConsultationTopic.marriageFamily.matterType, .familyDispute)
        XCTAssertNil(ConsultationTopic.criminal.matterType, "defence or victim: the person says which")
        XCTAssertNil(ConsultationTopic.lending.matterType)
        XCTAssertEqual(ApplicationPrefill.form(name: "", phone: nil, topic: .other, askerSaid: [], staffNote: nil).matter.cause, "")
    }

    func test_aLongConversationIsCutToTheFactsFieldAndABadNumberIsLeftOut() {
        let long = String(repeating: "事", count: 5000)
        let form = ApplicationPrefill.form(name: "", phone: "12345", topic: .tort, askerSaid: [long], staffNote: nil)
        XCTAssertEqual(form.matter.facts.count, ApplicationPrefill.maxFacts)
        XCTAssertTrue(form.matter.facts.hasSuffix("…"))
        XCTAssertEqual(form.applicant.phone, "")
    }
}
