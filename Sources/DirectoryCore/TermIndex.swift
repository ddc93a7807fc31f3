import Foundation

/// An inverted index held in memory: every index term of a document (characters and
/// overlapping pairs, as the knowledge base's) → the documents holding it. The directory's few
/// thousand institutions and people are searched through it, never by scanning their text.
public struct TermIndex<ID: Hashable & Sendable>: Sendable {
    @usableFromInline var postings: [String: Set<ID>] = [:]
    /// Each document folded once, as the ranking compares it.
    @usableFromInline var documents: [ID: PreparedCandidate] = [:]

    public init() {}

    public mutating func add(_ id: ID, title: String, text: String) {
        documents[id] = PreparedCandidate(SearchCandidate(title: title, text: text, kind: .article))
        for term in Set(SearchText.indexTerms(title + " " + text)) { postings[term, default: []].insert(id) }
    }

    @usableFromInline
    struct Ranked<Key> {
        @usableFromInline var id: ID
        @usableFromInline var score: Double
        @usableFromInline var key: Key
        @usableFromInline init(id: ID, score: Double, key: Key) {
            self.id = id
            self.score = score
            self.key = key
        }
    }

    public var count: Int { documents.count }

    /// The documents holding every term of the query, best first by `SearchRanking`
    /// (ties broken by `tieBreak`, lowest first, so the list is stable). Each match's key is
    /// worked out once, not at every comparison of the sort.
    @inlinable
    public func search<Key: Comparable>(_ query: SearchQuery, tieBreak: (ID) -> Key) -> [ID] {
        var ranked = search(query).map { Ranked(id: $0.id, score: $0.score, key: tieBreak($0.id)) }
        ranked.sort { $0.score != $1.score ? $0.score > $1.score : $0.key < $1.key }
        return ranked.map(\.id)
    }

    /// The documents holding every term of the query with their scores, in no order.
    @inlinable
    public func search(_ query: SearchQuery) -> [(id: ID, score: Double)] {
        guard let first = query.terms.first else { return [] }
        var matches = postings[first] ?? []
        for term in query.terms.dropFirst() where !matches.isEmpty { matches.formIntersection(postings[term] ?? []) }
        return matches.map { id in (id, SearchRanking.score(documents[id]!, for: query)) }
    }
}
