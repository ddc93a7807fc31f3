import Fluent
import KnowledgeCore
import Vapor

/// Issue #25: a citation, however it is written, puts its article first — and a law named
/// alone puts the law first — in search and in 智能咨询.
extension KnowledgeAnswers.Built {
    /// What the text names outright: the article it cites, or the law when the text is only a
    /// law's name; nil when it names neither (or the law has no such article). Read from memory.
    func named(in text: String) -> KnowledgeService.Result? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 200 else { return nil }
        // Only a citation (第…条) or a text short enough to be a law's name alone can name anything.
        guard trimmed.contains("第") || trimmed.count <= 40 else { return nil }
        if let (citation, index) = LawCitation.first(in: trimmed, amongNames: lawNames) {
            return result(laws[index].entry.id!, article: citation.article.key).flatMap { $0.article == nil ? nil : $0 }
        }
        let folded = LawCitation.fold(trimmed)
        if let law = laws.first(where: { $0.names.contains(folded) }) {
            return KnowledgeService.Result(entry: law.entry, article: nil, title: law.entry.title, text: law.entry.body, isMarkdown: true)
        }
        return nil
    }
}

extension KnowledgeService.Result {
    /// The same entry, or the same article of the same law.
    func isSame(as other: Self) -> Bool { entry.id == other.entry.id && article?.number == other.article?.number }
}
