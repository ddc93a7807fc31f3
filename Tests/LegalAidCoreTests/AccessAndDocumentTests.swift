import XCTest
@testable import LegalAidCore

final class AccessPolicyTests: XCTestCase {
    let bureau = UUID(), centre = UUID(), stationA = UUID(), stationB = UUID(), pointA = UUID(), pointB = UUID(), liaison = UUID()
    lazy var tree = OrganisationTree(orgs)
    lazy var orgs = [
        Organisation(id: bureau, name: "司法局", kind: .bureau, parentID: nil, code: "示", hours: .officeHours),
        Organisation(id: centre, name: "中心", kind: .legalAidCenter, parentID: bureau, code: "示", hours: .officeHours),
        Organisation(id: stationA, name: "甲街道", kind: .streetWorkstation, parentID: centre, code: "甲", hours: .onlineDesk),
        Organisation(id: stationB, name: "乙街道", kind: .streetWorkstation, parentID: centre, code: "乙", hours: .onlineDesk),
        Organisation(id: pointA, name: "甲社区", kind: .communityPoint, parentID: stationA, code: "甲一", hours: .onlineDesk),
        Organisation(id: pointB, name: "乙社区", kind: .communityPoint, parentID: stationB, code: "乙一", hours: .onlineDesk),
        Organisation(id: liaison, name: "妇联", kind: .departmentLiaison, parentID: centre, code: "妇", hours: .officeHours),
    ]

    func scope(point: UUID, station: UUID, owner: UUID? = nil, draft: Bool = false) -> ApplicationScope {
        ApplicationScope(ownerAccountID: owner, communityPointID: point, preReviewOrganisationID: station, centreID: centre, isDraft: draft)
    }

    func test_workstationSeesOnlyItsOwnCommunityPointsApplications() {
        let staffA = actor(.workstationStaff, org: stationA)
        XCTAssertTrue(AccessPolicy.canView(scope(point: pointA, station: stationA), actor: staffA, tree: tree))
        XCTAssertFalse(AccessPolicy.canView(scope(point: pointB, station: stationB), actor: staffA, tree: tree))
    }

    func test_communityPointIsRoutedToItsWorkstation() {
        XCTAssertEqual(tree.preReviewOrganisation(forCommunityPoint: pointB)?.id, stationB)
        XCTAssertEqual(tree.nearest(.legalAidCenter, from: pointB)?.id, centre)
    }

    func test_centreAndDistrictSupervisorSeeAllButAdministratorsSeeNone() {
        let app = scope(point: pointB, station: stationB)
        XCTAssertTrue(AccessPolicy.canView(app, actor: actor(.centreReviewer, org: centre), tree: tree))
        XCTAssertTrue(AccessPolicy.canView(app, actor: actor(.supervisor, org: bureau), tree: tree))
        XCTAssertFalse(AccessPolicy.canAct(app, actor: actor(.supervisor, org: bureau), tree: tree))
        for admin in Role.administrators {
            XCTAssertFalse(AccessPolicy.canView(app, actor: actor(admin, org: bureau), tree: tree))
        }
    }

    func test_citizenSeesOnlyTheirOwn() {
        let me = UUID()
        XCTAssertTrue(AccessPolicy.canView(scope(point: pointA, station: stationA, owner: me), actor: actor(.citizen, id: me), tree: tree))
        XCTAssertFalse(AccessPolicy.canView(scope(point: pointA, station: stationA, owner: UUID()), actor: actor(.citizen, id: me), tree: tree))
    }

    func test_draftsStayWithTheirAuthor() {
        let draft = scope(point: pointA, station: stationA, draft: true)
        XCTAssertTrue(AccessPolicy.canView(draft, actor: actor(.communityStaff, org: pointA), tree: tree))
        XCTAssertFalse(AccessPolicy.canView(draft, actor: actor(.workstationStaff, org: stationA), tree: tree))
        XCTAssertFalse(AccessPolicy.canView(draft, actor: actor(.centreReviewer, org: centre), tree: tree))
    }

    /// Lists are filtered in the database by the reach; it must admit exactly what the policy
    /// lets each person see, for every role at every organisation and every kind of scope.
    func test_reachAdmitsExactlyWhatThePolicyLetsEachPersonSee() {
        let me = UUID()
        let orgs = [bureau, centre, stationA, stationB, pointA, pointB, liaison]
        var scopes: [ApplicationScope] = []
        for point in [pointA, pointB] {
            for station in [stationA, stationB, liaison] {
                for owner in [nil, me, UUID()] as [UUID?] {
                    for draft in [false, true] { scopes.append(scope(point: point, station: station, owner: owner, draft: draft)) }
                }
            }
        }
        for role in Role.allCases {
            for org in orgs {
                let person = Actor(accountID: me, roles: try! RoleSet([role]), organisationID: role == .citizen ? nil : org)
                let reach = AccessPolicy.applicationReach(of: person, tree: tree)
                for scope in scopes {
                    XCTAssertEqual(reach.admits(scope), AccessPolicy.canView(scope, actor: person, tree: tree), "\(role) at \(org): \(scope)")
                }
            }
        }
    }

    func test_caseReachAdmitsExactlyWhatThePolicyLetsEachPersonSee() {
        let me = UUID(), firm = UUID()
        let firmTree = OrganisationTree(orgs + [Organisation(id: firm, name: "律所", kind: .lawFirm, parentID: bureau, code: "律", hours: .officeHours)])
        var scopes: [CaseScope] = []
        for lawyer in [nil, me, UUID()] as [UUID?] {
            for firmID in [nil, firm, UUID()] as [UUID?] {
                for applicant in [nil, me, UUID()] as [UUID?] {
                    scopes.append(CaseScope(centreID: centre, lawyerAccountID: lawyer, firmID: firmID, applicantAccountID: applicant))
                }
            }
        }
        for role in Role.allCases {
            for org in [bureau, centre, stationA, pointA, firm] {
                let person = Actor(accountID: me, roles: try! RoleSet([role]), organisationID: role == .citizen ? nil : org)
                let reach = AccessPolicy.caseReach(of: person, tree: firmTree)
                for scope in scopes {
                    XCTAssertEqual(reach.admits(scope), AccessPolicy.canViewCase(scope, actor: person, tree: firmTree), "\(role) at \(org): \(scope)")
                }
            }
        }
    }

    func test_noAccountCombinesTwoAdministrators_三员分立() {
        XCTAssertThrowsError(try RoleSet([.systemAdmin, .auditAdmin]))
        XCTAssertThrowsError(try RoleSet([.securityAdmin, .systemAdmin]))
        XCTAssertThrowsError(try RoleSet([.citizen, .lawyer]))
        XCTAssertNoThrow(try RoleSet([.centreReviewer, .centreDirector]))
        XCTAssertNoThrow(try RoleSet([.auditAdmin]))
    }
}

final class DocumentNumberTests: XCTestCase {
    func test_numberShowsYearCentreKindAndFourDigitSequence() {
        XCTAssertEqual(DocumentNumber(centreCode: "示", kind: .grantDecision, year: 2026, sequence: 7).text, "（2026）示法援援字第0007号")
        XCTAssertEqual(DocumentNumber(centreCode: "示", kind: .denialDecision, year: 2027, sequence: 12).text, "（2027）示法援不援字第0012号")
    }

    func test_everyKindHasItsOwnNumberWord() {
        XCTAssertEqual(Set(DocumentKind.allCases.map(\.numberWord)).count, DocumentKind.allCases.count)
    }

    func test_denialDecisionStatesReasonsAndTheRightToObject_art49() throws {
        let transition = try Workflow.apply(.deny(reasons: "家庭月人均收入高于标准"), to: ApplicationCase(state: .awaitingDecision),
                                            by: actor(.centreDirector), at: noon("2026-03-05")).get()
        let content = DocumentWriter.content(DocumentFacts(
            kind: .denialDecision, number: DocumentNumber(centreCode: "示", kind: .denialDecision, year: 2026, sequence: 1),
            applicationNumber: "FY2026-000001", form: validForm(), issuedAt: transition.at, payload: transition.payload, issuer: "示范区法律援助中心",
            centreName: "示范区法律援助中心", preReviewName: "甲街道", communityPointName: "甲社区", eligibility: nil, decisionDue: nil))
        XCTAssertEqual(content.addressee, "王测试")
        XCTAssertTrue(content.paragraphs.contains { $0.contains("家庭月人均收入高于标准") })
        XCTAssertTrue(content.paragraphs.contains { $0.contains("五日内") })
        XCTAssertEqual(content.issuedOn, day("2026-03-05"))
    }

    func test_applicationFormShowsTheIDNumberMasked() throws {
        let transition = try Workflow.apply(.submit, to: ApplicationCase(state: .draft), by: actor(.communityStaff), at: noon("2026-03-05")).get()
        let content = DocumentWriter.content(DocumentFacts(
            kind: .applicationForm, number: DocumentNumber(centreCode: "示", kind: .applicationForm, year: 2026, sequence: 1),
            applicationNumber: "FY2026-000001", form: validForm(), issuedAt: transition.at, payload: transition.payload, issuer: "甲社区",
            centreName: "中心", preReviewName: "甲街道", communityPointName: "甲社区", eligibility: nil, decisionDue: nil))
        XCTAssertTrue(content.rows.contains { $0.value == "110***********002X" })
        XCTAssertFalse(content.rows.contains { $0.value.contains("11010519491231002X") })
    }
}
