import Fluent
import XCTVapor
import XCTest
@testable import App
@testable import LegalAidCore

/// Every read and write is checked against role and organisation subtree.
final class AccessTests: XCTestCase {
    /// An application filed at 幸福一社区, so it belongs to 幸福街道工作站.
    func submittedAtXingfu(_ test: TestApp) async throws -> ApplicationModel {
        let community = Browser(test)
        try await community.login("shequ1", DemoSeed.staffPassword)
        try await community.postMultipart("/applications/new", applicationFields(name: "吴测试", sequence: 11) + [("action", "submit")])
        return try await ApplicationModel.query(on: test.db).filter(\.$applicantName == "吴测试").firstOrFail()
    }

    func test_anotherWorkstationsApplicationIsInvisible() async throws {
        try await withTestApp { test in
            let app = try await submittedAtXingfu(test)
            let other = Browser(test)
            try await other.login("gongzuozhan2", DemoSeed.staffPassword)
            let _v1 = try await other.get(SiteURL.application(app.id!).path).status
            XCTAssertEqual(_v1, .notFound)
            let _v2 = try await other.get("/workbench").contains(app.number)
            XCTAssertFalse(_v2)
            let act = try await other.post(SiteURL.action(app.id!, .preApprove).path, [("version", "1"), ("opinion", "越权")])
            XCTAssertEqual(act.status, .notFound)
            let _v3 = try await test.application(app.number).applicationState
            XCTAssertEqual(_v3, .submitted)

            let api = try await APIClient.signIn(test, "gongzuozhan2", DemoSeed.staffPassword)
            let _v4 = try await api.send(.GET, "/api/v1/applications/\(app.id!)").status
            XCTAssertEqual(_v4, .notFound)
            let list = try await api.send(.GET, "/api/v1/applications")
            XCTAssertFalse(String(buffer: list.body).contains(app.number))

            let own = Browser(test)
            try await own.login("gongzuozhan1", DemoSeed.staffPassword)
            let _v5 = try await own.get(SiteURL.application(app.id!).path).status
            XCTAssertEqual(_v5, .ok)
        }
    }

    func test_citizenCannotSeeSomeoneElsesApplication() async throws {
        try await withTestApp { test in
            let app = try await submittedAtXingfu(test)
            let citizen = Browser(test)
            try await citizen.login(DemoSeed.citizenPhone, DemoSeed.citizenPassword)
            let _v6 = try await citizen.get(SiteURL.application(app.id!).path).status
            XCTAssertEqual(_v6, .notFound)
            let _v7 = try await citizen.get("/my").contains(app.number)
            XCTAssertFalse(_v7)
        }
    }

    func test_administratorsAndTheSupervisorCannotDecide() async throws {
        try await withTestApp { test in
            let app = try await submittedAtXingfu(test)
            for username in ["xitong", "anquan", "shenji"] {
                let admin = Browser(test)
                try await admin.login(username, DemoSeed.staffPassword)
                let _v8 = try await admin.get(SiteURL.application(app.id!).path).status
                XCTAssertEqual(_v8, .notFound, username)
            }
            let supervisor = Browser(test)
            try await supervisor.login("jiandu", DemoSeed.staffPassword)
            let _v9 = try await supervisor.get(SiteURL.application(app.id!).path).status
            XCTAssertEqual(_v9, .ok)
            let _v10 = try await supervisor.post(SiteURL.action(app.id!, .preApprove).path, [("version", "1"), ("opinion", "同意")]).status
            XCTAssertEqual(_v10, .forbidden)
        }
    }

    func test_centreReviewerCannotPreApprove() async throws {
        try await withTestApp { test in
            let app = try await submittedAtXingfu(test)
            let reviewer = Browser(test)
            try await reviewer.login("shencha", DemoSeed.staffPassword)
            let page = try await reviewer.post(SiteURL.action(app.id!, .preApprove).path, [("version", "1"), ("opinion", "同意")])
            XCTAssertEqual(page.status, .forbidden)
            XCTAssertTrue(page.contains("您的岗位无权执行“初审通过”"))
        }
    }

    func test_pagesNeedSignInAndStaffPagesNeedStaff() async throws {
        try await withTestApp { test in
            let anonymous = Browser(test)
            let workbench = try await anonymous.get("/workbench")
            XCTAssertEqual(workbench.status, .seeOther)
            XCTAssertEqual(workbench.location, "/login?next=%2Fworkbench")
            let _v11 = try await APIClient(test: test, token: nil).send(.GET, "/api/v1/applications").status
            XCTAssertEqual(_v11, .unauthorized)
            let citizen = Browser(test)
            try await citizen.login(DemoSeed.citizenPhone, DemoSeed.citizenPassword)
            let _v12 = try await citizen.get("/workbench").status
            XCTAssertEqual(_v12, .forbidden)
            let _v13 = try await citizen.get("/admin/holidays").status
            XCTAssertEqual(_v13, .forbidden)
        }
    }

    func test_formsWithoutTheSessionsTokenAreRefused() async throws {
        try await withTestApp { test in
            let browser = Browser(test)
            let page = try await browser.post("/login", [("username", "shencha"), ("password", DemoSeed.staffPassword)], csrf: "forged")
            XCTAssertEqual(page.status, .forbidden)
            XCTAssertTrue(page.contains("页面已过期"))
        }
    }

    func test_wrongPasswordIsRefusedPlainly() async throws {
        try await withTestApp { test in
            let page = try await Browser(test).post("/login", [("username", "shencha"), ("password", "wrong-password-1")])
            XCTAssertEqual(page.status, .unprocessableEntity)
            XCTAssertTrue(page.contains("用户名或密码不正确"))
            XCTAssertTrue(page.contains("value=\"shencha\""))
        }
    }
}
