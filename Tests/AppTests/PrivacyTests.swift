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
        try await withTestApp(now: ConsultationAPITests.mondayMorning) { test in
            // A 12348 call logged: a conversation with the caller's number and two messages.
            let desk = try await APIClient.signIn(test, "shencha", DemoSeed.staffPassword)
            let logged = try await desk.send(.POST, "/api/v1/desk/calls", json: CallLogTests.goodCall)
            XCTAssertEqual(logged.status, .created)
            let old = Vault.ring
            var rotated = old
            rotated.keys["k2027"] = SymmetricKey(size: .bits256)
            rotated.activeID = "k2027"
            Vault.install(rotated)
            defer { Vault.install(old) }

            let rows = try await RotateKeysCommand.rotate(on: test.db, features: test.app.features)
            XCTAssertGreaterThan(rows, 10)
            // Every sealed column of every feature, the demo holding values in each that matters most.
            let sealed: [(table: String, column: String, demoHasSome: Bool)] = [
                ("applications", "form", true), ("applications", "eligibility", false), ("application_events", "payload", true),
                ("documents", "content", true), ("case_events", "payload", false), ("case_progress", "note", false),
                ("objections", "reason", false), ("lawyer_change_requests", "reason", false), ("case_members", "member", false),
                ("detained_requests", "person", false), ("accounts", "phone", true), ("accounts", "totp_secret", true),
                ("sms_outbox", "phone", true),
                ("consultations", "phone", true), ("consultation_messages", "body", true), ("sms_outbox", "params", true),
            ]
            for column in sealed {
                let values = try await rawColumn(test, table: column.table, column: column.column).filter { !$0.isEmpty }
                if column.demoHasSome { XCTAssertFalse(values.isEmpty, "\(column.table).\(column.column): the demo holds some") }
                for value in values { XCTAssertTrue(value.hasPrefix("v1:k2027:"), "\(column.table).\(column.column) sealed again under the new key") }
            }

            // The old key can now be retired: everything still opens.
            var retired = rotated
            retired.keys[old.activeID] = nil
            Vault.install(retired)
            let apps = try await ApplicationModel.query(on: test.db).all()
            XCTAssertTrue(apps.contains { $0.form.applicant.name == "赵示例" })
            let citizen = Browser(test)
            try await citizen.login(DemoSeed.citizenPhone, DemoSeed.citizenPassword)
            let messages = try await ConsultationMessageModel.query(on: test.db).all()
            XCTAssertFalse(messages.map(\.body).isEmpty, "conversations still open")
            let staff = try await test.account("shequ1")
            XCTAssertNotNil(staff.totpSecret, "a staff member's authenticator still opens")
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
            // Wrong status-lookup tries: yesterday's (relative to `later`) kept, older ones deleted.
            for day in [LocalDate(later).adding(days: -5), LocalDate(later).adding(days: -1)] {
                let failure = LookupFailureModel()
                failure.number = "FY2026-000001"
                failure.day = day.iso
                failure.count = 2
                failure.notified = false
                try await failure.create(on: test.db)
            }
            let counts = try await PurgeExpiredCommand.purge(now: later, services: test.app.fayuan, on: test.db, features: test.app.features)
            XCTAssertEqual(counts[.unsubmittedDraft], 1)
            XCTAssertGreaterThan(counts[.smsOutbox] ?? 0, 0)
            XCTAssertEqual(counts[.lookupFailure], 1, "the lookup tries older than two days")
            let _v900 = try await LookupFailureModel.query(on: test.db).all().map(\.day)
            XCTAssertEqual(_v900, [LocalDate(later).adding(days: -1).iso])
            let _v901 = try await ApplicationModel.query(on: test.db).filter(\.$state == "draft").count()
            XCTAssertEqual(_v901, 0)
            let _v902 = try await ApplicationModel.query(on: test.db).filter(\.$state == "submitted").count()
            XCTAssertEqual(_v902, sessionsBefore)
            let _v903 = try await SMSOutboxModel.query(on: test.db).count()
            XCTAssertEqual(_v903, 0)

            let early = try await PurgeExpiredCommand.purge(now: later.addingTimeInterval(86_400), services: test.app.fayuan, on: test.db, features: test.app.features)
            XCTAssertEqual(early[.unsubmittedDraft], 0)
        }
    }
}
