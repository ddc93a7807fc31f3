import Fluent
import Foundation
import LegalAidCore
import SQLKit

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
                Document(article: $0.number, title: "\(entry.title) \($0.label)", text: $0.text)
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
                    INSERT INTO knowledge_search (entry_id, article, kind, terms) VALUES (\(bind: entry.id!), \(bind: document.article), \(bind: entry.kind),
                      setweight(to_tsvector('simple', \(bind: title)), 'A') || setweight(to_tsvector('simple', \(bind: text)), 'B'))
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

    /// Up to `limit` documents holding every term of the query, in the engine's own order
    /// (bm25 on SQLite, ts_rank on PostgreSQL; the title weighs more).
    func candidates(_ query: SearchQuery, kind: KnowledgeKind?, limit: Int) async throws -> [Hit] {
        try await candidates(terms: query.terms, every: true, kind: kind, limit: limit)
    }

    /// Up to `limit` documents holding any of the question's terms, the engine's best first.
    func candidates(_ question: PlainQuestion, kind: KnowledgeKind?, limit: Int) async throws -> [Hit] {
        try await candidates(terms: question.terms, every: false, kind: kind, limit: limit)
    }

    private func candidates(terms: [String], every: Bool, kind: KnowledgeKind?, limit: Int) async throws -> [Hit] {
        guard !terms.isEmpty else { return [] }
        // The terms are letters and digits only (SearchText drops everything else), so quoting
        // each one is all the engines' query syntax needs.
        let rows: [SQLRow]
        if isPostgres {
            let tsquery = terms.map { "'\($0)'" }.joined(separator: every ? " & " : " | ")
            var statement: SQLQueryString = "SELECT entry_id, article FROM knowledge_search WHERE terms @@ to_tsquery('simple', \(bind: tsquery))"
            if let kind { statement = statement + " AND kind = \(bind: kind.rawValue)" }
            statement = statement + " ORDER BY ts_rank(terms, to_tsquery('simple', \(bind: tsquery))) DESC, entry_id, article LIMIT \(unsafeRaw: String(limit))"
            rows = try await sql.raw(statement).all()
            return try rows.map { Hit(entryID: try $0.decode(column: "entry_id", as: UUID.self), article: try $0.decode(column: "article", as: Int.self)) }
        } else {
            let match = terms.map { "\"\($0)\"" }.joined(separator: every ? " AND " : " OR ")
            var statement: SQLQueryString = """
                SELECT d.entry_id, d.article FROM knowledge_search JOIN knowledge_search_docs d ON d.doc = knowledge_search.rowid
                WHERE knowledge_search MATCH \(bind: match)
                """
            if let kind { statement = statement + " AND d.kind = \(bind: kind.rawValue)" }
            statement = statement + " ORDER BY bm25(knowledge_search, 5.0, 1.0), knowledge_search.rowid LIMIT \(unsafeRaw: String(limit))"
            rows = try await sql.raw(statement).all()
            return try rows.compactMap {
                guard let id = UUID(uuidString: try $0.decode(column: "entry_id", as: String.self)) else { return nil }
                return Hit(entryID: id, article: try $0.decode(column: "article", as: Int.self))
            }
        }
    }
}
