import Foundation
import SnapshotTesting
import XCTest
@testable import App
@testable import DirectoryCore
@testable import LegalAidCore

/// The directory's pages — the public guide, the nearest finder, the people and the bureau's
/// management and import — from the fixed institution and adviser of `PublicPageSnapshotTests`.
final class DirectoryPageSnapshotTests: XCTestCase {
    typealias Fixture = PublicPageSnapshotTests
    static let editor = Mock.account("A7", "冯管理", [.supervisor], at: Mock.bureau)

    func render(_ page: some PageView, path: String, as account: AccountModel? = nil) -> String {
        Mock.lines(page.render(in: Mock.context(account, path: path)))
    }

    func test_theGuide_searchedForAVillageAdviser_oneFound() {
        let page = DirectoryListPage(filter: .init(service: .legalAdviser, query: "幸福"), streets: ["幸福街道", "和平街道"],
                                     items: [Fixture.institution()], pager: "", total: 1)
        assertSnapshot(of: render(page, path: SiteURL.directory.path), as: .lines)
    }

    func test_theNearest_fromAChosenVillage_openOnly() {
        let page = DirectoryNearestPage(kind: nil, service: .legalAid, openOnly: true, places: [(id: Fixture.village, label: "幸福村")],
                                        chosenPlace: Fixture.village, originLabel: "幸福村", origin: GeoPoint(latitude: 39.9, longitude: 116.4)!,
                                        results: [API.NearbyInstitution(institution: Fixture.institution(), metres: 850, distance: "约850米")])
        assertSnapshot(of: render(page, path: SiteURL.directoryNearest.path), as: .lines)
    }

    func test_thePeople_villageAdvisersOnLabourMatters() {
        let page = DirectoryPeoplePage(role: .villageAdviser, area: .labour, query: "", items: [Fixture.person], pager: "", total: 1)
        assertSnapshot(of: render(page, path: SiteURL.directoryPeople.path), as: .lines)
    }

    func test_theBureausManagement_list() {
        let page = DirectoryManagePage(query: "", items: [Fixture.institution()], people: [Fixture.person], pager: "")
        assertSnapshot(of: render(page, path: SiteURL.directoryManage.path, as: Self.editor), as: .lines)
    }

    func test_anInstitutionForm_withTheCoordinatesRefused() {
        var form = InstitutionFormPage.Form()
        form.name = "幸福村村民委员会"
        form.kind = OrganisationKind.villageCommittee.rawValue
        form.latitude = "91"
        var page = InstitutionFormPage(id: nil, form: form, parents: ["幸福街道司法所"], fixed: false)
        page.errors = FormErrors([FieldError(field: "latitude", code: "outOfRange", message: "纬度应在-90到90之间")])
        assertSnapshot(of: render(page, path: SiteURL.directoryManage.path, as: Self.editor), as: .lines)
    }

    func test_aPersonForm_forAVillageAdviser() {
        var form = PersonFormPage.Form()
        form.name = "许丽"
        form.role = DirectoryRole.villageAdviser.rawValue
        form.organisation = "示范律师事务所"
        form.serves = "幸福村村民委员会"
        let page = PersonFormPage(id: Fixture.adviser, form: form, organisations: ["示范律师事务所"], villages: ["幸福村村民委员会"], photoURL: nil)
        assertSnapshot(of: render(page, path: SiteURL.directoryManage.path, as: Self.editor), as: .lines)
    }

    func test_theImport_explainsTheColumns() {
        assertSnapshot(of: render(DirectoryImportPage(), path: SiteURL.directoryImport.path, as: Self.editor), as: .lines)
    }

    func test_anImportRefused_namesTheLineAndTheField() {
        let run = DirectoryImportRuns.Run(id: UUID(uuidString: "00000000-0000-0000-0000-00000000D1A0")!, fileName: "村居法律顾问.csv", startedBy: Self.editor.id!,
                                          startedAt: PublicPageSnapshotTests.day, phase: .refused, total: 12, written: 0,
                                          rejected: [RejectedRow(line: 7, name: "和平村", errors: [FieldError(field: "phone", code: "invalidPhone", message: "电话号码格式不正确")])],
                                          outcome: nil, message: "有1行不符合要求，整个文件没有导入")
        assertSnapshot(of: render(DirectoryImportRunPage(run: run), path: SiteURL.directoryImport.path, as: Self.editor), as: .lines)
    }
}
