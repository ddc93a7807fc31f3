import Foundation

/// An inverted index held in memory: every index term of a document (characters and
/// overlapping pairs, as the knowledge base's) → the documents holding it. The directory's few
/// thousand institutions and people are searched through it, never by scanning their text.
public struct TermIndex<ID: Hashable & Sendable>: Sendable {
    private var postings: [String: Set<ID>] = [:]
    private var documents: [ID: (title: String, text: String)] = [:]

    public init() {}

    public mutating func add(_ id: ID, title: String, text: String) {
        documents[id] = (title, text)
        for term in Set(SearchText.indexTerms(title + " " + text)) { postings[term, default: []].insert(id) }
    }

    public var count: Int { documents.count }

    /// The documents holding every term of the query, best first by `SearchRanking`
    /// (ties broken by `order`, so the list is stable).
    public func search(_ query: SearchQuery, order: (ID, ID) -> Bool) -> [ID] {
        guard let first = query.terms.first else { return [] }
        var matches = postings[first] ?? []
        for term in query.terms.dropFirst() where !matches.isEmpty { matches.formIntersection(postings[term] ?? []) }
        let scored = matches.map { id -> (ID, Double) in
            let doc = documents[id]!
            return (id, SearchRanking.score(SearchCandidate(title: doc.title, text: doc.text, kind: .article), for: query))
        }
        return scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : order($0.0, $1.0) }.map(\.0)
    }
}
