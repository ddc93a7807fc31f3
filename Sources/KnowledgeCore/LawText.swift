import Foundation

/// A law or regulation cut to the article (issue #13): each 第N条 gets its own address and its
/// own place in search, as people cite laws by article.
public enum LawText {
    public struct Article: Hashable, Sendable {
        /// 1 for 第一条; 133-1 for 第一百三十三条之一.
        public var number: ArticleNumber
        /// As the law writes it: 第三十一条.
        public var label: String
        /// The article's words after the label, its paragraphs and items joined by newlines.
        public var text: String
        /// The chapter it sits in (第二章　法律援助机构), when the law has chapters.
        public var chapter: String?
        /// The section within the chapter (第一节　犯罪和刑事责任), when the chapter has sections.
        public var section: String?
    }

    /// The articles in the order the text gives them. A line starting with 第…条 or 第…条之… (Chinese
    /// or Arabic numerals, Markdown emphasis or heading marks allowed) opens an article; a line
    /// starting with 第…章 names the chapter, 第…节 the section; other lines continue the open article.
    public static func articles(_ body: String) -> [Article] {
        var articles: [Article] = []
        var chapter: String?
        var section: String?
        for rawLine in body.split(whereSeparator: \.isNewline) {
            let line = plainLine(String(rawLine))
            guard !line.isEmpty else { continue }
            if let (label, _, rest) = heading(line, unit: "章") {
                chapter = rest.isEmpty ? label : "\(label)　\(rest)"
                section = nil
                continue
            }
            if let (label, _, rest) = heading(line, unit: "节") {
                section = rest.isEmpty ? label : "\(label)　\(rest)"
                continue
            }
            if let (label, number, rest) = heading(line, unit: "条") {
                articles.append(Article(number: number, label: label, text: rest, chapter: chapter, section: section))
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

    /// "第三十一条　……" → ("第三十一条", 31, "……") when the line opens with 第…{unit}; an article
    /// may carry 之k (第一百三十三条之一 → 133-1).
    static func heading(_ line: String, unit: Character) -> (String, ArticleNumber, String)? {
        guard line.first == "第" else { return nil }
        let afterDi = line.dropFirst()
        guard let end = afterDi.firstIndex(of: unit) else { return nil }
        let numeral = String(afterDi[afterDi.startIndex..<end])
        guard !numeral.isEmpty, numeral.count <= 8, let number = ChineseNumeral.value(numeral) else { return nil }
        var label = "第\(numeral)\(unit)"
        var following = afterDi[afterDi.index(after: end)...]
        var sub = 0
        if unit == "条", following.first == "之" {
            let digits = following.dropFirst().prefix { ChineseNumeral.isNumeral($0) }
            if !digits.isEmpty, digits.count <= 3, let value = ChineseNumeral.value(String(digits)), value < 100 {
                sub = value
                label += "之" + digits
                following = following.dropFirst(1 + digits.count)
            }
        }
        // A label stands alone: "第三条规定的情形" inside a paragraph is a reference, not a heading.
        if let next = following.first, !(next.isWhitespace || next == "\u{3000}") { return nil }
        let rest = String(following)
            .trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "\u{3000}")))
        return (label, ArticleNumber(number, sub: sub), rest)
    }
}

/// Chinese numerals as laws number their articles (一, 十二, 三十一, 一百零五, 一千零二十) or
/// Arabic digits.
public enum ChineseNumeral {
    /// 1…99 as Chinese numerals (一, 十, 十二, 二十, 九十九): item numbers written back.
    public static func text(_ value: Int) -> String? {
        let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        switch value {
        case 1...9: return digits[value]
        case 10...19: return "十" + digits[value - 10]
        case 20...99: return digits[value / 10] + "十" + digits[value % 10]
        default: return nil
        }
    }

    /// A character that may be part of a numeral: a Chinese digit or unit, or an ASCII digit.
    public static func isNumeral(_ character: Character) -> Bool {
        ("0"..."9").contains(character) || "零〇一二两三四五六七八九十百千".contains(character)
    }

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
