import Foundation
import SnapshotTesting
import XCTest
@testable import App
@testable import LegalAidCore

/// The main pages rendered from fixed models, no server and no database: a change to a page's
/// markup shows as a diff against `__Snapshots__`. After an intended change, rerun with
/// `SNAPSHOT_TESTING_RECORD=all` (or delete the file) and review the new snapshot like code.
final class PageSnapshotTests: XCTestCase {
    func test_theApplicationFormAsACitizenFirstSeesIt_withOneMistakeMarked() {
        let page = ApplicationFormPage(
            form: Mock.form(), errors: FormErrors([FieldError(field: "applicant.phone", code: "invalidMobile", message: "请填写11位手机号码")]),
            action: .newApplication, applicationNumber: nil, version: nil,
            communityPoints: [(value: Mock.point.uuidString, label: "幸福街道幸福一社区")], liaisonCentres: [],
            selectedCommunityPoint: Mock.point.uuidString, selectedPreReview: nil, isCitizen: true, filingFor: nil, attachments: [], maxUploadMB: 10)
        assertSnapshot(of: Mock.lines(page.render(in: Mock.context(Mock.citizen, path: SiteURL.newApplication.path))), as: .lines)
    }

    func test_aSubmittedApplicationAsTheStreetWorkstationSeesIt_withItsPreReviewActions() {
        let app = Mock.application(state: .submitted)
        let page = ApplicationDetailPage(
            app: app, events: [Mock.submitted(app)], attachments: [], documents: [], reference: Mock.reference, account: Viewer(Mock.workstation),
            availableEvents: [.requestMaterials, .preApprove, .preReject], canUpload: true,
            today: LocalDate(iso: "2026-03-10")!, defaultSupplyBy: LocalDate(iso: "2026-03-17")!)
        assertSnapshot(of: Mock.lines(page.render(in: Mock.context(Mock.workstation, path: SiteURL.application(app.id).path))), as: .lines)
    }

    func test_aCaseAwaitingAssignmentAsTheCentreReviewerSeesIt_withTheSuggestedLawyer_art43() {
        let app = Mock.application(state: .approved)
        let record = CaseRecord(id: UUID(uuidString: "00000000-0000-0000-0000-00000000CA5E")!, applicationID: app.id, centreID: Mock.centre,
                                version: 1, caseState: .awaitingAssignment, caseOrigin: .decision, decidedOn: "2026-03-12", assignmentDue: "2026-03-15")
        let lawyer = LawyerCandidate(id: Mock.lawyer, name: "许丽", firmID: Mock.firm, openCases: 2, practiceYears: 6, criminalPracticeYears: 4,
                                     specialities: [.labourWages])
        let page = CasePage(record: record, app: app, events: [], progress: [], candidates: [lawyer],
                            suggestion: Assignment.suggest([lawyer], for: AssignmentNeeds(matter: .labourWages, possibleLifeOrDeathSentence: false), lastAssigned: nil),
                            account: Viewer(Mock.reviewer), reference: Mock.reference, now: chinaNoon("2026-03-13"))
        assertSnapshot(of: Mock.lines(page.render(in: Mock.context(Mock.reviewer, path: SiteURL.legalAidCase(record.id).path))), as: .lines)
    }
}

/// Fixed, synthetic models for the snapshots.
enum Mock {
    static let bureau = UUID(uuidString: "00000000-0000-0000-0000-0000000000B0")!
    static let centre = UUID(uuidString: "00000000-0000-0000-0000-0000000000C0")!
    static let station = UUID(uuidString: "00000000-0000-0000-0000-0000000000D0")!
    static let point = UUID(uuidString: "00000000-0000-0000-0000-0000000000E0")!
    static let firm = UUID(uuidString: "00000000-0000-0000-0000-0000000000F0")!
    static let lawyer = UUID(uuidString: "00000000-0000-0000-0000-0000000000F1")!

    static let reference: ReferenceData = {
        let organisations: [Organisation] = [
            Organisation(id: bureau, name: "示范区司法局", kind: .bureau, parentID: nil, code: "示司", hours: .officeHours),
            Organisation(id: centre, name: "示范区法律援助中心", kind: .legalAidCenter, parentID: bureau, code: "示", hours: .officeHours),
            Organisation(id: station, name: "幸福街道法律援助工作站", kind: .streetWorkstation, parentID: centre, code: "幸", hours: .officeHours),
            Organisation(id: point, name: "幸福街道幸福一社区法律援助联系点", kind: .communityPoint, parentID: station, code: "幸一", hours: .officeHours),
            Organisation(id: firm, name: "示范律师事务所", kind: .lawFirm, parentID: bureau, code: "示律", hours: .officeHours),
        ]
        let records = organisations.map { org in
            (org.id, ReferenceData.OrganisationRecord(name: org.name, kind: org.kind, parentID: org.parentID, code: org.code, regionCode: "110000",
                                                      address: "示范区人民路3号", phone: "010-00000002", hours: org.hours))
        }
        return ReferenceData(organisations: Dictionary(uniqueKeysWithValues: records), tree: OrganisationTree(organisations),
                             calendar: HolidayCalendar(entries: []))
    }()

    static func account(_ id: String, _ name: String, _ roles: Set<Role>, at organisation: UUID?) -> AccountModel {
        AccountModel(id: UUID(uuidString: "00000000-0000-0000-0000-0000000000\(id)")!, username: name, passwordHash: "-",
                     displayName: name, roles: try! RoleSet(roles), organisationID: organisation)
    }

    static let citizen = account("A1", "钱测试", [.citizen], at: nil)
    static let workstation = account("A2", "赵工作站", [.workstationStaff], at: station)
    static let reviewer = account("A3", "孙审查", [.centreReviewer], at: centre)

    static func form() -> ApplicationForm {
        var form = ApplicationForm()
        form.applicant.name = "钱测试"
        form.applicant.idNumber = SyntheticPerson.idNumber(birth: "19800101", sequence: 7)
        form.applicant.phone = "1370000"
        form.applicant.address = "示范区幸福街道测试小区1号"
        form.matter.type = .labourWages
        form.matter.cause = "追索劳动报酬纠纷"
        form.matter.opposingParty = "测试建筑公司"
        form.matter.facts = "在测试建筑公司工地做工五个月，工资两万五千元至今未付。"
        form.matter.helpWanted = "请求支付拖欠工资"
        form.household.members = 3
        form.household.monthlyIncomeYuan = 2400
        form.integrityPledge = true
        return form
    }

    static func application(state: ApplicationState) -> ApplicationRecord {
        var form = form()
        form.applicant.phone = "13700001234"
        let scope = ApplicationScope(ownerAccountID: citizen.id, communityPointID: point, preReviewOrganisationID: station, centreID: centre,
                                     isDraft: state == .draft)
        return ApplicationRecord(id: UUID(uuidString: "00000000-0000-0000-0000-0000000000AA")!, number: "FY2026-000007", version: 1, channel: "online",
                                 applicationState: state, scope: scope, workflowCase: ApplicationCase(state: state, ownerAccountID: citizen.id),
                                 ownerAccountID: citizen.id, communityPointID: point, preReviewOrganisationID: station, centreID: centre,
                                 applicantName: form.applicant.name, form: form)
    }

    static func submitted(_ app: ApplicationRecord) -> ApplicationEventRecord {
        ApplicationEventRecord(seq: 1, at: chinaNoon("2026-03-10"), actorName: citizen.displayName, event: ApplicationEventKind.submit.rawValue,
                               fromState: ApplicationState.draft.rawValue, toState: ApplicationState.submitted.rawValue, payload: [:])
    }

    static func context(_ account: AccountModel?, path: String) -> PageContext {
        let viewer = NavigationViewer(account: account)
        return PageContext(account: account, csrfToken: "csrf-token-for-snapshots", displayMode: "standard", flash: nil, path: path,
                           navigation: features.flatMap { $0.navigation(for: viewer) }.sorted { $0.rank < $1.rank })
    }

    /// One tag per line, so a diff points at the element that changed; each form's one-time
    /// token and a message form's client id are random by design and shown as placeholders.
    static func lines(_ html: HTML) -> String {
        html.raw.replacingOccurrences(of: "><", with: ">\n<")
            .replacingOccurrences(of: #"name="_once" value="[0-9a-f]+""#, with: #"name="_once" value="ONE-TIME-TOKEN""#, options: .regularExpression)
            .replacingOccurrences(of: #"name="clientId" value="[0-9A-F-]+""#, with: #"name="clientId" value="CLIENT-ID""#, options: .regularExpression)
    }
}

extension PageSnapshotTests {
    func test_theBureausObjections_onePendingPastItsFiveDays_art49() {
        let page = ObjectionsPage(
            rows: [ObjectionsPage.Row(id: UUID(uuidString: "00000000-0000-0000-0000-0000000000B1")!, applicationNumber: "FY2026-000007",
                                      applicantName: "钱测试", subject: .denial, receivedOn: "2026-03-02", state: .pending, dueOn: "2026-03-09"),
                   ObjectionsPage.Row(id: UUID(uuidString: "00000000-0000-0000-0000-0000000000B2")!, applicationNumber: "FY2026-000003",
                                      applicantName: "李测试", subject: .termination, receivedOn: "2026-02-20", state: .upheld, dueOn: "2026-02-27")],
            today: LocalDate(iso: "2026-03-10")!, pager: "")
        let bureau = Mock.account("A5", "周科长", [.supervisor], at: Mock.bureau)
        assertSnapshot(of: Mock.lines(page.render(in: Mock.context(bureau, path: SiteURL.objections.path))), as: .lines)
    }

    func test_anObjectionAsTheBureauDecidesIt_withTheExplanationMissing_art49() {
        let page = ObjectionPage(id: UUID(uuidString: "00000000-0000-0000-0000-0000000000B1")!, applicationID: Mock.application(state: .denied).id,
                                 applicationNumber: "FY2026-000007", applicantName: "钱测试", subject: .denial, receivedOn: "2026-03-02", dueOn: "2026-03-09",
                                 state: .pending, reason: "我没有固定收入，家里只有低保，不应不予援助。", explanation: nil, mayDecide: true,
                                 errors: FormErrors([FieldError(field: "explanation", code: "required", message: "请填写审查意见和理由")]), typed: "")
        let bureau = Mock.account("A5", "周科长", [.supervisor], at: Mock.bureau)
        assertSnapshot(of: Mock.lines(page.render(in: Mock.context(bureau, path: SiteURL.objection(.value(page.id)).path))), as: .lines)
    }
}
