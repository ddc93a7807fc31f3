import Foundation

/// An article cited the way people write it — 民法典第1077条, 《劳动合同法》第八十二条,
/// 中华人民共和国法律援助法 第四十三条, 刑法第133条之一 — read out of a query or a question, so
/// the cited article can be put first. Which law is meant is decided against the laws' titles
/// (`law(among:)`): a short name is the title without 中华人民共和国.
public struct LawCitation: Hashable, Sendable {
    /// What precedes 第…条, folded: no 《》, spaces or full-width forms. It ends with the law's
    /// name and may begin with other words (根据民法典…).
    public var lead: String
    public var article: ArticleNumber

    public init(lead: String, article: ArticleNumber) {
        self.lead = lead
        self.article = article
    }

    /// Every 第…条 (or 第…条之…) in the text with what precedes it, in order.
    public static func all(in text: String) -> [LawCitation] {
        let folded = Array(fold(text))
        var citations: [LawCitation] = []
        var leadStart = 0
        var i = 0
        while i < folded.count {
            guard folded[i] == "第" else { i += 1; continue }
            var j = i + 1
            while j < folded.count, ChineseNumeral.isNumeral(folded[j]), j - i <= 8 { j += 1 }
            guard j > i + 1, j < folded.count, folded[j] == "条", let number = ChineseNumeral.value(String(folded[(i + 1)..<j])) else {
                i += 1
                continue
            }
            var end = j + 1
            var sub = 0
            if end < folded.count, folded[end] == "之" {
                var k = end + 1
                while k < folded.count, ChineseNumeral.isNumeral(folded[k]), k - end <= 3 { k += 1 }
                if k > end + 1, let value = ChineseNumeral.value(String(folded[(end + 1)..<k])), value < 100 {
                    sub = value
                    end = k
                }
            }
            let lead = String(folded[leadStart..<i])
            citations.append(LawCitation(lead: lead, article: ArticleNumber(number, sub: sub)))
            leadStart = end
            i = end
        }
        return citations
    }

    /// The first citation whose lead names one of `titles`, with the index of that title; the
    /// longest name wins (劳动合同法 over 合同法), a full title over its short name.
    public static func first(in text: String, among titles: [String]) -> (citation: LawCitation, title: Int)? {
        first(in: text, amongNames: titles.map(Self.names))
    }

    /// As `first(in:among:)`, with each title's `names` worked out once beforehand.
    public static func first(in text: String, amongNames names: [[String]]) -> (citation: LawCitation, title: Int)? {
        let citations = all(in: text)
        guard !citations.isEmpty else { return nil }
        for citation in citations {
            var best: (title: Int, length: Int)?
            for (index, candidates) in names.enumerated() {
                for name in candidates where citation.lead.hasSuffix(name) && name.count > (best?.length ?? 0) {
                    best = (index, name.count)
                }
            }
            if let best { return (citation, best.title) }
        }
        return nil
    }

    /// A law's names as people write them: the title folded, and without 中华人民共和国.
    /// A note after the name — 法律援助法（节选）, 刑法（2020年修正） — is not part of it; a
    /// number is (刑法修正案（十一）).
    public static func names(_ title: String) -> [String] {
        var names: [String] = []
        var full = fold(title)
        while true {
            names.append(full)
            if full.hasPrefix(nationPrefix), full.count - nationPrefix.count >= 2 { names.append(String(full.dropFirst(nationPrefix.count))) }
            guard full.hasSuffix(")"), let open = full.lastIndex(of: "("), open > full.startIndex,
                  !full[full.index(after: open)..<full.index(before: full.endIndex)].allSatisfy({ "一二三四五六七八九十百".contains($0) })
            else { break }
            full = String(full[..<open])
        }
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }

    /// Whether the text names a law and nothing else (《民法典》, 中华人民共和国刑法): the
    /// search then shows the law itself first.
    public static func namesOnly(_ text: String, title: String) -> Bool {
        names(title).contains(fold(text))
    }

    static let nationPrefix = "中华人民共和国"

    /// Full-width forms to plain ones, and no spaces, 《》 or quotes.
    public static func fold(_ text: String) -> String {
        let dropped: Set<Character> = ["《", "》", "〈", "〉", "“", "”", "\"", "'", "「", "」"]
        return String(text.precomposedStringWithCompatibilityMapping.filter { !$0.isWhitespace && !dropped.contains($0) })
    }
}
