import Fluent
import XCTVapor
import XCTest
@testable import App
@testable import MediationCore

/// `/api/v1/mediations`: the same rules as the pages, errors by field.
final class MediationAPITests: XCTestCase {
    func json(_ response: TestingHTTPResponse) throws -> Any { try JSONSerialization.jsonObject(with: Data(buffer: response.body)) }

    func test_aCitizenAppliesThroughTheAPI_andTheCommitteeListsIt_badInputNamedByField() async throws {
        try await withTestApp(now: MediationJourneyTests.monday) { test in
            let citizen = try await APIClient.signIn(test, DemoSeed.citizenPhone, DemoSeed.citizenPassword)
            let bad = try await citizen.send(.POST, "/api/v1/mediations", json: ["type": "neighbour", "facts": "短"])
            XCTAssertEqual(bad.status, .unprocessableEntity)
            let error = (try json(bad) as? [String: Any])?["error"] as? [String: Any]
            XCTAssertEqual(error?["field"] as? String, "facts")
            let place = try await MediationJourneyTests.xingfuYi(test).id!.uuidString
            let made = try await citizen.send(.POST, "/api/v1/mediations", json: [
                "type": "neighbour", "facts": "楼上卫生间漏水三个月，天花板发霉。", "claims": "修好防水", "applicantName": "李示例",
                "applicantPhone": DemoSeed.citizenPhone, "respondentName": "楼上王某", "respondentPlace": place, "source": "courtReferral",
            ])
            XCTAssertEqual(made.status, .created, made.body.string)
            let body = try json(made) as? [String: Any]
            XCTAssertEqual(body?["state"] as? String, "awaitingReply")
            XCTAssertEqual(body?["source"] as? String, "partyApplication", "a citizen applies for themselves, whatever they send")
            XCTAssertEqual((body?["parties"] as? [Any])?.count, 2)

            let mediator = try await APIClient.signIn(test, "tiaojie1", DemoSeed.staffPassword)
            let list = try await mediator.send(.GET, "/api/v1/mediations?state=awaitingReply", json: nil)
            let numbers = (try json(list) as? [[String: Any]])?.compactMap { $0["number"] as? String } ?? []
            XCTAssertEqual(numbers.first, body?["number"] as? String, "newest first")
            let states = (try json(list) as? [[String: Any]])?.compactMap { $0["state"] as? String } ?? []
            XCTAssertEqual(Set(states), ["awaitingReply"], "filtered by state")
            let elsewhere = try await APIClient.signIn(test, "tiaojie3", DemoSeed.staffPassword)
            let none = try await elsewhere.send(.GET, "/api/v1/mediations", json: nil)
            XCTAssertEqual((try json(none) as? [Any])?.count, 0, "another committee's mediator sees none of it")
            let id = try XCTUnwrap(body?["id"] as? String)
            let hidden = try await elsewhere.send(.GET, "/api/v1/mediations/\(id)", json: nil)
            XCTAssertEqual(hidden.status, .notFound)
        }
    }
}
