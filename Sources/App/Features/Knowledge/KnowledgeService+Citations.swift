import Fluent
import KnowledgeCore
import SQLKit
import Vapor

/// Issue #25: a citation, however it is written, puts its article first — and a law named
/// alone puts the law first — in search and in 智能咨询.
extension KnowledgeService {
    /// A published law's id and title.
    struct LawTitle: Decodable {
        var id: UUID
        var title: String
    }

    /// The published laws' titles: what citations are read against.
    func publishedLawTitles() async throws -> [LawTitle] {
        try await (db as! any SQLDatabase).select().columns("id", "title").from(KnowledgeEntryModel.schema)
            .where("kind", .equal, KnowledgeKind.law.rawValue).where("published", .equal, true)
            .all(decoding: LawTitle.self)
    }

    /// What the text names outright: the article it cites, or the law when the text is only a
    /// law's name; nil when it names neither (or the law has no such article).
    func named(in text: String) async throws -> Result? {
        let folded = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !folded.isEmpty, folded.count <= 200 else { return nil }
        let laws = try await publishedLawTitles()
        if let (citation, index) = LawCitation.first(in: folded, among: laws.map(\.title)) {
            guard let entry = try await Self.leanPublished([laws[index].id], on: db).first,
                  let article = LawText.articles(entry.body).first(where: { $0.number == citation.article }) else { return nil }
            return Result(entry: entry, article: article, title: "\(entry.title) \(article.label)", text: article.text, isMarkdown: false)
        }
        if let law = laws.first(where: { LawCitation.namesOnly(folded, title: $0.title) }),
           let entry = try await Self.leanPublished([law.id], on: db).first {
            return Result(entry: entry, article: nil, title: entry.title, text: entry.body, isMarkdown: true)
        }
        return nil
    }
}

extension KnowledgeService.Result {
    /// The same entry, or the same article of the same law.
    func isSame(as other: Self) -> Bool { entry.id == other.entry.id && article?.number == other.article?.number }
}
