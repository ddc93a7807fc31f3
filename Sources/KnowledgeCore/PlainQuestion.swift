import Foundation

/// A question typed in plain words ("老板拖欠工资三个月怎么办"), read for what it is about:
/// the filler words dropped, the rest kept as ideas, each with the legal terms that say the
/// same. The index is asked for anything holding any idea; `SearchRanking.rank(_:for:)` then
/// puts first what covers most ideas.
public struct PlainQuestion: Hashable, Sendable {
    /// One thing the question is about, in its own words and in the law's.
    public struct Idea: Hashable, Sendable {
        public var phrases: [String]
    }

    public let ideas: [Idea]

    /// Words that carry no subject: how people ask, not what they ask about. Longest first.
    static let fillers: [String] = [
        "怎么办", "怎么样", "怎么做", "怎么", "如何", "什么", "为什么", "能不能", "可不可以", "是不是", "有没有", "应该", "可以",
        "需要", "请问", "想问", "咨询", "一下", "有人", "我们", "他们", "她们", "自己", "现在", "已经", "还是", "但是", "因为", "所以",
        "我", "你", "他", "她", "它", "的", "了", "吗", "呢", "啊", "吧", "呀", "么", "和", "跟", "与", "把", "被", "给", "在",
        "是", "有", "要", "想", "会", "能", "就", "都", "也", "还", "又", "很", "太", "不", "没",
    ]

    public init(_ typed: String, synonyms: SynonymList = .seed) {
        var ideas: [Idea] = []
        var seen = Set<String>()
        for run in SearchText.runs(typed).prefix(SearchQuery.maximumRuns) {
            switch run {
            case .word(let word):
                if seen.insert(word).inserted { ideas.append(Idea(phrases: [word])) }
            case .han(let han):
                // Synonyms are looked for in the whole run first (打老婆 holds a filler).
                let legal = synonyms.entries.filter { han.contains($0.key) }
                var covered = Set<String>()
                for (word, terms) in legal.sorted(by: { $0.key.count != $1.key.count ? $0.key.count > $1.key.count : $0.key < $1.key }) where !covered.contains(where: { $0.contains(word) }) {
                    covered.insert(word)
                    let phrases = [word] + terms.filter { $0 != word }
                    if seen.insert(word).inserted { ideas.append(Idea(phrases: phrases)) }
                }
                for fragment in Self.fragments(han, removing: covered) where fragment.count >= 2 {
                    if seen.insert(fragment).inserted { ideas.append(Idea(phrases: [fragment])) }
                }
            }
        }
        self.ideas = Array(ideas.prefix(12))
    }

    /// The run cut at every filler word and every word already taken as an idea.
    static func fragments(_ han: String, removing words: Set<String> = []) -> [String] {
        var text = han
        for word in words.sorted(by: { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }) { text = text.replacingOccurrences(of: word, with: " ") }
        for filler in fillers { text = text.replacingOccurrences(of: filler, with: " ") }
        return text.split(separator: " ").map(String.init)
    }

    public var isEmpty: Bool { ideas.isEmpty }

    /// Why an answer was chosen: for each idea found in it, the words the person used and the
    /// words found (the law's term when a synonym matched: 老板 → 用人单位).
    public func reasons(in title: String, _ text: String) -> [(said: String, found: String)] {
        let haystack = SearchText.normalise(title + "\n" + text)
        return ideas.compactMap { idea in
            guard let found = idea.phrases.first(where: { haystack.contains(SearchText.normalise($0)) }) else { return nil }
            return (idea.phrases[0], found)
        }
    }

    /// Every term the index is asked for (any of them): the pairs of every phrase.
    public var terms: [String] {
        var seen = Set<String>()
        return ideas.flatMap(\.phrases).flatMap { SearchQuery($0).terms }.filter { seen.insert($0).inserted }.prefix(SearchQuery.maximumTerms * 2).map { $0 }
    }

    /// For marking matches in results: every phrase as a typed run.
    public var highlight: SearchQuery {
        SearchQuery(ideas.flatMap(\.phrases).joined(separator: " "))
    }
}

extension SearchRanking {
    /// Each idea's best phrase score in the candidate (0 when it is not there).
    static func ideaScores(_ candidate: SearchCandidate, _ question: PlainQuestion) -> [Double] {
        let title = SearchText.normalise(candidate.title)
        let text = SearchText.normalise(candidate.text)
        return question.ideas.map { idea in
            var best = 0.0
            for phrase in idea.phrases {
                if title.contains(phrase) { best = max(best, 3) }
                if text.contains(phrase) { best = max(best, 1.5) }
                let terms = SearchQuery(phrase).terms
                if !terms.isEmpty {
                    let share = Double(terms.filter { title.contains($0) || text.contains($0) }.count) / Double(terms.count)
                    best = max(best, share >= 0.5 ? share : 0)
                }
            }
            return best
        }
    }

    /// Whether the best result answers the question well enough to stop there: more than half
    /// the ideas found in it (two of three, two of two). Otherwise the question is kept for staff.
    public static func answers(_ candidate: SearchCandidate, _ question: PlainQuestion) -> Bool {
        guard !question.ideas.isEmpty else { return false }
        let covered = ideaScores(candidate, question).filter { $0 >= 1 }.count
        return covered * 2 > question.ideas.count
    }
}
