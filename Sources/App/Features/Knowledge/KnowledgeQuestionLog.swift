import Fluent
import Foundation
import LegalAidCore
import NIOConcurrencyHelpers
import SQLKit
import KnowledgeCore

/// Questions 智能咨询 could not answer, collected in memory (asking is a GET and writes nothing)
/// and added to `knowledge_questions` by the same background round as the views. Numbers, ID
/// numbers and e-mail addresses are taken out before a question is kept at all.
final class KnowledgeQuestionLog: Sendable {
    private struct Asked {
        var times: Int
        var first: Date
        var last: Date
    }

    private let pending = NIOLockedValueBox<[String: Asked]>([:])

    /// How long a kept question may be.
    static let length = 100

    static func keepable(_ typed: String) -> String {
        let text = Redaction.redact(typed).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return String(text.prefix(length))
    }

    func record(_ typed: String, at now: Date) {
        let question = Self.keepable(typed)
        guard !question.isEmpty else { return }
        pending.withLockedValue { asked in
            if var entry = asked[question] {
                entry.times += 1
                entry.last = now
                asked[question] = entry
            } else {
                asked[question] = Asked(times: 1, first: now, last: now)
            }
        }
    }

    /// Adds what was collected; a question that fails to be written is kept for the next round.
    func flush(services: FayuanServices, on db: Database) async throws -> Int {
        let asked = pending.withLockedValue { asked in
            defer { asked = [:] }
            return asked
        }
        guard !asked.isEmpty else { return 0 }
        do {
            try await services.transaction(on: db) { tx in
                let sql = tx as! any SQLDatabase
                for (question, entry) in asked {
                    try await sql.raw("""
                        INSERT INTO knowledge_questions (id, question, times_asked, first_asked_at, last_asked_at, handled)
                        VALUES (\(bind: UUID()), \(bind: question), \(bind: entry.times), \(bind: entry.first), \(bind: entry.last), \(bind: false))
                        ON CONFLICT (question) DO UPDATE SET times_asked = knowledge_questions.times_asked + excluded.times_asked,
                          last_asked_at = excluded.last_asked_at, handled = \(bind: false)
                        """).run()
                }
            }
        } catch {
            pending.withLockedValue { pending in
                for (question, entry) in asked {
                    if var kept = pending[question] {
                        kept.times += entry.times
                        kept.first = min(kept.first, entry.first)
                        pending[question] = kept
                    } else {
                        pending[question] = entry
                    }
                }
            }
            throw error
        }
        return asked.count
    }
}
