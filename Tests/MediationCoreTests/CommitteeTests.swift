import MediationCore
import SpecSupport
import XCTest

/// Which committee takes a dispute, and which of its mediators is suggested.
final class CommitteeTests: XCTestCase {
    let xingfu = UUID(), heping = UUID(), street = UUID()
    lazy var committees = [
        Committee(id: UUID(), name: "幸福社区人民调解委员会", level: .village, place: xingfu),
        Committee(id: UUID(), name: "和平社区人民调解委员会", level: .village, place: heping),
        Committee(id: UUID(), name: "幸福街道人民调解委员会", level: .street, place: street),
        Committee(id: UUID(), name: "区道路交通事故纠纷人民调解委员会", level: .industry, place: nil, disputeTypes: [.traffic]),
    ]

    func test_anIndustryCommitteeTakesItsOwnKind_elseWhereTheRespondentLives_thenTheApplicant_thenTheStreet() {
        let places = CommitteeFinder.Places(applicant: (xingfu, street), respondent: (heping, street))
        XCTAssertEqual(CommitteeFinder.find(.traffic, places: places, among: committees)?.name, "区道路交通事故纠纷人民调解委员会")
        XCTAssertEqual(CommitteeFinder.find(.neighbour, places: places, among: committees)?.name, "和平社区人民调解委员会")
        let respondentElsewhere = CommitteeFinder.Places(applicant: (xingfu, street), respondent: (UUID(), nil))
        XCTAssertEqual(CommitteeFinder.find(.family, places: respondentElsewhere, among: committees)?.name, "幸福社区人民调解委员会")
        let onlyStreet = CommitteeFinder.Places(applicant: (UUID(), street), respondent: (nil, nil))
        XCTAssertEqual(CommitteeFinder.find(.debt, places: onlyStreet, among: committees)?.name, "幸福街道人民调解委员会")
        XCTAssertNil(CommitteeFinder.find(.debt, places: .init(applicant: (nil, nil), respondent: (nil, nil)), among: committees))
    }

    // 第24条: a party may ask for a mediator to step aside; the one they objected to is not suggested again.
    func test_aMediatorWhoKnowsTheKindComesFirst_thenOneWhoSpeaksTheLanguage_thenTheLeastLoaded() {
        let committee = UUID()
        let mediators = [
            MediatorProfile(id: UUID(), name: "甲", committee: committee, specialities: [], openMediations: 0),
            MediatorProfile(id: UUID(), name: "乙", committee: committee, specialities: [.family], openMediations: 5),
            MediatorProfile(id: UUID(), name: "丙", committee: committee, specialities: [.family], languages: ["粤语"], openMediations: 6),
            MediatorProfile(id: UUID(), name: "丁", committee: UUID(), specialities: [.family], openMediations: 0),
        ]
        XCTAssertEqual(MediatorRecommendation.rank(mediators, committee: committee, type: .family).map(\.name), ["乙", "丙", "甲"])
        XCTAssertEqual(MediatorRecommendation.rank(mediators, committee: committee, type: .family, language: "粤语").map(\.name), ["丙", "乙", "甲"])
        XCTAssertEqual(MediatorRecommendation.rank(mediators, committee: committee, type: .family, excluding: [mediators[1].id]).map(\.name), ["丙", "甲"])
    }
}
