import XCTest
@testable import LegalAidCore

final class ValidationTests: XCTestCase {
    func test_residentIDChecksLengthDigitsBirthDateAndCheckDigit() {
        let cases: [(String, ResidentID.Problem?)] = [
            ("11010519491231002X", nil),          // GB 11643 sample
            ("11010519491231002x", nil),          // lower-case x accepted
            ("110105194912310021", .checkDigit),
            ("1101051949123100", .length),
            ("11010519491231A02X", .characters),
            ("110105194913310024", .birthDate),   // month 13
        ]
        for (input, expected) in cases {
            switch ResidentID.parse(input) {
            case .success: XCTAssertNil(expected, input)
            case .failure(let problem): XCTAssertEqual(problem, expected, input)
            }
        }
    }

    func test_residentIDIsMaskedToFirstThreeAndLastFour() throws {
        let id = try ResidentID.parse("11010519491231002X").get()
        XCTAssertEqual(id.masked, "110***********002X")
        XCTAssertEqual(id.birthDate, day("1949-12-31"))
        XCTAssertFalse(id.isMale)
    }

    func test_mobileNumberIsElevenDigitsStartingOneThreeToNine() {
        XCTAssertEqual(MobileNumber.parse("138 0013 8000")?.value, "13800138000")
        XCTAssertNil(MobileNumber.parse("12800138000"))
        XCTAssertNil(MobileNumber.parse("1380013800"))
        XCTAssertEqual(MobileNumber.parse("13800138000")?.masked, "138****8000")
    }

    func test_submissionNamesEveryMissingFieldInChinese() {
        let errors = ApplicationForm().validateForSubmission()
        let fields = Set(errors.map(\.field))
        for field in ["applicant.name", "applicant.idNumber", "applicant.phone", "applicant.address", "matter.type",
                      "matter.cause", "matter.facts", "matter.helpWanted", "household.members", "integrityPledge"] {
            XCTAssertTrue(fields.contains(field), field)
        }
        XCTAssertTrue(errors.allSatisfy { !$0.message.isEmpty && $0.message.unicodeScalars.contains { $0.value > 0x4E00 } })
    }

    func test_validFormHasNoErrors() {
        XCTAssertEqual(validForm().validateForSubmission(), [])
    }

    func test_agentMustBeComplete() {
        var form = validForm()
        var agent = ApplicationForm.Agent()
        agent.name = "王代理"
        agent.phone = "123"
        form.agent = agent
        let fields = form.validateForSubmission().map(\.field)
        XCTAssertEqual(Set(fields), ["agent.idNumber", "agent.phone"])
    }

    func test_draftMayBeIncompleteButNotWrong() {
        var form = ApplicationForm()
        XCTAssertEqual(form.validateForDraft(), [])
        form.applicant.phone = "555"
        XCTAssertEqual(form.validateForDraft().map(\.field), ["applicant.phone"])
    }

    func test_householdIncomeIsAMonthlySumOfYuan_notAKeyboardSlip() {
        var form = validForm()
        form.household.monthlyIncomeYuan = ApplicationForm.Household.largestMonthlyIncomeYuan
        XCTAssertEqual(form.validateForSubmission(), [])
        form.household.monthlyIncomeYuan = ApplicationForm.Household.largestMonthlyIncomeYuan + 1
        XCTAssertEqual(form.validateForSubmission().map(\.field), ["household.monthlyIncomeYuan"])
        XCTAssertEqual(form.validateForDraft().map(\.field), ["household.monthlyIncomeYuan"], "a draft may be incomplete, not wrong")
    }

    func test_exemptionNeedsProofDescription() {
        var form = validForm()
        form.exemptions = [.minimumLivingAllowance]
        XCTAssertEqual(form.validateForSubmission().map(\.field), ["exemptionProof"])
    }
}
