import Fluent
import XCTest
@testable import App
@testable import LegalAidCore

extension TestApp {
    var applications: ApplicationService {
        ApplicationService(scope: ServiceScope(db: db, services: app.fayuan, clientAddress: "test", logger: app.logger))
    }

    /// A synthetic application taken to the director's desk (awaiting decision). Filed by the demo
    /// citizen online when `byCitizen`, otherwise by the 幸福一社区 community point.
    func applicationAwaitingDecision(name: String, sequence: Int, byCitizen: Bool = false) async throws -> ApplicationModel {
        let reference = try await ReferenceData.load(on: db)
        let filer = try await account(byCitizen ? DemoSeed.citizenPhone : "shequ1")
        let point = try await organisation(xingfuPointName)
        let form = SyntheticPerson.form(name: name, birth: "19700101", sequence: sequence, phone: "139000001\(String(format: "%02d", sequence % 100))")
        let app = try await applications.createDraft(form: form, communityPointID: byCitizen ? point.id : nil, preReviewOrganisationID: nil,
                                                     by: filer, reference: reference)
        try await applications.perform(.submit, on: app.id!, expectedVersion: nil, by: filer)
        try await applications.perform(.preApprove(opinion: "同意"), on: app.id!, expectedVersion: nil, by: try await account("gongzuozhan1"))
        let reviewer = try await account("shencha")
        try await applications.perform(.accept, on: app.id!, expectedVersion: nil, by: reviewer)
        try await applications.perform(.fileReview(ReviewOpinion(recommendApproval: true, opinion: "同意")), on: app.id!, expectedVersion: nil, by: reviewer)
        return try await ApplicationModel.find(app.id, on: db)!
    }

    func decide(_ app: ApplicationModel, approve: Bool) async throws {
        let director = try await account("shenpi")
        try await applications.perform(approve ? .approve(note: "") : .deny(reasons: "家庭人均收入高于标准"), on: app.id!, expectedVersion: nil, by: director)
    }

    func legalAidCase(of app: ApplicationModel) async throws -> CaseModel {
        try await CaseModel.query(on: db).filter(\.$applicationID == app.id!).firstOrFail()
    }

    func documents(of app: ApplicationModel, kind: DocumentKind) async throws -> [DocumentModel] {
        try await DocumentModel.query(on: db).filter(\.$applicationID == app.id!).filter(\.$kind == kind.rawValue).all()
    }

    func sms(of app: ApplicationModel) async throws -> [String] {
        try await SMSOutboxModel.query(on: db).filter(\.$applicationID == app.id!).all().map(\.body)
    }

    func staffBrowser(_ username: String) async throws -> Browser {
        let browser = Browser(self)
        try await browser.login(username, DemoSeed.staffPassword)
        return browser
    }
}
