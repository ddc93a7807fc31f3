import MediationCore
import SpecSupport
import XCTest

/// 人民调解法 第28–30条: the written agreement, its signatures and its seal.
final class AgreementTests: XCTestCase {
    let applicant = Signatory(id: UUID(), role: .party, name: "张某")
    let respondent = Signatory(id: UUID(), role: .party, name: "李某")
    let mediator = Signatory(id: UUID(), role: .mediator, name: "王调解员")

    func agreement() -> Agreement {
        Agreement(terms: "李某于2026年4月30日前一次性赔偿张某修缮费人民币三千元。", signatories: [applicant, respondent, mediator])
    }

    // 第29条: 自各方当事人签名……人民调解员签名并加盖人民调解委员会印章之日起生效.
    func test_itTakesEffectOnlyWhenEverySignatoryHasSigned_andTheCommitteeSealed() throws {
        var written = agreement()
        try written.sign(applicant, at: noon("2026-04-01"), method: .onScreen)
        try written.sign(respondent, at: noon("2026-04-01"), method: .onPaper(scan: UUID()))
        XCTAssertThrowsError(try written.seal(at: noon("2026-04-01"))) { XCTAssertEqual($0 as? MediationError, .sealBeforeSignatures) }
        XCTAssertFalse(written.isEffective)
        try written.sign(mediator, at: noon("2026-04-02"), method: .onScreen)
        XCTAssertFalse(written.isEffective, "signed but not sealed")
        try written.seal(at: noon("2026-04-02"))
        XCTAssertTrue(written.isEffective)
        XCTAssertEqual(written.effectiveAt, noon("2026-04-02"))
    }

    func test_aPartyCannotSignTwice_andNobodyElseCanSign() throws {
        var written = agreement()
        try written.sign(applicant, at: noon("2026-04-01"), method: .onScreen)
        XCTAssertThrowsError(try written.sign(applicant, at: noon("2026-04-01"), method: .onScreen)) {
            XCTAssertEqual($0 as? MediationError, .alreadySigned(who: "张某"))
        }
        XCTAssertThrowsError(try written.sign(Signatory(id: UUID(), role: .party, name: "赵某"), at: noon("2026-04-01"), method: .onScreen)) {
            XCTAssertEqual($0 as? MediationError, .notASignatory(who: "赵某"))
        }
        XCTAssertEqual(written.unsigned.map(\.name), ["李某", "王调解员"])
    }

    func test_aChangeAfterASignature_isANewVersionEveryoneSignsAgain() throws {
        var written = agreement()
        try written.change(terms: "李某于2026年5月15日前赔偿三千元。")
        try written.sign(applicant, at: noon("2026-04-01"), method: .onScreen)
        XCTAssertThrowsError(try written.change(terms: "改为两千元")) { XCTAssertEqual($0 as? MediationError, .changedAfterSigning) }
        let second = written.newVersion(terms: "李某于2026年5月15日前赔偿两千元。")
        XCTAssertEqual(second.version, 2)
        XCTAssertEqual(second.unsigned.count, 3, "every signature again")
    }

    // 第30条: 口头调解协议自各方当事人达成协议之日起生效.
    func test_anOralAgreementForASimpleMatter_takesEffectWhenReached() {
        let oral = Agreement(terms: "双方同意各自修剪越界树枝。", signatories: [applicant, respondent, mediator], oral: true)
        XCTAssertTrue(oral.isEffective)
    }

    // 人民调解工作若干规定: the parties are told their rights and duties before mediating.
    func test_noSessionBeforeEveryPartyHasAcknowledgedTheirRightsAndDuties() throws {
        let parties = [applicant, respondent, mediator]
        XCTAssertThrowsError(try RightsNotice.checkBeforeSession(parties: parties, acknowledged: [applicant.id])) {
            XCTAssertEqual($0 as? MediationError, .rightsNotAcknowledged(parties: ["李某"]))
        }
        XCTAssertNoThrow(try RightsNotice.checkBeforeSession(parties: parties, acknowledged: [applicant.id, respondent.id]),
                         "the mediator acknowledges nothing")
    }
}
