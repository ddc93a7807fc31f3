import Fluent
import Foundation
import XCTest
@testable import App
@testable import LegalAidCore

/// The hot reads go through statements written by hand (`PlainRows`, #27): what they read must be
/// what Fluent reads, field for field, and a model read so must save as an update of its row.
final class PlainRowsTests: XCTestCase {
    /// Every stored field as JSON, but the sealed ones (sealed again on encoding, with a new
    /// nonce each time): those are compared opened.
    private func json(_ model: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .millisecondsSince1970
        var object = try XCTUnwrap(JSONSerialization.jsonObject(with: try encoder.encode(model)) as? [String: Any])
        object = object.filter { !$0.key.hasPrefix("sealed") }
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: .sortedKeys), as: UTF8.self)
    }

    func test_theCaseAndItsApplicationReadInOneRow_areWhatFluentReads() async throws {
        try await withTestApp { test in
            let app = try await test.applicationAwaitingDecision(name: "测试甲", sequence: 1)
            try await test.decide(app, approve: true)
            let record = try await test.legalAidCase(of: app)
            let reviewer = try await test.account("shencha")
            let reference = try await ReferenceData.load(on: test.db)
            let service = CaseService(scope: ServiceScope(db: test.db, services: test.app.fayuan, clientAddress: "test", logger: test.app.logger))
            let (plainCase, plainApp) = try await service.find(record.id!, for: reviewer, reference: reference)
            let fluentCase = try await CaseModel.find(record.id, on: test.db)
            let fluentApp = try await ApplicationModel.find(app.id, on: test.db)
            XCTAssertEqual(try json(plainCase), try json(try XCTUnwrap(fluentCase)))
            XCTAssertEqual(try json(plainApp), try json(try XCTUnwrap(fluentApp)), "every column of the application, its sealed form too")
            XCTAssertEqual(plainApp.form.applicant.name, "测试甲")
            XCTAssertEqual(try json(plainApp.form), try json(try XCTUnwrap(fluentApp).form), "the sealed form, opened")

            // Read so, it saves as an update of the same row (not a second case).
            plainCase.notifyingAuthority = "示范区人民法院"
            try await plainCase.save(on: test.db)
            let cases = try await CaseModel.query(on: test.db).filter(\.$applicationID == app.id!).all()
            XCTAssertEqual(cases.map(\.notifyingAuthority), ["示范区人民法院"])
        }
    }

    func test_aListIsEveryRowOfItsParent_inItsOrder() async throws {
        try await withTestApp { test in
            let app = try await test.applicationAwaitingDecision(name: "测试乙", sequence: 2)
            let plain = try await PlainRows.all(ApplicationEventModel.self, where: "application_id", equals: app.id!, orderBy: "seq", on: test.db)
            let fluent = try await ApplicationEventModel.query(on: test.db).filter(\.$applicationID == app.id!).sort(\.$seq).all()
            XCTAssertEqual(plain.count, 4, "submitted, pre-approved, accepted, reviewed")
            XCTAssertEqual(try plain.map(json), try fluent.map(json))
            XCTAssertEqual(plain.map(\.payload), fluent.map(\.payload), "the sealed payloads, opened")
            let none = try await PlainRows.all(ApplicationEventModel.self, where: "application_id", equals: UUID(), orderBy: "seq", on: test.db)
            XCTAssertEqual(none.count, 0)
        }
    }
}

/// The knowledge base's answers are built once however many questions arrive while they are stale.
final class KnowledgeAnswersBuildTests: XCTestCase {
    func test_manyQuestionsAtOnce_buildTheAnswersOnce() async throws {
        try await withTestApp { test in
            let answers = KnowledgeAnswers()
            let db = test.db
            let stamps = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<24 { group.addTask { try await answers.current(on: db).results.count } }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            XCTAssertEqual(stamps.count, 24)
            XCTAssertEqual(Set(stamps).count, 1, "every question got the same answers")
            XCTAssertEqual(answers.buildCount, 1, "one build, the other questions waited for it")
            _ = try await answers.current(on: db)
            XCTAssertEqual(answers.buildCount, 1, "unchanged: not built again")
        }
    }
}
