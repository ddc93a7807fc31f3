import Fluent
import XCTVapor
import XCTest
@testable import App
@testable import LegalAidCore

final class PlatformTests: XCTestCase {
    func test_healthAndOpenAPIAreServed() async throws {
        try await withTestApp { test in
            let browser = Browser(test)
            let _v32 = try await browser.get("/healthz").status
            XCTAssertEqual(_v32, .ok)
            let spec = try await browser.get("/openapi.yaml")
            XCTAssertEqual(spec.status, .ok)
            XCTAssertTrue(spec.contains("openapi: 3."))
            XCTAssertTrue(spec.contains("/api/v1/applications/{id}/events"))
        }
    }

    /// The app and WeChat clients are built from the document: every JSON API route is in it,
    /// with every method it answers, and it names no route that does not exist.
    func test_theOpenAPIDocumentDescribesEveryAPIRoute() async throws {
        try await withTestApp { test in
            let spec = try await Browser(test).get("/openapi.yaml").body
            var documented: Set<String> = []
            var path: String?
            for line in spec.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("  /"), line.hasSuffix(":") {
                    path = String(line.dropFirst(2).dropLast())
                } else if let current = path, line.hasPrefix("    "), !line.hasPrefix("     ") {
                    let key = line.trimmingCharacters(in: .whitespaces).split(separator: ":").first.map(String.init) ?? ""
                    if ["get", "post", "put", "delete", "patch"].contains(key) { documented.insert("\(key.uppercased()) \(current)") }
                } else if !line.hasPrefix(" ") {
                    path = nil
                }
            }
            let routes = Set(test.app.routes.all.compactMap { route -> String? in
                let path = "/" + route.path.map { component -> String in
                    if case .parameter(let name) = component { return "{\(name)}" }
                    return component.description
                }.joined(separator: "/")
                guard path.hasPrefix("/api/v1/") else { return nil }
                return "\(route.method.rawValue) \(path)"
            })
            XCTAssertEqual(routes.subtracting(documented).sorted(), [], "API routes missing from openapi.yaml")
            XCTAssertEqual(documented.filter { $0.contains("/api/v1/") }.subtracting(routes).sorted(), [], "openapi.yaml names routes that do not exist")
        }
    }

    func test_pagesCarrySecurityHeadersAndAreChinese() async throws {
        try await withTestApp { test in
            let home = try await Browser(test).get("/")
            XCTAssertTrue(home.contains("<html lang=\"zh-CN\""))
            XCTAssertTrue(home.contains("申请法律援助"))
            XCTAssertEqual(home.headers.first(name: "X-Content-Type-Options"), "nosniff")
            XCTAssertTrue(home.headers.first(name: "Content-Security-Policy")?.contains("script-src 'self'") ?? false)
            XCTAssertFalse(home.body.contains("<script>"), "no inline script")
        }
    }

    func test_demoDistrictIsSeededOnFirstStart() async throws {
        try await withTestApp { test in
            let orgs = try await OrganisationModel.query(on: test.db).all()
            let kinds = Dictionary(grouping: orgs, by: \.kind).mapValues(\.count)
            XCTAssertEqual(kinds["bureau"], 1)
            XCTAssertEqual(kinds["legalAidCenter"], 1)
            XCTAssertEqual(kinds["departmentLiaison"], 2)
            XCTAssertEqual(kinds["streetWorkstation"], 3)
            XCTAssertEqual(kinds["communityPoint"], 6)
            // The directory's demo adds firms, 司法所, villages and the rest around the legal-aid network.
            XCTAssertEqual(kinds["lawFirm"], 2 + DirectoryDemo.firmWords.count)
            XCTAssertEqual(kinds["justiceOffice"], DirectoryDemo.streets.count)
            XCTAssertEqual(kinds["villageCommittee"], DirectoryDemo.streets.count * DirectoryDemo.villagesPerStreet)
            XCTAssertGreaterThan(orgs.count, 300)
            let _v33 = try await AccountModel.query(on: test.db).count()
            XCTAssertEqual(_v33, DemoSeed.accounts.count + MediationDemo.mediators.count)
            // Mediation: every village's committee, one a street, and three industry committees.
            XCTAssertEqual(kinds["mediationCommittee"], DirectoryDemo.streets.count * (DirectoryDemo.villagesPerStreet + 1) + MediationDemo.industry.count)
            let committees = try await MediationCommitteeModel.query(on: test.db).all()
            XCTAssertEqual(committees.count, kinds["mediationCommittee"])
            XCTAssertFalse(committees.contains { $0.level == "village" && $0.placeID == nil }, "each village committee serves its village")
            let _v34 = try await HolidayModel.query(on: test.db).filter(\.$date == "2026-10-10").first()?.kind
            XCTAssertEqual(_v34, "makeUpWorkday")
        }
    }

    func test_systemAdminEntersNextYearsHolidays() async throws {
        try await withTestApp { test in
            let admin = Browser(test)
            try await admin.login("xitong", DemoSeed.staffPassword)
            let bad = try await admin.post("/admin/holidays", [("date", "2027-13-01"), ("kind", "rest"), ("name", "元旦")])
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertTrue(bad.contains("请按“年-月-日”填写日期"))
            let _v35 = try await admin.post("/admin/holidays", [("date", "2027-01-01"), ("kind", "rest"), ("name", "元旦")]).status
            XCTAssertEqual(_v35, .seeOther)
            let reference = try await ReferenceData.load(on: test.db)
            XCTAssertFalse(reference.calendar.isWorkingDay(LocalDate(iso: "2027-01-01")!))

            let reviewer = Browser(test)
            try await reviewer.login("shencha", DemoSeed.staffPassword)
            let _v36 = try await reviewer.post("/admin/holidays", [("date", "2027-01-02"), ("kind", "rest"), ("name", "元旦")]).status
            XCTAssertEqual(_v36, .forbidden)
        }
    }

    func test_documentNumbersRestartEachYear() async throws {
        try await withTestApp(now: chinaNoon("2026-12-30")) { test in
            let community = Browser(test)
            try await community.login("shequ1", DemoSeed.staffPassword)
            try await community.postMultipart("/applications/new", applicationFields(name: "年末测试", sequence: 31) + [("action", "submit")])
            test.clock.set(chinaNoon("2027-01-05"))
            try await community.login("shequ1", DemoSeed.staffPassword)
            try await community.postMultipart("/applications/new", applicationFields(name: "年初测试", sequence: 32) + [("action", "submit")])
            let forms = try await DocumentModel.query(on: test.db).filter(\.$kind == "applicationForm").sort(\.$issuedAt).all()
            XCTAssertTrue(forms.contains { $0.number == "（2027）示法援申字第0001号" }, forms.map(\.number).joined(separator: ","))
            let numbers = try await ApplicationModel.query(on: test.db).all().map(\.number)
            XCTAssertTrue(numbers.contains("FY2027-000001"))
        }
    }

    func test_migrationsRevertAndRunAgain() async throws {
        try await withTestApp { test in
            try await test.app.autoRevert()
            try await test.app.autoMigrate()
            let _v37 = try await OrganisationModel.query(on: test.db).count()
            XCTAssertEqual(_v37, 0)
            try await DemoSeed.seedIfEmpty(test.app)
            let _v38 = try await OrganisationModel.query(on: test.db).count()
            XCTAssertEqual(_v38, 15)
        }
    }

    func test_statusLookupDoesNotRevealWhichNumbersExist() async throws {
        try await withTestApp { test in
            let app = try await ApplicationModel.query(on: test.db).filter(\.$state == "submitted").firstOrFail()
            let wrongDigits = try await Browser(test).post("/lookup", [("number", app.number), ("phoneLast4", "0000")])
            let noSuchNumber = try await Browser(test).post("/lookup", [("number", "FY2026-999999"), ("phoneLast4", "0000")])
            XCTAssertEqual(wrongDigits.status, .unprocessableEntity)
            XCTAssertTrue(wrongDigits.contains("没有找到与申请编号和手机号码后四位都相符的申请"))
            XCTAssertTrue(noSuchNumber.contains("没有找到与申请编号和手机号码后四位都相符的申请"))
            let api = APIClient(test: test, token: nil)
            let ok = try await api.send(.GET, "/api/v1/status?number=\(app.number)&phoneLast4=\(app.phoneLast4)")
            XCTAssertEqual(ok.status, .ok)
            XCTAssertEqual(try api.object(ok)["state"] as? String, "submitted")
            XCTAssertFalse(String(buffer: ok.body).contains(app.applicantName), "no personal data without signing in")
        }
    }
}
