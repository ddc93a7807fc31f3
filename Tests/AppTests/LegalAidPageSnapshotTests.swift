import Foundation
import SnapshotTesting
import XCTest
@testable import App
@testable import LegalAidCore

/// Legal aid's pages beyond the form and the detail, from fixed plain values: the no-login
/// lookup, the citizen's list, the staff workbench, intake, the case list, the lawyers and a
/// numbered document.
final class LegalAidPageSnapshotTests: XCTestCase {
    static let today = LocalDate(iso: "2026-03-10")!

    func render(_ page: some PageView, path: String, as account: AccountModel? = nil) -> String {
        Mock.lines(page.render(in: Mock.context(account, path: path)))
    }

    /// 第43条 clock stopped while materials are awaited: the lookup lists what to bring and by when.
    func test_theLookup_showsTheMaterialsAskedForAndTheDayTheyAreDue() {
        let asked = ApplicationEventRecord(seq: 3, at: chinaNoon("2026-03-09"), actorName: "孙审查", event: ApplicationEventKind.requestMaterials.rawValue,
                                           fromState: ApplicationState.underReview.rawValue, toState: ApplicationState.centreMaterialsRequested.rawValue,
                                           payload: ["items": "劳动合同或工资欠条\n近三个月银行流水", "supplyBy": "2026-03-16"])
        let workflow = ApplicationCase(state: .centreMaterialsRequested, receivedOn: LocalDate(iso: "2026-03-05"),
                                       pauses: [ClockPause(from: LocalDate(iso: "2026-03-09")!, until: nil)], supplyBy: LocalDate(iso: "2026-03-16"))
        var submitted = Mock.submitted(Mock.application(state: .submitted))
        submitted.at = chinaNoon("2026-03-04")
        let summary = StatusSummary(number: "FY2026-000007", workflow: workflow, events: [submitted, asked],
                                    calendar: Mock.reference.calendar, today: Self.today)
        let page = LookupPage(number: "FY2026-000007", phoneLast4: "1234", errors: FormErrors(), result: summary)
        assertSnapshot(of: render(page, path: SiteURL.lookup.path), as: .lines)
    }

    func test_theLookupClosedForTheDay_saysSoOnceWithNoFieldMarked() {
        let page = LookupPage(number: "FY2026-000007", phoneLast4: "0000", errors: FormErrors(), result: nil,
                              notice: "今日查询失败次数过多，请明天再试，或拨打12348。")
        assertSnapshot(of: render(page, path: SiteURL.lookup.path), as: .lines)
    }

    func test_myApplications_aDraftLeadsBackToTheForm_andTheMessagesBelow() {
        let page = MyApplicationsPage(
            rows: [.init(id: UUID(uuidString: "00000000-0000-0000-0000-0000000000A1")!, number: "FY2026-000009", cause: "", state: .draft),
                   .init(id: UUID(uuidString: "00000000-0000-0000-0000-0000000000AA")!, number: "FY2026-000007", cause: "追索劳动报酬纠纷", state: .approved)],
            pager: "",
            messages: [.init(at: chinaNoon("2026-03-12"), title: "法律援助申请已批准", body: "您的申请FY2026-000007已决定给予法律援助。")])
        assertSnapshot(of: render(page, path: SiteURL.myApplications.path, as: Mock.citizen), as: .lines)
    }

    func test_theWorkbench_oneApplicationOverdueAndOneAlertUnread_art43() {
        var overdue = WorkItem(app: Mock.application(state: .underReview), myActions: [.requestMaterials, .fileReview],
                               clock: .running(lastDay: LocalDate(iso: "2026-03-09")!, daysLeft: 0, overdue: true))
        overdue.app.possibleDuplicateOf = "FY2026-000003"
        let page = WorkbenchPage(account: Viewer(Mock.reviewer), reference: Mock.reference, now: chinaNoon("2026-03-10"),
                                 todo: [overdue], todoTotal: 1, todoPager: "",
                                 overdue: Paged(items: [overdue], page: ListPage(number: 1, size: 50), total: 1), dueSoon: 2,
                                 all: [overdue], allPager: "",
                                 alerts: [.init(id: UUID(uuidString: "00000000-0000-0000-0000-0000000000C1")!, level: .overdue,
                                                message: "FY2026-000007 决定期限已届满", link: SiteURL.application(overdue.app.id).path)])
        assertSnapshot(of: render(page, path: SiteURL.workbench.path, as: Mock.reviewer), as: .lines)
    }

    /// 第39条: a detained person's application is forwarded within 24 hours; one is late.
    func test_intake_aDetainedPersonsApplicationPastItsTwentyFourHours_art39() {
        let page = IntakePage(pending: [.init(id: UUID(uuidString: "00000000-0000-0000-0000-0000000000D1")!, personName: "吴测试", placeName: "示范区看守所",
                                              receivedAt: chinaNoon("2026-03-08"), forwardDue: chinaNoon("2026-03-09"))],
                              pager: "", now: chinaNoon("2026-03-10"), form: "detained", values: ["placeName": "示范区看守所"],
                              errors: FormErrors([FieldError(field: "detaineeName", code: "required", message: "请填写申请人姓名")]))
        assertSnapshot(of: render(page, path: SiteURL.intake.path, as: Mock.reviewer), as: .lines)
    }

    func test_theCaseList_assignmentOverdueAndANotifiedDefence_art43() {
        let page = CaseListPage(
            rows: [.init(id: UUID(uuidString: "00000000-0000-0000-0000-00000000CA5E")!, number: "FY2026-000007", applicantName: "钱测试",
                         state: .awaitingAssignment, origin: .decision, handler: nil, assignmentDue: "2026-03-09"),
                   .init(id: UUID(uuidString: "00000000-0000-0000-0000-00000000CA5F")!, number: "FY2026-000008", applicantName: "吴测试",
                         state: .inProgress, origin: .notification, handler: "许丽", assignmentDue: "2026-03-06")],
            forLawyer: false, today: Self.today, pager: "")
        assertSnapshot(of: render(page, path: SiteURL.cases.path, as: Mock.reviewer), as: .lines)
    }

    func test_theLawyers_withTheirYearsForArticle26() {
        let lawyers = [LawyerCandidate(id: Mock.lawyer, name: "许丽", firmID: Mock.firm, openCases: 2, practiceYears: 6, criminalPracticeYears: 4,
                                       specialities: [.labourWages, .criminalDefence]),
                       LawyerCandidate(id: UUID(uuidString: "00000000-0000-0000-0000-0000000000F2")!, name: "陈明", firmID: Mock.firm, openCases: 0,
                                       practiceYears: 1, criminalPracticeYears: 0, specialities: [], available: false)]
        let page = LawyersPage(lawyers: lawyers, firmNames: [Mock.firm: "示范律师事务所"])
        assertSnapshot(of: render(page, path: SiteURL.lawyers.path, as: Mock.reviewer), as: .lines)
    }

    func test_oneLawyersRecord_withTheYearsRefused() {
        let page = LawyerProfilePage(lawyerID: Mock.lawyer, lawyerName: "许丽", values: ["practiceYears": "6", "criminalYears": "9", "available": "true"],
                                     specialities: [.labourWages],
                                     errors: FormErrors([FieldError(field: "criminalYears", code: "tooMany", message: "刑事辩护执业年限不能超过执业年限")]))
        assertSnapshot(of: render(page, path: SiteURL.lawyer(Mock.lawyer).path, as: Mock.reviewer), as: .lines)
    }

    func test_aNumberedDecision_laidOutForA4() {
        let content = DocumentContent(title: "给予法律援助决定书", number: "示援决字〔2026〕第7号", addressee: "钱测试",
                                      rows: [.init("申请事项", "追索劳动报酬纠纷")],
                                      paragraphs: ["经审查，你的申请符合法律援助法第三十一条的规定，决定给予法律援助。"],
                                      issuer: "示范区法律援助中心", issuedOn: LocalDate(iso: "2026-03-12")!)
        let page = DocumentPage(content: content, backTo: SiteURL.application(Mock.application(state: .approved).id))
        assertSnapshot(of: render(page, path: "/applications/00000000-0000-0000-0000-0000000000AA/documents/1", as: Mock.citizen), as: .lines)
    }

    /// The applicant sees the case that followed the grant, its lawyer and the progress shared with them.
    func test_anApprovedApplicationAsTheApplicantSeesIt_withItsLawyerAndProgress() {
        let app = Mock.application(state: .approved)
        let record = CaseRecord(id: UUID(uuidString: "00000000-0000-0000-0000-00000000CA5E")!, applicationID: app.id, centreID: Mock.centre, version: 3,
                                caseState: .inProgress, caseOrigin: .decision, decidedOn: "2026-03-12", assignmentDue: "2026-03-15",
                                lawyerAccountID: Mock.lawyer, firmID: Mock.firm)
        let progress = CaseProgressRecord(at: chinaNoon("2026-03-20"), authorName: "许丽", progressKind: .filing,
                                          note: "已向示范区劳动人事争议仲裁委员会申请仲裁。", notifyApplicant: true)
        let page = ApplicationDetailPage(app: app, events: [Mock.submitted(app)], attachments: [], documents: [], reference: Mock.reference,
                                         account: Viewer(Mock.citizen), availableEvents: [], canUpload: false, today: LocalDate(iso: "2026-03-21")!,
                                         defaultSupplyBy: LocalDate(iso: "2026-03-28")!, legalAidCase: record, caseLawyer: "许丽", caseProgress: [progress])
        assertSnapshot(of: render(page, path: SiteURL.application(app.id).path, as: Mock.citizen), as: .lines)
    }

    func test_theAuditTrail_checkedIntact_withOneEntryStillBeingSealed() {
        let page = AuditPage(chain: .intact(count: 2), waiting: 1, filter: AuditController.Filter(event: "auth"),
                             rows: [.init(seq: 2, at: chinaNoon("2026-03-10"), accountName: "孙审查", event: "auth.signIn", target: "account:1",
                                          outcome: "success", clientAddress: "10.0.0.8", detail: "")],
                             exportLink: SiteURL.auditExport.path + "?event=auth", pager: "")
        let auditor = Mock.account("A6", "郑审计", [.auditAdmin], at: Mock.bureau)
        assertSnapshot(of: render(page, path: SiteURL.audit.path, as: auditor), as: .lines)
    }
}
