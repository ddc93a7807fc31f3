import Fluent
import Foundation
import KnowledgeCore
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// 智能咨询's answers held in memory (issue #25): every published FAQ, typical case and article,
/// and every article of every published law with its chapter and section, in an `AnswerIndex`.
/// Built on the first question and again when the published entries change, on each instance;
/// the colloquial-word list questions are read with is held beside it and read again when an
/// editor changes it. A change is noticed by `KnowledgeGeneration`'s two numbers (one small
/// query a question, whatever the size of the knowledge base).
final class KnowledgeAnswers: Sendable {
    /// Where the published entries and the word list stood when read (`KnowledgeGeneration`).
    struct Stamp: Equatable, Sendable {
        var entries: Int
        var synonyms: Int
    }

    /// The index and, beside each of its documents, the answer to show.
    final class Built: @unchecked Sendable {
        let stamp: Stamp
        let synonyms: SynonymList
        let index: AnswerIndex
        let results: [KnowledgeService.Result]
        /// Every published law and the names people cite it by (`LawCitation.names`).
        let laws: [(entry: KnowledgeEntryModel, names: [String])]
        let lawNames: [[String]]
        /// Every published entry, and every answer by entry and article key: what a search's
        /// hits resolve to without reading a law's text again.
        let entries: [UUID: KnowledgeEntryModel]
        let byArticle: [UUID: [Int: Int]]

        init(stamp: Stamp, synonyms: SynonymList, index: AnswerIndex, results: [KnowledgeService.Result],
             laws: [(entry: KnowledgeEntryModel, names: [String])], entries: [UUID: KnowledgeEntryModel], byArticle: [UUID: [Int: Int]]? = nil) {
            self.stamp = stamp
            self.synonyms = synonyms
            self.index = index
            self.results = results
            self.laws = laws
            lawNames = laws.map(\.names)
            self.entries = entries
            self.byArticle = byArticle ?? results.enumerated().reduce(into: [:]) { byArticle, element in
                byArticle[element.element.entry.id!, default: [:]][element.element.article?.number.key ?? 0] = element.offset
            }
        }

        /// The same answers read with another word list.
        func with(_ synonyms: SynonymList, stamp: Stamp) -> Built {
            Built(stamp: stamp, synonyms: synonyms, index: index, results: results, laws: laws, entries: entries, byArticle: byArticle)
        }

        /// A question as this list reads it.
        func question(_ typed: String) -> PlainQuestion { PlainQuestion(typed, synonyms: synonyms) }

        /// The answer a search hit names, nil when it is no longer published.
        func result(_ entry: UUID, article: Int) -> KnowledgeService.Result? {
            if let position = byArticle[entry]?[article] { return results[position] }
            guard article == 0, let whole = entries[entry] else { return nil }
            return KnowledgeService.Result(entry: whole, article: nil, title: whole.title, text: whole.body, isMarkdown: true)
        }
    }

    private let built = NIOLockedValueBox<Built?>(nil)
    /// The build under way, if any: every question that finds the answers stale waits for that
    /// one build instead of starting its own (sixty-four questions at once on 20 000 articles
    /// built sixty-four indexes side by side, and an instance stopped answering for minutes).
    private let building = NIOLockedValueBox<(stamp: Stamp, task: Task<Built, Error>)?>(nil)
    /// How many times the answers were built from the entries (the word list alone is cheap).
    private let builds = NIOLockedValueBox(0)
    var buildCount: Int { builds.withLockedValue { $0 } }

    func current(on db: Database) async throws -> Built {
        let stamp = try await KnowledgeGeneration.read(on: db)
        let ready = built.withLockedValue { $0 }
        if let ready, ready.stamp == stamp { return ready }
        let task = building.withLockedValue { building -> Task<Built, Error> in
            if let underway = building, underway.stamp == stamp { return underway.task }
            let task = Task { try await self.build(stamp, after: ready, on: db) }
            building = (stamp, task)
            return task
        }
        defer { building.withLockedValue { if $0?.stamp == stamp { $0 = nil } } }
        return try await task.value
    }

    private func build(_ stamp: Stamp, after ready: Built?, on db: Database) async throws -> Built {
        let synonyms = ready?.stamp.synonyms == stamp.synonyms ? ready!.synonyms : try await KnowledgeSynonymService.current(on: db)
        if let ready, ready.stamp.entries == stamp.entries {
            let fresh = ready.with(synonyms, stamp: stamp)
            keep(fresh)
            return fresh
        }
        builds.withLockedValue { $0 += 1 }
        let entries = try await KnowledgeService.allPublished(on: db)
        var documents: [AnswerDocument] = []
        var results: [KnowledgeService.Result] = []
        for entry in entries.sorted(by: { $0.id!.uuidString < $1.id!.uuidString }) {
            if entry.knowledgeKind == .law {
                for article in LawText.articles(entry.body) {
                    let title = "\(entry.title) \(article.label)"
                    let context = [article.chapter, article.section].compactMap { $0 }.joined(separator: " ")
                    documents.append(AnswerDocument(entry: entry.id!, article: article.number.key, kind: .law, title: title, context: context,
                                                    text: article.text, views: entry.views))
                    results.append(KnowledgeService.Result(entry: entry, article: article, title: title, text: article.text, isMarkdown: false))
                }
            } else {
                let plain = Markdown.plainText(entry.body)
                documents.append(AnswerDocument(entry: entry.id!, article: 0, kind: entry.knowledgeKind, title: entry.title,
                                                text: plain, views: entry.views))
                results.append(KnowledgeService.Result(entry: entry, article: nil, title: entry.title, text: entry.body, isMarkdown: true, plainText: plain))
            }
        }
        let laws = entries.filter { $0.knowledgeKind == .law }.map { (entry: $0, names: LawCitation.names($0.title)) }
        let fresh = Built(stamp: stamp, synonyms: synonyms, index: AnswerIndex(documents), results: results, laws: laws,
                          entries: Dictionary(uniqueKeysWithValues: entries.map { ($0.id!, $0) }))
        keep(fresh)
        return fresh
    }

    /// Keeps what was built unless something newer is kept already (the numbers only grow).
    private func keep(_ fresh: Built) {
        built.withLockedValue { held in
            if let held, held.stamp.entries > fresh.stamp.entries || held.stamp.synonyms > fresh.stamp.synonyms { return }
            held = fresh
        }
    }
}

extension Application {
    private struct KnowledgeAnswersKey: StorageKey { typealias Value = KnowledgeAnswers }

    var knowledgeAnswers: KnowledgeAnswers {
        get { storage[KnowledgeAnswersKey.self]! }
        set { storage[KnowledgeAnswersKey.self] = newValue }
    }
}
