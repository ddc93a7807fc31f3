import Foundation

/// Colloquial words mapped to the legal terms the law and the answers use (issue #13 item 6):
/// people write 老板 and 工资, the law says 用人单位 and 劳动报酬. Maintained here, in one list,
/// reviewed like code; each entry's alternatives count as the same idea when ranking.
public struct SynonymList: Sendable {
    public var entries: [String: [String]]

    public init(_ entries: [String: [String]]) { self.entries = entries }

    /// The words a plain question is most likely to use, and what the law calls them.
    public static let standard = SynonymList([
        "老板": ["用人单位", "雇主"],
        "公司": ["用人单位"],
        "单位": ["用人单位"],
        "工资": ["劳动报酬", "薪酬"],
        "欠薪": ["拖欠劳动报酬", "拖欠工资"],
        "讨薪": ["劳动报酬", "拖欠工资"],
        "工钱": ["劳动报酬", "工资"],
        "辞退": ["解除劳动合同"],
        "开除": ["解除劳动合同"],
        "炒鱿鱼": ["解除劳动合同"],
        "赔偿金": ["经济补偿", "赔偿"],
        "受伤": ["工伤", "人身损害"],
        "离婚": ["解除婚姻关系", "离婚"],
        "老公": ["配偶"],
        "老婆": ["配偶"],
        "孩子": ["子女"],
        "小孩": ["子女"],
        "抚养": ["抚养费"],
        "养老": ["赡养"],
        "爸妈": ["父母", "赡养"],
        "欠钱": ["借款", "债务"],
        "借钱": ["借款", "民间借贷"],
        "欠条": ["借条", "借款"],
        "撞了": ["交通事故"],
        "车祸": ["交通事故"],
        "被打": ["人身损害", "侵权"],
        "房东": ["出租人", "租赁"],
        "租房": ["房屋租赁", "租赁"],
        "拆迁": ["征收", "补偿"],
        "打官司": ["诉讼", "起诉"],
        "告他": ["起诉", "诉讼"],
        "请律师": ["法律援助", "委托代理人"],
        "免费律师": ["法律援助"],
        "没钱": ["经济困难", "法律援助"],
        "穷": ["经济困难"],
        "看守所": ["羁押", "刑事辩护"],
        "坐牢": ["刑事", "羁押"],
        "家暴": ["家庭暴力"],
        "打老婆": ["家庭暴力"],
        "农民工": ["农民工", "劳动报酬"],
    ])
}

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
        "需要", "请问", "想问", "咨询", "一下", "我们", "他们", "她们", "自己", "现在", "已经", "还是", "但是", "因为", "所以",
        "我", "你", "他", "她", "它", "的", "了", "吗", "呢", "啊", "吧", "呀", "么", "和", "跟", "与", "把", "被", "给", "在",
        "是", "有", "要", "想", "会", "能", "就", "都", "也", "还", "又", "很", "太", "不", "没",
    ]

    public init(_ typed: String, synonyms: SynonymList = .standard) {
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
                for (word, terms) in legal.sorted(by: { $0.key.count > $1.key.count }) where !covered.contains(where: { $0.contains(word) }) {
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
        for word in words.sorted(by: { $0.count > $1.count }) { text = text.replacingOccurrences(of: word, with: " ") }
        for filler in fillers { text = text.replacingOccurrences(of: filler, with: " ") }
        return text.split(separator: " ").map(String.init)
    }

    public var isEmpty: Bool { ideas.isEmpty }

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
    /// How well a candidate answers a plain question: each idea counts once, by its best
    /// phrase — found whole in the title 3, in the text 1.5, else the share of its pairs present —
    /// plus a little for FAQs (they are written as answers) and for popularity.
    public static func score(_ candidate: SearchCandidate, for question: PlainQuestion) -> Double {
        var score = ideaScores(candidate, question).reduce(0, +)
        if candidate.kind == .faq { score += 0.5 }
        return score + 0.2 * log10(1 + Double(max(candidate.views, 0)))
    }

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

    public static func rank(_ candidates: [SearchCandidate], for question: PlainQuestion) -> [Int] {
        let scores = candidates.map { score($0, for: question) }
        return candidates.indices.sorted { a, b in scores[a] != scores[b] ? scores[a] > scores[b] : a < b }
    }

    /// Whether the best result answers the question well enough to stop there: more than half
    /// the ideas found in it (two of three, two of two). Otherwise the question is kept for staff.
    public static func answers(_ candidate: SearchCandidate, _ question: PlainQuestion) -> Bool {
        guard !question.ideas.isEmpty else { return false }
        let covered = ideaScores(candidate, question).filter { $0 >= 1 }.count
        return covered * 2 > question.ideas.count
    }
}
