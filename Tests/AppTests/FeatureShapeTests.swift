import XCTVapor
import XCTest
@testable import App
@testable import LegalAidCore
@testable import DeskCore

/// Features meet only through `Feature`: the navigation and the home page are assembled from
/// every feature's contributions, and two contributions never claim the same place.
final class FeatureShapeTests: XCTestCase {
    func viewers(_ test: TestApp) async throws -> [(String, NavigationViewer)] {
        var viewers: [(String, NavigationViewer)] = [("anonymous", NavigationViewer(account: nil))]
        for role in Role.allCases where role != .citizen {
            let account = try await test.addStaff("shape_\(role.rawValue)", role: role, organisation: "示范区法律援助中心")
            viewers.append((role.rawValue, NavigationViewer(account: account)))
        }
        let citizen = try await test.account(AccountModel.citizenUsername(phone: MobileNumber.parse(DemoSeed.citizenPhone)!))
        viewers.append(("citizen", NavigationViewer(account: citizen)))
        return viewers
    }

    func test_navigationRanksAndHomeCardRanksAreUniqueForEveryKindOfViewer() async throws {
        try await withTestApp { test in
            let reference = try await test.app.fayuan.referenceData(on: test.db)
            for (name, viewer) in try await viewers(test) {
                let links = test.app.navigation(for: viewer)
                XCTAssertEqual(Set(links.map(\.rank)).count, links.count, "\(name): \(links.map { "\($0.rank) \($0.title)" })")
                let home = HomeContext(viewer: viewer, reference: reference, now: Date(), settings: test.app.fayuan.settings)
                let cards = test.app.features.flatMap { $0.homeCards(home) }
                for placement in [HomeCard.Placement.top, .grid] {
                    let ranks = cards.filter { $0.placement == placement }.map(\.rank)
                    XCTAssertEqual(Set(ranks).count, ranks.count, "\(name): home card ranks \(ranks)")
                }
                XCTAssertFalse(cards.isEmpty, name)
            }
        }
    }

    func test_eachPersonLandsWhereTheirWorkIs_afterSigningInOrRegistering() async throws {
        try await withTestApp { test in
            let staff = try await test.account("shequ1")
            XCTAssertEqual(test.app.landing(for: staff), SiteURL.workbench.path)
            let citizen = try await test.account(AccountModel.citizenUsername(phone: MobileNumber.parse(DemoSeed.citizenPhone)!))
            XCTAssertEqual(test.app.landing(for: citizen), SiteURL.myApplications.path)
            XCTAssertEqual(test.app.landing(for: citizen, justRegistered: true), SiteURL.newApplication.path)
        }
    }

    func test_everyFeaturesMessages_haveTemplateNamesOfTheirOwn_andAskForAProviderCodeEach() throws {
        let kinds = features.flatMap(\.messages)
        XCTAssertEqual(Set(kinds.map(\.template)).count, kinds.count, "a template name is one feature's")
        XCTAssertTrue(kinds.contains { $0.template == SignInCode.template } && kinds.contains { $0.template == LawyerAssigned.template }
                      && kinds.contains { $0.template == ConsultationCallback.template }, "the platform's, legal aid's and the desk's")
        for kind in kinds {
            XCTAssertFalse(kind.sms.contains("【"), kind.template)
            XCTAssertLessThanOrEqual(kind.sms.count, 140, kind.template)
        }
        XCTAssertEqual(Notice(SignInCode(code: "123456")).sms, "【法援在线】您的登录验证码是123456，5分钟内有效。请勿告诉他人，工作人员不会向您索要验证码。")
        XCTAssertNil(Notice(PhoneCode(code: "123456")).body, "a code goes by SMS only")
        XCTAssertEqual(MessageCatalogue.kind(PhoneCode.template)?.sendWithin, 300)
    }
}
