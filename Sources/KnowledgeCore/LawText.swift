import Foundation

/// A law or regulation cut to the article (issue #13): each 第N条 gets its own address and its
/// own place in search, as people cite laws by article.
public enum LawText {
    public struct Article: Hashable, Sendable {
        /// 1 for 第一条.
        public var number: Int
        /// As the law writes it: 第三十一条.
        public var label: String
        /// The article's words after the label, its paragraphs and items joined by newlines.
        public var text: String
        /// The chapter it sits in (第二章　法律援助机构), when the law has chapters.
        public var chapter: String?
    }

    /// The articles in the order the text gives them. A line starting with 第…条 (Chinese or
    /// Arabic numerals, Markdown emphasis or heading marks allowed) opens an article; a line
    /// starting with 第…章 names the chapter; other lines continue the open article.
    public static func articles(_ body: String) -> [Article] {
        var articles: [Article] = []
        var chapter: String?
        for rawLine in body.split(whereSeparator: \.isNewline) {
            let line = plainLine(String(rawLine))
            guard !line.isEmpty else { continue }
            if let (label, _, rest) = heading(line, unit: "章") {
                chapter = rest.isEmpty ? label : "\(label)　\(rest)"
                continue
            }
            if let (label, number, rest) = heading(line, unit: "条") {
                articles.append(Article(number: number, label: label, text: rest, chapter: chapter))
            } else if !articles.isEmpty {
                let last = articles.count - 1
                articles[last].text += articles[last].text.isEmpty ? line : "\n" + line
            }
        }
        return articles
    }

    /// The line without Markdown heading marks or emphasis around it.
    static func plainLine(_ line: String) -> String {
        var text = line.trimmingCharacters(in: .whitespaces)
        while text.hasPrefix("#") { text.removeFirst() }
        text = text.replacingOccurrences(of: "**", with: "")
        return text.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "\u{3000}")))
    }

    /// "第三十一条　……" → ("第三十一条", 31, "……") when the line opens with 第…{unit}.
    static func heading(_ line: String, unit: Character) -> (String, Int, String)? {
        guard line.first == "第" else { return nil }
        let afterDi = line.dropFirst()
        guard let end = afterDi.firstIndex(of: unit) else { return nil }
        let numeral = String(afterDi[afterDi.startIndex..<end])
        guard !numeral.isEmpty, numeral.count <= 8, let number = ChineseNumeral.value(numeral) else { return nil }
        // A label stands alone: "第三条规定的情形" inside a paragraph is a reference, not a heading.
        let following = afterDi[afterDi.index(after: end)...]
        if let next = following.first, !(next.isWhitespace || next == "\u{3000}") { return nil }
        let rest = String(following)
            .trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "\u{3000}")))
        return ("第\(numeral)\(unit)", number, rest)
    }
}

/// Chinese numerals as laws number their articles (一, 十二, 三十一, 一百零五, 一千零二十) or
/// Arabic digits.
public enum ChineseNumeral {
    public static func value(_ text: String) -> Int? {
        if let arabic = Int(text), arabic > 0 { return arabic }
        let digits: [Character: Int] = ["零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
        let units: [Character: Int] = ["十": 10, "百": 100, "千": 1000]
        var total = 0
        var pending: Int?
        for character in text {
            if let digit = digits[character] {
                pending = digit
            } else if let unit = units[character] {
                total += (pending ?? 1) * unit
                pending = nil
            } else {
                return nil
            }
        }
        total += pending ?? 0
        return total > 0 ? total : nil
    }
}
