import Foundation

/// One thing 智能咨询 may answer with: an article of a law (with the chapter and section it sits
/// in), an FAQ, a typical case or an article written for the public. Whole laws are not answers.
public struct AnswerDocument: Sendable {
    public var entry: UUID
    /// The article's index key (`ArticleNumber.key`); 0 for an entry answered as a whole.
    public var article: Int
    public var kind: KnowledgeKind
    public var title: String
    /// What the law's structure says the article is about: its chapter and section titles
    /// (饲养动物损害责任 for a dog bite).
    public var context: String
    public var text: String
    public var views: Int

    public init(entry: UUID, article: Int, kind: KnowledgeKind, title: String, context: String = "", text: String, views: Int = 0) {
        self.entry = entry
        self.article = article
        self.kind = kind
        self.title = title
        self.context = context
        self.text = text
        self.views = views
    }
}

/// 智能咨询's ranking (issue #25): Okapi BM25 over the pairs of Chinese characters every answer
/// holds — the text with its title, and the chapter around it as context — held in memory. Each
/// idea of the question counts once, by the best of its phrases (its own words or the law's), so
/// a synonym never counts twice; then the answers holding most of the ideas come first, and of
/// the best, those from the law most of them come from.
public struct AnswerIndex: Sendable {
    public let documents: [AnswerDocument]
    private let text: Postings
    private let context: Postings

    public init(_ documents: [AnswerDocument]) {
        self.documents = documents
        text = Postings(documents.map { $0.title + "\n" + $0.text })
        context = Postings(documents.map(\.context))
    }

    /// BM25's two constants, as usually set.
    /// BM25's constants: a long article is penalised less than usual (b 0.5, not 0.75), as the
    /// article that states a rule in full is often the longest of its neighbours.
    static let k1 = 1.2, b = 0.5
    /// How much the chapter and section titles count beside the text.
    static let contextWeight = 0.6
    /// How much holding more of the question's ideas counts, on top of BM25 (scaled to the best).
    static let coverageWeight = 0.5
    /// How much an answer gains from coming from the law most of the best answers come from
    /// (a question on working hours is about 劳动法, not 体育法), and how many count.
    static let focusWeight = 0.1, focusPool = 30

    /// The best answers, best first: (document index, score).
    public func answers(_ question: PlainQuestion, limit: Int) -> [(document: Int, score: Double)] {
        guard !question.ideas.isEmpty, !documents.isEmpty else { return [] }
        let count = documents.count
        // Dense per-document scratch, reset through the lists of documents touched.
        var total = [Double](repeating: 0, count: count)
        var covered = [UInt8](repeating: 0, count: count)
        var best = [Double](repeating: 0, count: count)
        var phrase = [Double](repeating: 0, count: count)
        var touchedTotal: [Int32] = []
        for idea in question.ideas {
            var touchedBest: [Int32] = []
            for words in idea.phrases {
                let terms = Set(Self.terms(words))
                guard !terms.isEmpty else { continue }
                var touchedPhrase: [Int32] = []
                for term in terms {
                    text.score(term, into: &phrase, touched: &touchedPhrase, weight: 1)
                    context.score(term, into: &phrase, touched: &touchedPhrase, weight: Self.contextWeight)
                }
                for doc in touchedPhrase {
                    let i = Int(doc)
                    if phrase[i] > 0 {
                        if best[i] == 0 { touchedBest.append(doc) }
                        best[i] = max(best[i], phrase[i])
                        phrase[i] = 0
                    }
                }
            }
            for doc in touchedBest {
                let i = Int(doc)
                if total[i] == 0 { touchedTotal.append(doc) }
                total[i] += best[i]
                covered[i] &+= 1
                best[i] = 0
            }
        }
        guard let top = touchedTotal.lazy.map({ total[Int($0)] }).max(), top > 0 else { return [] }
        let ideas = Double(question.ideas.count)
        let scored = touchedTotal.map { doc -> (Int, Double) in
            let i = Int(doc)
            let coverage = Double(covered[i]) / ideas
            return (i, total[i] / top + Self.coverageWeight * coverage * coverage)
        }
        // The best few again, each raised by its law's share of their scores.
        let pool = scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(max(limit, Self.focusPool))
        var mass: [UUID: Double] = [:]
        for (i, score) in pool { mass[documents[i].entry, default: 0] += score }
        let most = mass.values.max() ?? 1
        let focused = pool.map { ($0.0, $0.1 + Self.focusWeight * (mass[documents[$0.0].entry] ?? 0) / most) }
        return Array(focused.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(limit))
    }

    /// A phrase's terms: its pairs of Chinese characters (a single character alone), its Latin
    /// words and numbers.
    static func terms(_ phrase: String) -> [UInt64] {
        var keys: [UInt64] = []
        for run in SearchText.runs(phrase) {
            switch run {
            case .word(let word):
                keys.append(Postings.wordKey(word))
            case .han(let han):
                let scalars = Array(han.unicodeScalars)
                if scalars.count == 1 { keys.append(Postings.pairKey(scalars[0], nil)) }
                for i in scalars.indices.dropLast() { keys.append(Postings.pairKey(scalars[i], scalars[i + 1])) }
            }
        }
        return keys
    }
}

/// Term → (document, count) lists over one field, with the lengths BM25 needs.
private struct Postings: Sendable {
    let lists: [UInt64: [(doc: Int32, count: UInt16)]]
    let lengths: [Float]
    let averageLength: Double
    let documentCount: Double

    init(_ texts: [String]) {
        var lists: [UInt64: [(doc: Int32, count: UInt16)]] = [:]
        var lengths: [Float] = []
        lengths.reserveCapacity(texts.count)
        for (index, text) in texts.enumerated() {
            var counts: [UInt64: UInt16] = [:]
            var length = 0
            for run in SearchText.runs(text) {
                switch run {
                case .word(let word):
                    counts[Self.wordKey(word), default: 0] &+= 1
                    length += 1
                case .han(let han):
                    let scalars = Array(han.unicodeScalars)
                    if scalars.count == 1 { counts[Self.pairKey(scalars[0], nil), default: 0] &+= 1 }
                    for i in scalars.indices.dropLast() { counts[Self.pairKey(scalars[i], scalars[i + 1]), default: 0] &+= 1 }
                    length += max(1, scalars.count - 1)
                }
            }
            for (key, count) in counts { lists[key, default: []].append((Int32(index), count)) }
            lengths.append(Float(length))
        }
        self.lists = lists
        self.lengths = lengths
        documentCount = Double(max(texts.count, 1))
        averageLength = max(1, lengths.reduce(0) { $0 + Double($1) } / documentCount)
    }

    /// Adds the term's BM25 contribution in each document holding it, noting each document
    /// touched for the first time.
    func score(_ term: UInt64, into scores: inout [Double], touched: inout [Int32], weight: Double) {
        guard let list = lists[term] else { return }
        let n = Double(list.count)
        let idf = log(1 + (documentCount - n + 0.5) / (n + 0.5))
        let k1 = AnswerIndex.k1, b = AnswerIndex.b
        for (doc, count) in list {
            let i = Int(doc)
            let tf = Double(count)
            let norm = k1 * (1 - b + b * Double(lengths[i]) / averageLength)
            if scores[i] == 0 { touched.append(doc) }
            scores[i] += weight * idf * tf * (k1 + 1) / (tf + norm)
        }
    }

    static func pairKey(_ a: Unicode.Scalar, _ b: Unicode.Scalar?) -> UInt64 {
        (UInt64(a.value) << 21) | UInt64(b?.value ?? 0)
    }

    /// Latin words and numbers, kept apart from pairs by the top bit.
    static func wordKey(_ word: String) -> UInt64 {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in word.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        return hash | (1 << 63)
    }
}
