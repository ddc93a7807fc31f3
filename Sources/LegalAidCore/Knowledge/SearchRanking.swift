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

/// The order results are shown in (issue #13). The database's index finds the candidates that
/// hold every term and gives a first order; this decides the final one, the same on SQLite and
/// PostgreSQL: what was typed, found as typed, counts most — in the title far more than in the
/// text — then how densely, then how many of the typed pairs each holds, a little for popularity.
public enum SearchRanking {
    public static func score(_ candidate: SearchCandidate, for query: SearchQuery) -> Double {
        let title = SearchText.normalise(candidate.title)
        let text = SearchText.normalise(candidate.text)
        var score = 0.0
        for run in query.runs {
            let phrase = run.text
            if title == phrase { score += 12 }
            if title.contains(phrase) { score += 8 }
            let inText = occurrences(of: phrase, in: text)
            if inText > 0 {
                score += 3 + min(Double(inText), 5) * 0.5
                // Density: the article of a law that says it beats the whole law around it.
                score += 1.5 * min(1, Double(inText) * 40 / Double(max(text.count, 40)))
            }
        }
        if !query.terms.isEmpty {
            // A term is a character, a pair or a Latin word, so holding it is containing it.
            let total = Double(query.terms.count)
            score += 4 * Double(query.terms.filter { title.contains($0) }.count) / total
            score += 2 * Double(query.terms.filter { text.contains($0) }.count) / total
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

    static func occurrences(of phrase: String, in text: String) -> Int {
        guard !phrase.isEmpty else { return 0 }
        var count = 0
        var range = text.startIndex..<text.endIndex
        while let found = text.range(of: phrase, range: range) {
            count += 1
            range = found.upperBound..<text.endIndex
        }
        return count
    }
}
