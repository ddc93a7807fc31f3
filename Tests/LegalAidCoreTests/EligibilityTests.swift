import XCTest
@testable import LegalAidCore

/// 法律援助法 第31–34条、第42条: every finding names the rule that made it.
final class EligibilityTests: XCTestCase {
    let thresholds = IncomeThresholdTable([
        IncomeThreshold(region: "*", effectiveFrom: day("2024-01-01"), monthlyPerCapitaYuan: 1000, source: "fallback"),
        IncomeThreshold(region: "990101", effectiveFrom: day("2025-01-01"), monthlyPerCapitaYuan: 1200, source: "示范省2025年标准"),
        IncomeThreshold(region: "990101", effectiveFrom: day("2026-07-01"), monthlyPerCapitaYuan: 1500, source: "示范省2026年标准"),
    ])

    func assess(_ form: ApplicationForm, on iso: String = "2026-03-01") -> EligibilityFinding {
        Eligibility.assess(form, region: "990101", on: day(iso), thresholds: thresholds)
    }

    func test_incomeAtOrBelowThresholdQualifies_art34() {
        var form = validForm()
        form.household.members = 2
        form.household.monthlyIncomeYuan = 2400 // 1200 per head = threshold
        let finding = assess(form)
        XCTAssertEqual(finding.outcome, .eligible)
        XCTAssertEqual(finding.rule, "art34.belowThreshold")
        XCTAssertTrue(finding.explanation.contains("1200"))
    }

    func test_incomeAboveThresholdDoesNotQualify_art34() {
        var form = validForm()
        form.household.members = 1
        form.household.monthlyIncomeYuan = 5000
        XCTAssertEqual(assess(form).outcome, .ineligible)
        XCTAssertEqual(assess(form).rule, "art34.aboveThreshold")
    }

    /// Issue #23 item 25: ticking 家庭暴力 alone brings 第32条 before the reviewer, instead of a
    /// means-test refusal the law does not allow for a victim claiming related rights.
    func test_aVictimOfDomesticViolenceWhoDidNotChooseTheGround_isNotRefusedOnMeans_butShownArt32() {
        var form = validForm()
        form.household.members = 1
        form.household.monthlyIncomeYuan = 9000
        form.exemptions = []
        form.priorities = []
        XCTAssertEqual(assess(form).outcome, .ineligible, "above the standard, on means alone")
        form.priorities = [.domesticViolence]
        XCTAssertEqual(form.suggestedMeansFreeGround, .abuseAbandonmentDomesticViolence)
        let finding = assess(form)
        XCTAssertEqual(finding.outcome, .needsReview, "not ineligible on income")
        XCTAssertEqual(finding.rule, "art32.possible")
        XCTAssertEqual(finding.article, "法律援助法第32条")
        XCTAssertTrue(finding.explanation.contains("家庭暴力"), finding.explanation)

        form.meansFreeGround = .abuseAbandonmentDomesticViolence
        XCTAssertEqual(assess(form).outcome, .eligible, "the ground chosen: no means test")
        form.meansFreeGround = nil
        form.priorities = [.landExpropriation]
        XCTAssertNil(form.suggestedMeansFreeGround)
    }

    func test_thresholdIsTheOneInForceOnTheDay() {
        var form = validForm()
        form.household.members = 1
        form.household.monthlyIncomeYuan = 1400
        XCTAssertEqual(assess(form, on: "2026-06-30").outcome, .ineligible)
        XCTAssertEqual(assess(form, on: "2026-07-01").outcome, .eligible)
    }

    func test_regionWithoutItsOwnStandardUsesFallback() {
        var form = validForm()
        form.household.members = 1
        form.household.monthlyIncomeYuan = 1100
        let finding = Eligibility.assess(form, region: "880000", on: day("2026-03-01"), thresholds: thresholds)
        XCTAssertEqual(finding.outcome, .ineligible)
        XCTAssertTrue(finding.explanation.contains("fallback"))
    }

    func test_migrantWorkerWageClaimSkipsHardshipCheck_art42() {
        var form = validForm()
        form.household.monthlyIncomeYuan = 99_999
        form.exemptions = [.migrantWorkerWagesOrInjury]
        let finding = assess(form)
        XCTAssertEqual(finding.outcome, .eligible)
        XCTAssertEqual(finding.rule, "art42.migrantWorkerWagesOrInjury")
        XCTAssertTrue(finding.greenChannel)
    }

    func test_migrantWorkerExemptionDoesNotCoverOtherMatters_art42() {
        var form = validForm()
        form.matter.type = .trafficAccident
        form.household.members = 1
        form.household.monthlyIncomeYuan = 99_999
        form.exemptions = [.migrantWorkerWagesOrInjury]
        XCTAssertEqual(assess(form).rule, "art34.aboveThreshold")
    }

    func test_minimumLivingAllowanceAndLegalAidCardSkipHardshipCheck() {
        for exemption in [HardshipExemption.minimumLivingAllowance, .extremePoverty, .fiveGuarantees, .legalAidCard, .veteranBenefits] {
            var form = validForm()
            form.household.monthlyIncomeYuan = nil
            form.exemptions = [exemption]
            XCTAssertEqual(assess(form).outcome, .eligible, exemption.rawValue)
            XCTAssertEqual(assess(form).rule, "art42.\(exemption.rawValue)")
        }
    }

    func test_domesticViolenceVictimQualifiesRegardlessOfMeans_art32() {
        var form = validForm()
        form.matter.type = .support
        form.household.monthlyIncomeYuan = 99_999
        form.meansFreeGround = .abuseAbandonmentDomesticViolence
        form.priorities = [.domesticViolence]
        let finding = assess(form)
        XCTAssertEqual(finding.outcome, .eligible)
        XCTAssertEqual(finding.article, "法律援助法第32条")
        XCTAssertEqual(finding.priorities, [.domesticViolence])
    }

    func test_matterOutsideTheListNeedsReview_art31() {
        var form = validForm()
        form.matter.type = .other
        XCTAssertEqual(assess(form).outcome, .needsReview)
        XCTAssertEqual(assess(form).rule, "art31.other")
    }

    func test_petitionsAndCriminalDefenceAreCovered_art33_art24() {
        for matter in [MatterType.petitionOrRetrial, .criminalDefence, .criminalVictim] {
            var form = validForm()
            form.matter.type = matter
            XCTAssertEqual(assess(form).outcome, .eligible, matter.rawValue)
        }
    }

    func test_missingIncomeLeavesItToTheReviewer() {
        var form = validForm()
        form.household.monthlyIncomeYuan = nil
        XCTAssertEqual(assess(form).outcome, .needsReview)
    }

    // 第32条 does not depend on 第31条's list: a divorce sought by a victim of domestic
    // violence qualifies whatever the means.
    func test_domesticViolenceVictimSeekingDivorceQualifiesWhateverTheMatterType_art32() {
        for matter in [MatterType.divorce, .familyDispute, .other] {
            var form = validForm()
            form.matter.type = matter
            form.household.monthlyIncomeYuan = 99_999
            form.meansFreeGround = .abuseAbandonmentDomesticViolence
            let finding = assess(form)
            XCTAssertEqual(finding.outcome, .eligible, "\(matter)")
            XCTAssertEqual(finding.rule, "art32.abuseAbandonmentDomesticViolence", "\(matter)")
            XCTAssertEqual(finding.article, "法律援助法第32条")
        }
    }

    func test_divorceWithoutAMeansFreeGroundNeedsReviewUnderItem9_art31() {
        var form = validForm()
        form.matter.type = .divorce
        let finding = assess(form)
        XCTAssertEqual(finding.outcome, .needsReview)
        XCTAssertEqual(finding.article, "法律援助法第31条第（九）项")
        XCTAssertTrue(finding.explanation.contains("离婚纠纷"))
    }

    func test_familyMattersAreOfferedBeforeOther() {
        let all = MatterType.allCases
        XCTAssertLessThan(all.firstIndex(of: .divorce)!, all.firstIndex(of: .other)!)
        XCTAssertLessThan(all.firstIndex(of: .familyDispute)!, all.firstIndex(of: .other)!)
    }
}
