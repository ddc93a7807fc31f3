import Vapor
import XCTest
@testable import App
@testable import KnowledgeCore
@testable import LegalAidCore

/// One typed address per page: the value that registers the route writes the link.
final class SiteURLTests: XCTestCase {
    func test_aRouteIsRegisteredFromTheSameValueThatWritesItsLinks() {
        let id = UUID()
        XCTAssertEqual(SiteURL.legalAidCase(.key).path, "/cases/:id")
        XCTAssertEqual(SiteURL.legalAidCase(id).path, "/cases/\(id.uuidString)")
        XCTAssertEqual(SiteURL.caseAction(.key, .key).pathComponents.map(\.description), ["cases", ":id", "actions", ":event"])
        XCTAssertEqual(SiteURL.caseAction(id, .assignLawyer).path, "/cases/\(id.uuidString)/actions/assignLawyer")
        XCTAssertEqual(SiteURL.api(.caseStep(.key, .refuseChange)).path, "/api/v1/cases/:id/change-request/refuse")
    }

    func test_everyLinkThePagesWriteLeadsToARegisteredRoute() async throws {
        try await withTestApp { test in
            let routes = test.app.routes.all.map { ($0.method, $0.path) }
            func registered(_ method: HTTPMethod, _ url: SiteURL) -> Bool {
                let parts = url.path.split(separator: "?")[0].split(separator: "/").map(String.init)
                return routes.contains { routeMethod, path in
                    routeMethod == method && path.count == parts.count && zip(path, parts).allSatisfy { component, part in
                        switch component {
                        case .constant(let text): text == part
                        case .parameter: true
                        default: false
                        }
                    }
                }
            }
            let id = UUID()
            let pages: [SiteURL] = [.home, .login(), .register, .lookup, .myApplications, .newApplication, .application(id), .editApplication(id),
                                    .attachment(id), .document(id), .workbench, .cases, .legalAidCase(id), .intake, .lawyers, .lawyer(id),
                                    .objections, .objection(id), .audit, .auditExport, .accountRoles(id), .holidays, .account, .changePassword,
                                    .lockedAccounts, .accountAdmin, .openAPI, .health, .secondFactor, .enrolSecondFactor,
                                    .knowledge, .knowledgeEntry(.value(id)), .lawArticle(.value(id), .value(ArticleNumber(31))), .lawArticle(.value(id), .value(ArticleNumber(133, sub: 1))), .knowledgeManage, .newKnowledgeEntry,
                                    .editKnowledgeEntry(.value(id)), .knowledgeVersions(.value(id)), .consultationToFAQ(.value(id)),
                                    .knowledgeAsk, .knowledgeQuestions]
            for page in pages { XCTAssertTrue(registered(.GET, page), "GET \(page.path)") }
            var forms: [SiteURL] = [.logout, .displayMode, .newApplication, .editApplication(id), .uploadAttachments(id), .intakeNotifications,
                                    .intakeDetained, .forwardDetained(id), .lawyer(id), .objectionDecision(id), .unlockAccount(id),
                                    .smsCodeSetting, .deleteHoliday(id), .readAlert(id), .logoutEverywhere, .applicationStep(id, .objection),
                                    .applicationStep(id, .urgentAid)]
            forms += [.newKnowledgeEntry, .editKnowledgeEntry(.value(id)), .knowledgeQuestionDone(.value(id))] + KnowledgeStep.allCases.map { .knowledgeStep(.value(id), $0) }
            forms += ApplicationEventKind.allCases.map { .action(id, $0) }
            forms += CaseEventKind.allCases.map { .caseAction(id, $0) }
            forms += [CaseStep.progress, .changeRequest, .refuseChange, .mediation, .members].map { .caseStep(id, $0) }
            for form in forms { XCTAssertTrue(registered(.POST, form), "POST \(form.path)") }
        }
    }
}
