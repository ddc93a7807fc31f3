import Fluent
import Foundation
import LegalAidCore
import SQLKit
import KnowledgeCore

/// The full-text index of what is published (issue #13 item 5): the terms `SearchText` cuts,
/// matched by the engine's own index (FTS5 on SQLite, GIN over a tsvector on PostgreSQL), so
/// a two-character word like 工伤 is one indexed term, never a table scan.
struct KnowledgeIndex {
    let sql: any SQLDatabase

    init(_ db: any Database) { sql = db as! any SQLDatabase }

    var isPostgres: Bool { sql.dialect.name == "postgresql" }

    /// What one published entry puts in the index: itself (article 0) and, for a law, each
    /// article on its own.
    struct Document {
        var article: Int
        var title: String
        var text: String
    }

    static func documents(of entry: KnowledgeEntryModel) -> [Document] {
        var documents = [Document(article: 0, title: entry.title, text: Markdown.plainText(entry.body))]
        if entry.knowledgeKind == .law {
            documents += LawText.articles(entry.body).map {
                Document(article: $0.number.key, title: "\(entry.title) \($0.label)", text: $0.text)
            }
        }
        return documents
    }

    /// Brings the index in line with the entry: removed, then written again while published.
    func reindex(_ entry: KnowledgeEntryModel) async throws {
        let id = entry.id!.uuidString.lowercased()
        if isPostgres {
            try await sql.raw("DELETE FROM knowledge_search WHERE entry_id = \(bind: entry.id!)").run()
        } else {
            let docs = try await sql.raw("SELECT doc FROM knowledge_search_docs WHERE entry_id = \(bind: id)").all()
                .map { try $0.decode(column: "doc", as: Int.self) }
            for doc in docs { try await sql.raw("DELETE FROM knowledge_search WHERE rowid = \(bind: doc)").run() }
            try await sql.raw("DELETE FROM knowledge_search_docs WHERE entry_id = \(bind: id)").run()
        }
        guard entry.published else { return }
        var seen = Set<Int>()
        for document in Self.documents(of: entry) where seen.insert(document.article).inserted {
            let title = SearchText.indexDocument(document.title)
            let text = SearchText.indexDocument(document.text)
            if isPostgres {
                try await sql.raw("""
                    INSERT INTO knowledge_search (entry_id, article, kind, terms, title_terms) VALUES (\(bind: entry.id!), \(bind: document.article), \(bind: entry.kind),
                      setweight(to_tsvector('simple', \(bind: title)), 'A') || setweight(to_tsvector('simple', \(bind: text)), 'B'), to_tsvector('simple', \(bind: title)))
                    """).run()
            } else {
                let doc = try await sql.raw("""
                    INSERT INTO knowledge_search_docs (entry_id, article, kind) VALUES (\(bind: id), \(bind: document.article), \(bind: entry.kind)) RETURNING doc
                    """).first().map { try $0.decode(column: "doc", as: Int.self) }
                guard let doc else { continue }
                try await sql.raw("INSERT INTO knowledge_search (rowid, title, body) VALUES (\(bind: doc), \(bind: title), \(bind: text))").run()
            }
        }
    }

    struct Hit: Hashable {
        var entryID: UUID
        var article: Int
    }

    /// How many matching documents the engine ranks at most, newest first, in each of the two
    /// rounds below. Ranking every match of a common word (工伤 in tens of thousands of articles)
    /// makes the engine read each one's positions: hundreds of milliseconds at 100 000 articles.
    static let rankedMatches = 300

    /// Up to `limit` documents holding every term of the query: first those whose title holds
    /// them, then the rest, each round in the engine's own order (bm25 on SQLite, ts_rank on
    /// PostgreSQL; the title weighs more). Exact while a query matches at most `rankedMatches`
    /// documents; past that, each round ranks its newest `rankedMatches`.
    func candidates(_ query: SearchQuery, kind: KnowledgeKind?, limit: Int, rankedMatches: Int = Self.rankedMatches) async throws -> [Hit] {
        let inTitle = try await candidates(terms: query.terms, every: true, kind: kind, limit: limit, titleOnly: true, cap: rankedMatches)
        guard inTitle.count < limit else { return inTitle }
        let anywhere = try await candidates(terms: query.terms, every: true, kind: kind, limit: limit, titleOnly: false, cap: rankedMatches)
        var seen = Set(inTitle)
        return inTitle + anywhere.filter { seen.insert($0).inserted }.prefix(limit - inTitle.count)
    }

    private func candidates(terms: [String], every: Bool, kind: KnowledgeKind?, limit: Int, titleOnly: Bool, cap: Int?) async throws -> [Hit] {
        guard !terms.isEmpty else { return [] }
        // The terms are letters and digits only (SearchText drops everything else), so quoting
        // each one is all the engines' query syntax needs.
        let rows: [SQLRow]
        let newest = cap.map { " ORDER BY doc DESC LIMIT \(String($0))" } ?? ""
        if isPostgres {
            let tsquery = terms.map { "'\($0)'" }.joined(separator: every ? " & " : " | ")
            let column = titleOnly ? "title_terms" : "terms"
            var matching: SQLQueryString = "SELECT entry_id, article, doc, \(unsafeRaw: column) AS v FROM knowledge_search WHERE \(unsafeRaw: column) @@ to_tsquery('simple', \(bind: tsquery))"
            if let kind { matching = matching + " AND kind = \(bind: kind.rawValue)" }
            let statement: SQLQueryString = "SELECT entry_id, article FROM (" + matching + "\(unsafeRaw: newest)) m ORDER BY ts_rank(v, to_tsquery('simple', \(bind: tsquery))) DESC, doc DESC LIMIT \(unsafeRaw: String(limit))"
            rows = try await sql.raw(statement).all()
            return try rows.map { Hit(entryID: try $0.decode(column: "entry_id", as: UUID.self), article: try $0.decode(column: "article", as: Int.self)) }
        } else {
            let terms = terms.map { "\"\($0)\"" }.joined(separator: every ? " AND " : " OR ")
            let match = titleOnly ? "{title} : (\(terms))" : terms
            var matching: SQLQueryString = """
                SELECT knowledge_search.rowid AS doc, bm25(knowledge_search, 5.0, 1.0) AS score FROM knowledge_search
                JOIN knowledge_search_docs d ON d.doc = knowledge_search.rowid WHERE knowledge_search MATCH \(bind: match)
                """
            if let kind { matching = matching + " AND d.kind = \(bind: kind.rawValue)" }
            let statement: SQLQueryString = """
                SELECT d.entry_id, d.article FROM (
                """ + matching + """
                \(unsafeRaw: newest)) m JOIN knowledge_search_docs d ON d.doc = m.doc ORDER BY m.score, m.doc DESC LIMIT \(unsafeRaw: String(limit))
                """
            rows = try await sql.raw(statement).all()
            return try rows.compactMap {
                guard let id = UUID(uuidString: try $0.decode(column: "entry_id", as: String.self)) else { return nil }
                return Hit(entryID: id, article: try $0.decode(column: "article", as: Int.self))
            }
        }
    }
}
