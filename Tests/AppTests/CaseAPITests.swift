import Fluent
import XCTVapor
import XCTest
@testable import App
@testable import LegalAidCore

/// The case over JSON: the same steps and the same refusals as the pages, machine-readable.
final class CaseAPITests: XCTestCase {
    func test_assignHandleCloseOverTheAPI_withMachineReadableRefusals() async throws {
        try await withTestApp { test in
            let reviewer = try await APIClient.signIn(test, "shencha", DemoSeed.staffPassword)
            let list = try await reviewer.send(.GET, "/api/v1/cases")
            XCTAssertEqual(list.status, .ok)
            let cases = try JSONSerialization.jsonObject(with: Data(buffer: list.body)) as? [[String: Any]] ?? []
            let id = try XCTUnwrap(cases.first?["id"] as? String)
            XCTAssertEqual(cases.first?["state"] as? String, "awaitingAssignment")

            // A lawyer from outside the district: refused, field named, nothing changed.
            let outsider = try await reviewer.send(.POST, "/api/v1/cases/\(id)/events", json: ["type": "assignLawyer", "version": 0, "lawyerID": UUID().uuidString])
            XCTAssertEqual(outsider.status, .unprocessableEntity)
            let problem = try reviewer.object(outsider)["error"] as? [String: Any]
            XCTAssertEqual(problem?["field"] as? String, "lawyerID")
            XCTAssertEqual(problem?["code"] as? String, "invalidChoice")
            let _v1 = try await CaseModel.find(UUID(uuidString: id), on: test.db)!.caseState
            XCTAssertEqual(_v1, .awaitingAssignment)

            let unknown = try await reviewer.send(.POST, "/api/v1/cases/\(id)/events", json: ["type": "approve"])
            XCTAssertEqual(unknown.status, .unprocessableEntity)
            let missingCase = try await reviewer.send(.POST, "/api/v1/cases/\(UUID().uuidString)/events", json: ["type": "assignLawyer"])
            XCTAssertEqual(missingCase.status, .notFound)

            let qin = try await test.account("lvshi1")
            let assigned = try await reviewer.send(.POST, "/api/v1/cases/\(id)/events", json: ["type": "assignLawyer", "version": 0, "lawyerID": qin.id!.uuidString])
            XCTAssertEqual(assigned.status, .ok)
            let detail = try reviewer.object(assigned)
            XCTAssertEqual((detail["summary"] as? [String: Any])?["state"] as? String, "inProgress")
            let stale = try await reviewer.send(.POST, "/api/v1/cases/\(id)/events", json: ["type": "changeLawyer", "version": 0, "lawyerID": qin.id!.uuidString, "reason": "x"])
            XCTAssertEqual(stale.status, .conflict, "an old version is refused")

            let lawyer = try await APIClient.signIn(test, "lvshi1", DemoSeed.staffPassword)
            let progress = try await lawyer.send(.POST, "/api/v1/cases/\(id)/progress", json: ["kind": "meeting", "note": "与受援人面谈，收集欠条", "notifyApplicant": true])
            XCTAssertEqual(progress.status, .created)
            let noNote = try await lawyer.send(.POST, "/api/v1/cases/\(id)/progress", json: ["kind": "meeting"])
            XCTAssertEqual(noNote.status, .unprocessableEntity)
            XCTAssertEqual((try lawyer.object(noNote)["error"] as? [String: Any])?["field"] as? String, "note")
            let report = try await lawyer.send(.POST, "/api/v1/cases/\(id)/events", json: ["type": "fileClosingReport", "version": 1, "outcome": "调解结案，追回工资"])
            XCTAssertEqual(report.status, .ok)
            let second = try await lawyer.send(.POST, "/api/v1/cases/\(id)/events", json: ["type": "fileClosingReport", "version": 2, "outcome": "再次"])
            XCTAssertEqual(second.status, .conflict, "a second closing report is refused")

            let shown = try await reviewer.send(.GET, "/api/v1/cases/\(id)")
            let body = try reviewer.object(shown)
            XCTAssertEqual((body["events"] as? [[String: Any]])?.compactMap { $0["type"] as? String }, ["assignLawyer", "fileClosingReport"])
            XCTAssertEqual((body["progress"] as? [[String: Any]])?.count, 1)

            let deadlines = try await reviewer.send(.GET, "/api/v1/deadlines")
            XCTAssertEqual(deadlines.status, .ok)
        }
    }

    func test_notificationAndObjectionOverTheAPI() async throws {
        try await withTestApp(now: chinaNoon("2026-03-02")) { test in
            let reviewer = try await APIClient.signIn(test, "shencha", DemoSeed.staffPassword)
            let bad = try await reviewer.send(.POST, "/api/v1/notifications", json: ["authority": "army", "personName": "赵测试"])
            XCTAssertEqual(bad.status, .unprocessableEntity)
            let fields = ((try reviewer.object(bad)["error"] as? [String: Any])?["fields"] as? [[String: Any]])?.compactMap { $0["field"] as? String } ?? []
            XCTAssertEqual(Set(fields), ["authority", "authorityName", "charge", "receivedOn"])
            let made = try await reviewer.send(.POST, "/api/v1/notifications", json: ["authority": "procuratorate", "authorityName": "示范区人民检察院",
                                                                                     "personName": "赵测试", "charge": "盗窃罪", "receivedOn": "2026-03-02"])
            XCTAssertEqual(made.status, .created)
            XCTAssertEqual((try reviewer.object(made)["summary"] as? [String: Any])?["assignmentDue"] as? String, "2026-03-05")

            let app = try await test.applicationAwaitingDecision(name: "接口异议", sequence: 48, byCitizen: true)
            try await test.decide(app, approve: false)
            let citizen = try await APIClient.signIn(test, DemoSeed.citizenPhone, DemoSeed.citizenPassword)
            let objection = try await citizen.send(.POST, "/api/v1/applications/\(app.id!.uuidString)/objection", json: ["reason": "收入计算有误"])
            XCTAssertEqual(objection.status, .created)
            let objectionID = try XCTUnwrap(try citizen.object(objection)["id"] as? String)
            let centre = try await APIClient.signIn(test, "shenpi", DemoSeed.staffPassword)
            let _v1 = try await centre.send(.POST, "/api/v1/objections/\(objectionID)/decision", json: ["outcome": "upheld", "explanation": "x"]).status
            XCTAssertEqual(_v1, .forbidden)
            let bureau = try await APIClient.signIn(test, "jiandu", DemoSeed.staffPassword)
            let badOutcome = try await bureau.send(.POST, "/api/v1/objections/\(objectionID)/decision", json: ["outcome": "maybe", "explanation": "x"])
            XCTAssertEqual(badOutcome.status, .unprocessableEntity)
            let upheld = try await bureau.send(.POST, "/api/v1/objections/\(objectionID)/decision", json: ["outcome": "upheld", "explanation": "收入证明属实，维持"])
            XCTAssertEqual(upheld.status, .ok)
            XCTAssertEqual(try bureau.object(upheld)["state"] as? String, "upheld")
            let _v2 = try await ApplicationModel.find(app.id, on: test.db)!.applicationState
            XCTAssertEqual(_v2, .denied, "upheld: the denial stands")
        }
    }

    func test_detainedRequestOverTheAPI_art39() async throws {
        try await withTestApp(now: chinaNoon("2026-03-02")) { test in
            let reviewer = try await APIClient.signIn(test, "shencha", DemoSeed.staffPassword)
            let missing = try await reviewer.send(.POST, "/api/v1/detained-requests", json: ["placeName": "示范区看守所"])
            XCTAssertEqual(missing.status, .unprocessableEntity)
            let fields = ((try reviewer.object(missing)["error"] as? [String: Any])?["fields"] as? [[String: Any]])?.compactMap { $0["field"] as? String }
            XCTAssertEqual(fields, ["detaineeName", "receivedAt"])
            let recorded = try await reviewer.send(.POST, "/api/v1/detained-requests", json: ["placeName": "示范区看守所", "personName": "孔测试",
                                                                                            "charge": "诈骗罪", "receivedAt": "2026-03-02T01:00:00Z"])
            XCTAssertEqual(recorded.status, .created)
            let body = try reviewer.object(recorded)
            XCTAssertEqual(body["forwardDue"] as? String, "2026-03-03T01:00:00Z")
            let id = try XCTUnwrap(body["id"] as? String)
            let forwarded = try await reviewer.send(.POST, "/api/v1/detained-requests/\(id)/forward")
            XCTAssertEqual(forwarded.status, .ok)
            XCTAssertNotNil(try reviewer.object(forwarded)["applicationID"] as? String)
            let _v1 = try await reviewer.send(.POST, "/api/v1/detained-requests/\(id)/forward").status
            XCTAssertEqual(_v1, .conflict)
        }
    }
}
