import Foundation

/// One thing the index matched: an entry, or one article of a law.
public struct SearchCandidate: Hashable, Sendable {
    public var title: String
    /// Plain text (Markdown already reduced to words).
    public var text: String
    public var kind: KnowledgeKind
    public var views: Int

    public init(title: String, text: String, kind: KnowledgeKind, views: Int = 0) {
        self.title = title
        self.text = text
        self.kind = kind
        self.views = views
    }
}

/// A candidate as the ranking compares it: title and text folded (`SearchText.normalise`) into
/// arrays of scalars — Foundation's string search is the slowest part of a search on Linux, and
/// folding is the next, so a document held in memory is folded once, not at every search.
public struct PreparedCandidate: Sendable {
    public let title: [Unicode.Scalar]
    public let text: [Unicode.Scalar]
    public let views: Int

    public init(_ candidate: SearchCandidate) {
        title = Array(SearchText.normalise(candidate.title).unicodeScalars)
        text = Array(SearchText.normalise(candidate.text).unicodeScalars)
        views = candidate.views
    }
}

/// The order results are shown in (issue #13). The database's index finds the candidates that
/// hold every term and gives a first order; this decides the final one, the same on SQLite and
/// PostgreSQL: what was typed, found as typed, counts most — in the title far more than in the
/// text — then how densely, then how many of the typed pairs each holds, a little for popularity.
public enum SearchRanking {
    public static func score(_ candidate: SearchCandidate, for query: SearchQuery) -> Double {
        score(PreparedCandidate(candidate), for: query)
    }

    /// The score of a candidate folded once ahead (an index holds its documents so).
    public static func score(_ candidate: PreparedCandidate, for query: SearchQuery) -> Double {
        let title = candidate.title, text = candidate.text
        var score = 0.0
        for run in query.runs {
            let phrase = Array(run.text.unicodeScalars)
            if title == phrase { score += 12 }
            if occurrences(of: phrase, in: title, upTo: 1) > 0 { score += 8 }
            let inText = occurrences(of: phrase, in: text, upTo: .max)
            if inText > 0 {
                score += 3 + min(Double(inText), 5) * 0.5
                // Density: the article of a law that says it beats the whole law around it.
                score += 1.5 * min(1, Double(inText) * 40 / Double(max(text.count, 40)))
            }
        }
        if !query.terms.isEmpty {
            // A term is a character, a pair or a Latin word, so holding it is containing it.
            let total = Double(query.terms.count)
            let terms = query.terms.map { Array($0.unicodeScalars) }
            score += 4 * Double(terms.filter { occurrences(of: $0, in: title, upTo: 1) > 0 }.count) / total
            score += 2 * Double(terms.filter { occurrences(of: $0, in: text, upTo: 1) > 0 }.count) / total
        }
        score += 0.2 * log10(1 + Double(max(candidate.views, 0)))
        return score
    }

    /// The candidates best first; equal scores keep the order they came in (the engine's).
    public static func rank(_ candidates: [SearchCandidate], for query: SearchQuery) -> [Int] {
        let scores = candidates.map { score($0, for: query) }
        return candidates.indices.sorted { a, b in
            scores[a] != scores[b] ? scores[a] > scores[b] : a < b
        }
    }

    /// How many times `phrase` occurs in `text` without overlapping, counting no further than `limit`.
    static func occurrences(of phrase: [Unicode.Scalar], in text: [Unicode.Scalar], upTo limit: Int) -> Int {
        guard !phrase.isEmpty, phrase.count <= text.count else { return 0 }
        let first = phrase[0], last = text.count - phrase.count
        var count = 0
        var i = 0
        while i <= last && count < limit {
            if text[i] == first && text[i..<i + phrase.count].elementsEqual(phrase) {
                count += 1
                i += phrase.count
            } else {
                i += 1
            }
        }
        return count
    }
}
