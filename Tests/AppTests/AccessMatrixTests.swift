import Fluent
import XCTVapor
import XCTest
@testable import App
@testable import LegalAidCore
@testable import DirectoryCore
@testable import KnowledgeCore
@testable import DeskCore
@testable import MediationCore

/// Every route × every role, plus a workstation of another street and a second citizen:
/// the access gate lets through exactly whom the table says. A route missing from the table
/// fails the test, so a new route cannot ship without deciding who may use it.
///
/// "+" = let through (any answer but 401/403/404 or a redirect to sign in first; a 422 for the
/// deliberately empty input still means the gate opened), "-" = turned away. A 5xx fails.
final class AccessMatrixTests: XCTestCase {
    /// Column order of every expectation string.
    static let actors: [(key: String, username: String?, password: String)] = [
        ("anonymous", nil, ""),
        ("owner citizen", DemoSeed.citizenPhone, DemoSeed.citizenPassword),
        ("other citizen", "13700007777", "Other#Citizen1"),
        ("community 幸福一社区", "shequ1", DemoSeed.staffPassword),
        ("workstation 幸福街道", "gongzuozhan1", DemoSeed.staffPassword),
        ("workstation 和平街道", "gongzuozhan2", DemoSeed.staffPassword),
        ("liaison 妇联", "lianluo1", DemoSeed.staffPassword),
        ("centre reviewer", "shencha", DemoSeed.staffPassword),
        ("centre director", "shenpi", DemoSeed.staffPassword),
        ("lawyer", "lvshi1", DemoSeed.staffPassword),
        ("supervisor", "jiandu", DemoSeed.staffPassword),
        ("system admin", "xitong", DemoSeed.staffPassword),
        ("security admin", "anquan", DemoSeed.staffPassword),
        ("audit admin", "shenji", DemoSeed.staffPassword),
        ("mediator 幸福一社区", "tiaojie1", DemoSeed.staffPassword),
    ]

    static let everyone = "+++++++++++++++"
    static let signedIn = "-++++++++++++++"
    static let staff = "---++++++++++++"
    /// The submitted application of 幸福一社区 (pre-review at 幸福街道).
    static let seeSubmitted = "---++--++-+----"
    static let actOnSubmitted = "---++--++------"
    static let preApprove = "----+----------"
    static let fileApplications = "-+++-----------"
    /// The demo citizen's own draft.
    static let ownDraft = "-+-------------"
    static let systemAdmin = "-----------+---"
    static let securityAdmin = "------------+--"
    static let auditAdmin = "-------------+-"
    static let knowledgeEditors = "---++++++------"
    /// People's mediation: the committee's mediators and the supervisor read; its mediators act.
    static let mediationStaff = "----------+---+"
    static let mediators = "--------------+"
    /// Who registers a mediation for others: desk staff, lawyers and mediators.
    static let mediationStarters = "---+++++++----+"
    static let citizens = "-++------------"
    /// The demo citizen, the applicant of the matrix's mediation.
    static let applicantParty = "-+-------------"
    static let directoryEditors = "-------++--+---"

    /// "METHOD /path/:param" → who gets through. Sign-out routes run last.
    static let table: [String: String] = [
        "GET /": everyone,
        "POST /display-mode": everyone,
        "GET /healthz": everyone,
        // Answered only to the machine itself or the scraper's token: these in-process requests
        // have no peer address and no token, so no role gets through (SecurityBypassTests holds the rest).
        "GET /metrics": "---------------",
        "GET /asyncapi.yaml": everyone,
        "GET /login": everyone,
        "POST /login": everyone,
        "GET /register": everyone,
        "GET /login/second-factor": everyone,
        "POST /login/second-factor": everyone,
        "GET /login/enrol": everyone,
        "POST /login/enrol": everyone,
        "POST /register": everyone,
        "GET /lookup": everyone,
        "POST /lookup": everyone,
        "GET /openapi.yaml": everyone,
        "GET /applications/new": fileApplications,
        "POST /applications/new": fileApplications,
        "GET /applications/:id/edit": ownDraft,
        "POST /applications/:id/edit": ownDraft,
        "GET /applications/:id": seeSubmitted,
        "POST /applications/:id/actions/:event": preApprove,
        "POST /applications/:id/attachments": actOnSubmitted,
        "GET /attachments/:id": seeSubmitted,
        "GET /documents/:id": seeSubmitted,
        "GET /my": signedIn,
        "GET /account": signedIn,
        "GET /account/password": signedIn,
        "POST /account/password": signedIn,
        "POST /account/sms-code": "-++------------",
        "GET /workbench": staff,
        "GET /cases": staff,
        "GET /cases/:id": "-------++-+----",
        "POST /cases/:id/actions/:event": "-------++------",
        // Only the assigned lawyer records progress; the matrix's case has none yet.
        "POST /cases/:id/progress": "---------------",
        // Side exits. The matrix's objection is about the submitted application; its case has no lawyer,
        // so nobody may record mediation consent and the (community-filed) case has no citizen to ask for a change.
        "POST /applications/:id/objection": "---++--+-------",
        "POST /applications/:id/urgent-aid": "--------+------",
        "POST /cases/:id/change-request": "---------------",
        "POST /cases/:id/change-request/refuse": "-------++------",
        "POST /cases/:id/mediation": "---------------",
        "POST /cases/:id/members": "-------++------",
        "GET /objections": staff,
        "GET /objections/:id": seeSubmitted,
        "POST /objections/:id/decision": "----------+----",
        "GET /intake": "-------++------",
        "GET /lawyers": "-------++------",
        "GET /lawyers/:id": "-------++------",
        "POST /lawyers/:id": "-------++------",
        "POST /intake/notifications": "-------++------",
        "POST /intake/detained": "-------++------",
        "POST /intake/detained/:id/forward": "-------++------",
        // The matrix's alert is the centre reviewer's.
        "POST /alerts/:id/read": "-------+-------",
        "GET /admin/holidays": systemAdmin,
        "POST /admin/holidays": systemAdmin,
        "POST /admin/holidays/:id/delete": systemAdmin,
        "GET /admin/accounts": systemAdmin,
        "POST /admin/accounts": systemAdmin,
        "GET /security/accounts/:id/roles": securityAdmin,
        "POST /security/accounts/:id/roles": securityAdmin,
        "GET /audit": auditAdmin,
        "GET /audit/export.csv": auditAdmin,
        "GET /security/locked-accounts": securityAdmin,
        "POST /security/locked-accounts/:id/unlock": securityAdmin,
        "POST /api/v1/auth/token": everyone,
        "GET /api/v1/community-points": everyone,
        "GET /api/v1/status": everyone,
        "GET /api/v1/applications": signedIn,
        "POST /api/v1/applications": fileApplications,
        "GET /api/v1/applications/:id": seeSubmitted,
        "PUT /api/v1/applications/:id": ownDraft,
        "POST /api/v1/applications/:id/events": preApprove,
        "POST /api/v1/applications/:id/attachments": actOnSubmitted,
        "GET /api/v1/documents/:id": seeSubmitted,
        "GET /api/v1/deadlines/overdue": staff,
        "GET /api/v1/deadlines": staff,
        "GET /api/v1/cases": signedIn,
        "GET /api/v1/cases/:id": "-------++-+----",
        // An unknown step is refused as bad input once the gate has opened: the supervisor may review quality.
        "POST /api/v1/cases/:id/events": "-------++-+----",
        "POST /api/v1/cases/:id/progress": "---------------",
        "POST /api/v1/cases/:id/change-request": "---------------",
        "POST /api/v1/cases/:id/change-request/refuse": "-------++------",
        "POST /api/v1/cases/:id/mediation": "---------------",
        "POST /api/v1/cases/:id/members": "-------++------",
        "POST /api/v1/applications/:id/urgent-aid": "--------+------",
        "POST /api/v1/applications/:id/objection": "---++--+-------",
        "GET /api/v1/objections": signedIn,
        "POST /api/v1/objections/:id/decision": "----------+----",
        "POST /api/v1/notifications": "-------++------",
        "GET /api/v1/detained-requests": "-------++------",
        "POST /api/v1/detained-requests": "-------++------",
        "POST /api/v1/detained-requests/:id/forward": "-------++------",
        // The consultation desk. The matrix's consultation is the demo citizen's live request,
        // waiting, with nobody on duty: the desk may see it (to take it), nobody else.
        "POST /api/v1/consultations": "+++------------",
        // Anyone may ask for a code to confirm a number; only an anonymous asker needs one.
        "POST /api/v1/consultations/phone-code": everyone,
        "GET /api/v1/consultations": "-++++++++++----",
        "GET /api/v1/consultations/:id": "-+-++++++++----",
        "POST /api/v1/consultations/:id/messages": "-+-------------",
        "POST /api/v1/consultations/:id/files": "-+-------------",
        "GET /api/v1/consultations/:id/files/:file": "-+-++++++++----",
        "POST /api/v1/consultations/:id/take": "---+++++++-----",
        "POST /api/v1/consultations/:id/hand-over": "---+++++++-----",
        "POST /api/v1/consultations/:id/close": "---+++++++-----",
        "POST /api/v1/consultations/:id/reply": "---+++++++-----",
        "POST /api/v1/consultations/:id/callback": "---+++++++-----",
        "POST /api/v1/consultations/:id/rate": "-+-------------",
        // Withdrawn by its asker: afterwards the desk no longer sees it either.
        "POST /api/v1/consultations/:id/withdraw": "-+-------------",
        "GET /api/v1/desk": "---++++++++----",
        "POST /api/v1/desk/duty": "---+++++++-----",
        "POST /api/v1/desk/next": "---+++++++-----",
        "POST /api/v1/desk/calls": "---+++++++-----",
        // Only the PBX, by signature: an account's token is no signature.
        "POST /api/v1/hotline/events": "---------------",
        // The consultation pages; "/consult/:id" is a second waiting request of the demo citizen.
        "GET /consult": "+++------------",
        "POST /consult": "+++------------",
        "GET /consult/:id": "-+-++++++++----",
        // The SMS link's opener shows nothing; posting a key opens only the conversation it belongs to.
        "GET /consult/:id/open": everyone,
        "POST /consult/:id/open": "---------------",
        "GET /consult/:id/live": "-+-++++++++----",
        "POST /consult/:id/messages": "-+-------------",
        "POST /consult/:id/files": "-+-------------",
        "GET /consult/:id/files/:file": "-+-++++++++----",
        "POST /consult/:id/take": "---+++++++-----",
        "POST /consult/:id/hand-over": "---+++++++-----",
        "POST /consult/:id/close": "---+++++++-----",
        "POST /consult/:id/reply": "---+++++++-----",
        "POST /consult/:id/callback": "---+++++++-----",
        "POST /consult/:id/rate": "-+-------------",
        "POST /consult/:id/withdraw": "-+-------------",
        "GET /desk": "---++++++++----",
        "GET /desk/live": "---++++++++----",
        "POST /desk/duty": "---+++++++-----",
        "POST /desk/calls": "---+++++++-----",
        "POST /desk/next": "---+++++++-----",
        // The knowledge base: anyone reads what is published (the matrix's entry is the demo
        // law); its editors (the staff who answer the public, not lawyers, supervisors or
        // administrators) write, publish and withdraw.
        "GET /knowledge": everyone,
        "GET /knowledge/:id": everyone,
        "GET /knowledge/:id/articles/:article": everyone,
        "GET /knowledge/manage": knowledgeEditors,
        "GET /knowledge/new": knowledgeEditors,
        "POST /knowledge/new": knowledgeEditors,
        "GET /knowledge/:id/edit": knowledgeEditors,
        "POST /knowledge/:id/edit": knowledgeEditors,
        "POST /knowledge/:id/publish": knowledgeEditors,
        "POST /knowledge/:id/unpublish": knowledgeEditors,
        "GET /knowledge/:id/versions": knowledgeEditors,
        "GET /api/v1/knowledge": everyone,
        "POST /api/v1/knowledge": knowledgeEditors,
        "GET /api/v1/knowledge/:id": everyone,
        "PUT /api/v1/knowledge/:id": knowledgeEditors,
        "GET /api/v1/knowledge/:id/articles/:article": everyone,
        "POST /api/v1/knowledge/:id/publish": knowledgeEditors,
        "POST /api/v1/knowledge/:id/unpublish": knowledgeEditors,
        "GET /api/v1/knowledge/:id/versions": knowledgeEditors,
        "GET /knowledge/ask": everyone,
        "GET /disputes": everyone,
        "GET /disputes/:type": everyone,
        "GET /api/v1/knowledge/ask": everyone,
        "GET /knowledge/questions": knowledgeEditors,
        "GET /knowledge/synonyms": knowledgeEditors,
        "POST /knowledge/synonyms": knowledgeEditors,
        "GET /knowledge/synonyms/history": knowledgeEditors,
        "GET /knowledge/synonyms/:id": knowledgeEditors,
        "POST /knowledge/synonyms/:id": knowledgeEditors,
        "POST /knowledge/synonyms/:id/remove": knowledgeEditors,
        "GET /api/v1/knowledge/questions": knowledgeEditors,
        "POST /knowledge/questions/:id/done": knowledgeEditors,
        "POST /api/v1/knowledge/questions/:id/done": knowledgeEditors,
        // An editor who may read the conversation turns it into an FAQ draft.
        "GET /consult/:id/faq": knowledgeEditors,
        // The directory: anyone reads it; the centre's managers and the system administrator maintain it.
        "GET /directory": everyone,
        "GET /directory/:id": everyone,
        "GET /directory/:id/notice": everyone,
        "GET /directory/nearest": everyone,
        "GET /directory/people": everyone,
        "GET /directory/people/:id/photo": everyone,
        "POST /api/v1/directory": directoryEditors,
        "PUT /api/v1/directory/:id": directoryEditors,
        "POST /api/v1/directory/people": directoryEditors,
        "PUT /api/v1/directory/people/:id": directoryEditors,
        "DELETE /api/v1/directory/people/:id": directoryEditors,
        "GET /api/v1/directory": everyone,
        "GET /api/v1/directory/:id": everyone,
        "GET /api/v1/directory/nearest": everyone,
        "GET /api/v1/directory/people": everyone,
        "GET /directory/manage": directoryEditors,
        "GET /directory/new": directoryEditors,
        "POST /directory/new": directoryEditors,
        "GET /directory/:id/edit": directoryEditors,
        "POST /directory/:id/edit": directoryEditors,
        "GET /directory/people/new": directoryEditors,
        "POST /directory/people/new": directoryEditors,
        "GET /directory/people/:id/edit": directoryEditors,
        "POST /directory/people/:id/edit": directoryEditors,
        "POST /directory/people/:id/delete": directoryEditors,
        "GET /directory/import": directoryEditors,
        "POST /directory/import": directoryEditors,
        "GET /directory/import/:id": directoryEditors,
        "GET /knowledge/import": knowledgeEditors,
        "POST /knowledge/import": knowledgeEditors,
        "POST /knowledge/import/corpus": knowledgeEditors,
        // People's mediation: citizens apply; the committee's mediators work; a party's page by their link or account.
        "GET /disputes/apply": citizens,
        "POST /disputes/apply": citizens,
        "GET /disputes/mine": citizens,
        "GET /mediations": mediationStaff,
        "GET /mediations/new": mediationStarters,
        "POST /mediations/new": mediationStarters,
        "GET /mediations/:id": mediationStaff,
        "GET /mediations/:id/agreement.html": "-+--------+---+",
        "POST /mediations/:id/reply": mediators,
        "POST /mediations/:id/deliver": mediators,
        "POST /mediations/:id/invite": mediators,
        "POST /mediations/:id/notice": mediators,
        "POST /mediations/:id/assign": mediators,
        "POST /mediations/:id/recuse": mediators,
        "POST /mediations/:id/rights": mediators,
        "POST /mediations/:id/session": mediators,
        "POST /mediations/:id/extend": mediators,
        "POST /mediations/:id/agreement": mediators,
        "POST /mediations/:id/code": mediators,
        "POST /mediations/:id/sign": mediators,
        "POST /mediations/:id/seal": mediators,
        "POST /mediations/:id/court": mediators,
        "POST /mediations/:id/visit": mediators,
        "POST /mediations/:id/fail": mediators,
        "POST /mediations/:id/withdraw": mediators,
        "POST /mediations/:id/flag": mediators,
        "POST /mediations/:id/unflag": mediators,
        "POST /mediations/:id/application": mediators,
        "GET /api/v1/mediations": mediationStaff,
        "GET /api/v1/mediations/:id": mediationStaff,
        "POST /api/v1/mediations": "-+++++++++----+",
        "GET /m/:party/open": everyone,
        // Without the link's key nobody gets in.
        "POST /m/:party/open": "---------------",
        "GET /m/:party": applicantParty,
        "POST /m/:party/reply": applicantParty,
        "POST /m/:party/rights": applicantParty,
        "POST /m/:party/code": applicantParty,
        "POST /m/:party/sign": applicantParty,
        "POST /logout": everyone,
        "POST /account/logout-everywhere": signedIn,
    ]

    func test_everyRouteLetsThroughExactlyTheRolesInTheTable() async throws {
        try await withTestApp { test in
            // Every route has an entry, and every entry a route.
            let routes = Set(test.app.routes.all.map { "\($0.method.rawValue) /" + $0.path.map(\.description).joined(separator: "/") })
            XCTAssertEqual(routes.subtracting(Self.table.keys).sorted(), [], "routes with no entry in the access table")
            XCTAssertEqual(Set(Self.table.keys).subtracting(routes).sorted(), [], "entries for routes that do not exist")

            // The objects the routes act on.
            let submitted = try await ApplicationModel.query(on: test.db).filter(\.$state == "submitted").firstOrFail()
            let draft = try await ApplicationModel.query(on: test.db).filter(\.$state == "draft").firstOrFail()
            let document = try await DocumentModel.query(on: test.db).filter(\.$applicationID == submitted.id!).firstOrFail()
            let attachment = AttachmentModel()
            attachment.applicationID = submitted.id!
            attachment.originalName = "欠条.png"
            attachment.contentType = "image/png"
            attachment.size = pngBytes.count
            attachment.sha256 = "test"
            attachment.storedName = "matrix.png"
            attachment.uploadedBy = try await test.account("shequ1").id!
            try await attachment.create(on: test.db)
            FileManager.default.createFile(atPath: test.dataDirectory + "/uploads/matrix.png", contents: Data(pngBytes))
            let holiday = try await HolidayModel.query(on: test.db).firstOrFail()
            let legalAidCase = try await CaseModel.query(on: test.db).firstOrFail()
            let someAccount = try await test.account("lvshi2")
            let objection = ObjectionModel()
            objection.applicationID = submitted.id!
            objection.subject = Objection.Subject.denial.rawValue
            objection.state = Objection.State.pending.rawValue
            objection.receivedOn = "2026-03-02"
            objection.dueOn = "2026-03-09"
            objection.reason = "矩阵测试"
            objection.filedByAccountID = try await test.account("shequ1").id!
            objection.filedAt = Date()
            try await objection.create(on: test.db)
            let detained = DetainedRequestModel()
            detained.centreID = try await test.organisation("示范区法律援助中心").id!
            detained.placeName = "示范区看守所"
            detained.person = DetainedPerson(name: "矩阵", charge: "盗窃", note: "")
            detained.receivedAt = Date()
            detained.forwardDue = Date().addingTimeInterval(86_400)
            detained.recordedByAccountID = try await test.account("shencha").id!
            try await detained.create(on: test.db)
            let alert = AlertModel()
            alert.key = "matrix"
            alert.recipientAccountID = try await test.account("shencha").id!
            alert.level = AlertLevel.dueSoon.rawValue
            alert.kind = DeadlineKind.assignment.rawValue
            alert.message = "矩阵"
            alert.link = "/cases"
            alert.due = Date()
            alert.raisedAt = Date()
            try await alert.create(on: test.db)
            let consultation = ConsultationModel()
            consultation.channel = ConsultationChannel.live.rawValue
            consultation.topic = ConsultationTopic.labour.rawValue
            consultation.state = ConsultationState.waiting.rawValue
            consultation.version = 0
            consultation.deskID = try await test.organisation("示范区法律援助中心").id!
            consultation.askerAccountID = try await test.account(DemoSeed.citizenPhone).id!
            consultation.askerName = "矩阵"
            consultation.handledByText = ""
            consultation.queuedAt = Date()
            consultation.callbackAttempts = 0
            consultation.messageCount = 0
            try await consultation.create(on: test.db)
            let pageConsultation = ConsultationModel()
            pageConsultation.channel = consultation.channel
            pageConsultation.topic = consultation.topic
            pageConsultation.state = consultation.state
            pageConsultation.version = 0
            pageConsultation.deskID = consultation.deskID
            pageConsultation.askerAccountID = consultation.askerAccountID
            pageConsultation.askerName = "矩阵二"
            pageConsultation.handledByText = ""
            pageConsultation.queuedAt = Date()
            pageConsultation.callbackAttempts = 0
            pageConsultation.messageCount = 0
            try await pageConsultation.create(on: test.db)
            var files: [UUID] = []
            for owner in [consultation, pageConsultation] {
                let file = ConsultationFileModel()
                file.consultationID = owner.id!
                file.originalName = "欠条.png"
                file.contentType = "image/png"
                file.size = pngBytes.count
                file.sha256 = "test"
                file.storedName = "matrix-\(owner.askerName).png"
                file.createdAt = Date()
                try await file.create(on: test.db)
                FileManager.default.createFile(atPath: test.dataDirectory + "/uploads/" + file.storedName, contents: Data(pngBytes))
                files.append(file.id!)
            }
            let law = try await KnowledgeEntryModel.query(on: test.db).filter(\.$kind == KnowledgeKind.law.rawValue).firstOrFail()
            let question = KnowledgeQuestionModel()
            question.question = "宠物咬人谁负责"
            question.timesAsked = 1
            question.firstAskedAt = Date()
            question.lastAskedAt = Date()
            question.handled = false
            try await question.create(on: test.db)
            let synonym = try await KnowledgeSynonymModel.query(on: test.db).firstOrFail()
            let village = try await OrganisationModel.query(on: test.db).filter(\.$kind == OrganisationKind.villageCommittee.rawValue).firstOrFail()
            let centre = try await OrganisationModel.query(on: test.db).filter(\.$kind == OrganisationKind.legalAidCenter.rawValue).firstOrFail()
            let person = try await DirectoryPersonModel.query(on: test.db).firstOrFail()
            person.photo = "\(UUID().uuidString.lowercased()).png"
            try pngBytes.withUnsafeBytes { try Data($0).write(to: URL(fileURLWithPath: test.app.fayuan.uploadsDirectory + "/" + person.photo!)) }
            try await person.save(on: test.db)
            let importRun = try await test.app.directoryImports.start(fileName: "机构.csv", by: UUID(), at: test.clock.now(), on: test.db)
            let mediation = try await MediationService(scope: ServiceScope(db: test.db, services: test.app.fayuan)).start(
                MediationInput(type: .neighbour, source: .partyApplication, facts: "楼上漏水，矩阵测试用的纠纷。", claims: "修好防水",
                               applicant: .init(name: "李示例", phone: MobileNumber.parse(DemoSeed.citizenPhone), organisation: false),
                               respondent: .init(name: "王某", phone: nil, organisation: false),
                               applicantPlace: nil, respondentPlace: try await test.organisation("幸福一社区居民委员会").id, joint: false),
                by: try await test.account(DemoSeed.citizenPhone), applicantAccount: try await test.account(DemoSeed.citizenPhone).id,
                reference: try await test.app.fayuan.referenceData(on: test.db)).mediation
            let agreement = MediationAgreementModel()
            agreement.mediationID = mediation.id!
            agreement.version = 1
            agreement.facts = "矩阵测试"
            agreement.terms = "矩阵测试"
            agreement.oral = false
            agreement.superseded = false
            agreement.createdAt = Date()
            try await agreement.create(on: test.db)
            let applicantParty = try await MediationPartyModel.query(on: test.db).filter(\.$mediationID == mediation.id!)
                .filter(\.$side == "applicant").firstOrFail()
            let registered = Browser(test)
            try await registered.post("/register", [("name", "另一位"), ("phone", "13700007777"), ("password", "Other#Citizen1"), ("passwordConfirm", "Other#Citizen1")])

            // Applied in order, so the more specific patterns come first.
            let substitutions: [(String, String)] = [
                ("/applications/:id/edit", "/applications/\(draft.id!)/edit"),
                ("PUT /api/v1/applications/:id", "PUT /api/v1/applications/\(draft.id!)"),
                ("/applications/:id", "/applications/\(submitted.id!)"),
                ("/cases/:id/actions/:event", "/cases/\(legalAidCase.id!)/actions/assignLawyer"),
                ("/cases/:id", "/cases/\(legalAidCase.id!)"),
                ("/objections/:id", "/objections/\(objection.id!)"),
                ("/intake/detained/:id", "/intake/detained/\(detained.id!)"),
                ("/detained-requests/:id", "/detained-requests/\(detained.id!)"),
                ("/alerts/:id", "/alerts/\(alert.id!)"),
                ("/consultations/:id/files/:file", "/consultations/\(consultation.id!)/files/\(files[0])"),
                ("/consult/:id/files/:file", "/consult/\(pageConsultation.id!)/files/\(files[1])"),
                ("/consultations/:id", "/consultations/\(consultation.id!)"),
                ("/consult/:id", "/consult/\(pageConsultation.id!)"),
                ("/mediations/:id", "/mediations/\(mediation.id!)"),
                ("/m/:party", "/m/\(applicantParty.id!)"),
                ("/lawyers/:id", "/lawyers/\(someAccount.id!)"),
                ("/directory/import/:id", "/directory/import/\(importRun)"),
                ("/directory/people/:id", "/directory/people/\(person.id!)"),
                ("/directory/:id/notice", "/directory/\(village.id!)/notice"),
                ("/directory/:id", "/directory/\(centre.id!)"),
                ("/knowledge/questions/:id", "/knowledge/questions/\(question.id!)"),
                ("/knowledge/synonyms/:id", "/knowledge/synonyms/\(synonym.id!)"),
                ("/knowledge/:id/articles/:article", "/knowledge/\(law.id!)/articles/2"),
                ("/knowledge/:id", "/knowledge/\(law.id!)"),
                (":event", "preApprove"),
                (":type", "labour"),
                ("/attachments/:id", "/attachments/\(attachment.id!)"),
                ("/documents/:id", "/documents/\(document.id!)"),
                ("/admin/holidays/:id", "/admin/holidays/\(holiday.id!)"),
                ("/locked-accounts/:id", "/locked-accounts/\(someAccount.id!)"),
                ("/security/accounts/:id", "/security/accounts/\(someAccount.id!)"),
            ]
            func concrete(_ pattern: String) -> String {
                substitutions.reduce(pattern) { text, pair in text.replacingOccurrences(of: pair.0, with: pair.1) }
            }

            var browsers: [Browser] = []
            var clients: [APIClient] = []
            for actor in Self.actors {
                let browser = Browser(test)
                var client = APIClient(test: test, token: nil)
                if let username = actor.username {
                    try await browser.login(username, actor.password)
                    client = try await APIClient.signIn(test, username, actor.password)
                }
                browsers.append(browser)
                clients.append(client)
            }

            let last = ["POST /account/logout-everywhere", "POST /logout"]
            let order = Self.table.keys.filter { !last.contains($0) }.sorted() + last
            var mismatches: [String] = []
            for pattern in order {
                let request = concrete(pattern)
                let method = String(request.split(separator: " ")[0])
                let path = String(request.split(separator: " ")[1])
                let expected = Array(Self.table[pattern]!)
                if pattern == "POST /logout" { // everyone signed out everywhere just before: sign in again
                    for (index, actor) in Self.actors.enumerated() {
                        if let username = actor.username { try await browsers[index].login(username, actor.password) }
                    }
                }
                for (index, actor) in Self.actors.enumerated() {
                    let status: HTTPStatus
                    var location: String?
                    var path = path
                    if method == "DELETE" {  // a delete that goes through consumes its target: each actor gets one of their own
                        let target = DirectoryPersonModel()
                        target.organisationID = person.organisationID
                        target.name = "待删人员\(index)"
                        target.role = DirectoryRole.mediator.rawValue
                        target.phone = ""
                        target.practiceAreas = ""
                        target.duties = ""
                        target.onSiteHours = ""
                        target.updatedAt = Date()
                        try await target.create(on: test.db)
                        path = path.replacingOccurrences(of: person.id!.uuidString, with: target.id!.uuidString)
                    }
                    if path.hasPrefix("/api/") {
                        let json: Any? = method == "GET" ? nil : (method == "PUT" ? ["form": [:] as [String: Any]] : ["type": "preApprove"] as [String: Any])
                        status = try await clients[index].send(HTTPMethod(rawValue: method), path, json: json).status
                    } else if method == "GET" {
                        let page = try await browsers[index].get(path)
                        status = page.status
                        location = page.location
                    } else {
                        let page = try await browsers[index].post(path, [])
                        status = page.status
                        location = page.location
                    }
                    // A server error is neither let through nor turned away: it fails the matrix.
                    if status.code >= 500 {
                        mismatches.append("\(pattern) as \(actor.key): server error \(status.code)")
                        continue
                    }
                    let denied = [.unauthorized, .forbidden, .notFound].contains(status) || (location?.hasPrefix("/login?next=") ?? false)
                    let got: Character = denied ? "-" : "+"
                    if got != expected[index] {
                        mismatches.append("\(pattern) as \(actor.key): expected \(expected[index]), got \(status.code)\(location.map { " → \($0)" } ?? "")")
                    }
                }
            }
            XCTAssertEqual(mismatches, [], mismatches.joined(separator: "\n"))
        }
    }
}
