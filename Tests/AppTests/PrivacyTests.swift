import Fluent
import SQLKit
import XCTVapor
import XCTest
@testable import App
@testable import LegalAidCore

/// Personal data is encrypted at rest and found through keyed hashes, never stored in clear.
final class PrivacyTests: XCTestCase {
    func rawColumn(_ test: TestApp, table: String, column: String, number: String? = nil) async throws -> [String] {
        let sql = test.db as! SQLDatabase
        let rows = try await sql.raw("SELECT \(unsafeRaw: column) AS value FROM \(unsafeRaw: table)").all()
        return try rows.map { try $0.decode(column: "value", as: String?.self) ?? "" }
    }

    func test_idNumbersPhonesAndFactsAreNotStoredInClear() async throws {
        try await withTestApp { test in
            let community = Browser(test)
            try await community.login("shequ1", DemoSeed.staffPassword)
            try await community.postMultipart("/applications/new", applicationFields(name: "隐私测试", sequence: 61, phone: "13700006161") + [("action", "submit")])
            let id = SyntheticPerson.idNumber(birth: "19800101", sequence: 61)
            let forms = try await rawColumn(test, table: "applications", column: "form")
            XCTAssertFalse(forms.isEmpty)
            for form in forms {
                XCTAssertTrue(form.hasPrefix("v1:test1:"))
                XCTAssertFalse(form.contains(id))
                XCTAssertFalse(form.contains("13700006161"))
                XCTAssertFalse(form.contains("工资两万五千元"))
            }
            for content in try await rawColumn(test, table: "documents", column: "content") { XCTAssertTrue(content.hasPrefix("v1:")) }
            for phone in try await rawColumn(test, table: "sms_outbox", column: "phone") { XCTAssertFalse(phone.contains("13700006161")) }
            let usernames = try await rawColumn(test, table: "accounts", column: "username")
            XCTAssertFalse(usernames.contains(DemoSeed.citizenPhone))

            // The keyed hash still finds the application by ID number.
            let index = Vault.ring.blindIndex(id, purpose: "idNumber")
            let found = try await ApplicationModel.query(on: test.db).filter(\.$idNumberIndex == index).all()
            XCTAssertEqual(found.map(\.applicantName), ["隐私测试"])
        }
    }

    func test_rotatingKeysReencryptsEverythingUnderTheNewKey() async throws {
        try await withTestApp { test in
            let old = Vault.ring
            var rotated = old
            rotated.keys["k2027"] = SymmetricKey(size: .bits256)
            rotated.activeID = "k2027"
            Vault.keyRing = rotated
            defer { Vault.keyRing = old }

            let rows = try await RotateKeysCommand.rotate(on: test.db)
            XCTAssertGreaterThan(rows, 10)
            for form in try await rawColumn(test, table: "applications", column: "form") { XCTAssertTrue(form.hasPrefix("v1:k2027:")) }
            for content in try await rawColumn(test, table: "documents", column: "content") { XCTAssertTrue(content.hasPrefix("v1:k2027:")) }

            // The old key can now be retired: everything still opens.
            var retired = rotated
            retired.keys[old.activeID] = nil
            Vault.keyRing = retired
            let apps = try await ApplicationModel.query(on: test.db).all()
            XCTAssertTrue(apps.contains { $0.form.applicant.name == "赵示例" })
            let citizen = Browser(test)
            try await citizen.login(DemoSeed.citizenPhone, DemoSeed.citizenPassword)
        }
    }
}

final class MaskingTests: XCTestCase {
    func test_numbersAreMaskedUntilRevealedAndEachRevealIsAudited() async throws {
        try await withTestApp { test in
            let app = try await ApplicationModel.query(on: test.db).filter(\.$state == "submitted").firstOrFail()
            let id = app.form.applicant.idNumber
            let station = Browser(test)
            try await station.login("gongzuozhan1", DemoSeed.staffPassword)
            let page = try await station.get(SiteURL.application(app.id!).path)
            XCTAssertFalse(page.contains(id))
            XCTAssertTrue(page.contains(ResidentID.parse(id).map(\.masked).value!))
            let revealed = try await station.get(SiteURL.application(app.id!).path + "?reveal=1")
            XCTAssertTrue(revealed.contains(id))
            let reveals = try await test.auditTrail().filter(\.$event == "personalData.reveal").count()
            XCTAssertEqual(reveals, 1)

            // The district supervisor sees the application but never the whole numbers.
            let supervisor = Browser(test)
            try await supervisor.login("jiandu", DemoSeed.staffPassword)
            let _v901 = try await supervisor.get(SiteURL.application(app.id!).path + "?reveal=1").contains(id)
            XCTAssertFalse(_v901)
            let api = try await APIClient.signIn(test, "jiandu", DemoSeed.staffPassword)
            let json = try await api.send(.GET, "/api/v1/applications/\(app.id!)")
            XCTAssertFalse(String(buffer: json.body).contains(id))
        }
    }
}

final class RetentionTests: XCTestCase {
    func test_purgeDeletesWhatPassedItsPeriodAndKeepsTheRest() async throws {
        try await withTestApp { test in
            // Row timestamps come from the database layer's real clock: look 400 days ahead of it.
            let later = Date().addingTimeInterval(400 * 86_400)
            let sessionsBefore = try await ApplicationModel.query(on: test.db).filter(\.$state == "submitted").count()
            let counts = try await PurgeExpiredCommand.purge(now: later, services: test.app.fayuan, on: test.db)
            XCTAssertEqual(counts[.unsubmittedDraft], 1)
            XCTAssertGreaterThan(counts[.smsOutbox] ?? 0, 0)
            let _v901 = try await ApplicationModel.query(on: test.db).filter(\.$state == "draft").count()
            XCTAssertEqual(_v901, 0)
            let _v902 = try await ApplicationModel.query(on: test.db).filter(\.$state == "submitted").count()
            XCTAssertEqual(_v902, sessionsBefore)
            let _v903 = try await SMSOutboxModel.query(on: test.db).count()
            XCTAssertEqual(_v903, 0)

            let early = try await PurgeExpiredCommand.purge(now: later.addingTimeInterval(86_400), services: test.app.fayuan, on: test.db)
            XCTAssertEqual(early[.unsubmittedDraft], 0)
        }
    }
}
