import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// Public views of knowledge-base entries (issue #13 item 4), counted in memory: reading a page
/// writes nothing (a GET stays a read); a background round adds the counts to the database
/// every few seconds on each instance. A count not yet added when an instance is killed is lost.
final class KnowledgeViewCounter: Sendable {
    private let pending = NIOLockedValueBox<[UUID: Int]>([:])

    func record(_ id: UUID) {
        pending.withLockedValue { $0[id, default: 0] += 1 }
    }

    /// The counts since the last call, cleared.
    func take() -> [UUID: Int] {
        pending.withLockedValue { counts in
            defer { counts = [:] }
            return counts
        }
    }

    /// Adds what was counted; a count that fails to be written is kept for the next round.
    func flush(services: FayuanServices, on db: Database) async throws -> Int {
        let counts = take()
        guard !counts.isEmpty else { return 0 }
        do {
            try await services.transaction(on: db) { tx in
                for (id, views) in counts {
                    try await (tx as! any SQLDatabase).update(KnowledgeEntryModel.schema)
                        .set(SQLIdentifier("views"), to: SQLBinaryExpression(left: SQLIdentifier("views"), op: SQLBinaryOperator.add, right: SQLBind(views)))
                        .where("id", .equal, id).run()
                }
            }
        } catch {
            pending.withLockedValue { for (id, views) in counts { $0[id, default: 0] += views } }
            throw error
        }
        return counts.values.reduce(0, +)
    }
}

extension Application {
    private struct KnowledgeViewsKey: StorageKey { typealias Value = KnowledgeViewCounter }

    var knowledgeViews: KnowledgeViewCounter {
        // Set once by `KnowledgeFeature.prepare` before serving.
        get { storage[KnowledgeViewsKey.self]! }
        set { storage[KnowledgeViewsKey.self] = newValue }
    }

    private struct KnowledgeQuestionsKey: StorageKey { typealias Value = KnowledgeQuestionLog }

    /// Set once by `KnowledgeFeature.prepare` before serving.
    var knowledgeQuestions: KnowledgeQuestionLog {
        get { storage[KnowledgeQuestionsKey.self]! }
        set { storage[KnowledgeQuestionsKey.self] = newValue }
    }
}
