import Fluent
import SQLKit
import KnowledgeCore

/// The knowledge base (issue #13 item 4): entries (articles, laws, typical cases, FAQs) with a
/// version row for every saved edit.
struct CreateKnowledgeEntries: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("knowledge_entries")
            .id()
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("published", .bool, .required)
            .field("version", .int, .required)
            .field("views", .int, .required)
            .field("source_consultation_id", .uuid)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("published_at", .datetime)
            .create()
        try await database.schema("knowledge_versions")
            .id()
            .field("entry_id", .uuid, .required, .references("knowledge_entries", "id"))
            .field("version", .int, .required)
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("note", .string)
            .field("action", .string, .required)
            .field("editor_account_id", .uuid, .required)
            .field("at", .datetime, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX knowledge_entries_list ON knowledge_entries (published, kind, updated_at)").run()
        try await sql.raw("CREATE INDEX knowledge_versions_entry ON knowledge_versions (entry_id, at)").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema("knowledge_versions").delete()
        try await database.schema("knowledge_entries").delete()
    }
}

/// The full-text index of published entries and of each article of a published law, holding
/// the terms `SearchText` cut (issue #13 item 5): an FTS5 table on SQLite, a GIN-indexed
/// tsvector on PostgreSQL (the 'simple' configuration: no stemming, the terms are ours).
/// Both index the title and the text apart, so the title can weigh more.
struct CreateKnowledgeSearch: AsyncMigration {
    func prepare(on database: Database) async throws {
        let sql = database as! any SQLDatabase
        if sql.dialect.name == "postgresql" {
            try await sql.raw("""
                CREATE TABLE knowledge_search (
                  entry_id UUID NOT NULL REFERENCES knowledge_entries(id),
                  article INTEGER NOT NULL,
                  kind TEXT NOT NULL,
                  terms TSVECTOR NOT NULL,
                  PRIMARY KEY (entry_id, article))
                """).run()
            try await sql.raw("CREATE INDEX knowledge_search_terms ON knowledge_search USING GIN (terms)").run()
        } else {
            // Each indexed document is a row here; its number is the FTS row's rowid, so an
            // entry's rows are found through an ordinary index, never by scanning the FTS table.
            try await sql.raw("""
                CREATE TABLE knowledge_search_docs (doc INTEGER PRIMARY KEY, entry_id TEXT NOT NULL, article INTEGER NOT NULL, kind TEXT NOT NULL)
                """).run()
            try await sql.raw("CREATE INDEX knowledge_search_docs_entry ON knowledge_search_docs (entry_id)").run()
            try await sql.raw("CREATE VIRTUAL TABLE knowledge_search USING fts5(title, body, tokenize = 'unicode61')").run()
        }
    }

    func revert(on database: Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("DROP TABLE knowledge_search").run()
        if sql.dialect.name != "postgresql" { try await sql.raw("DROP TABLE knowledge_search_docs").run() }
    }
}

/// Questions 智能咨询 could not answer well (issue #13 item 6), personal numbers taken out, kept
/// for staff to write FAQ entries: one row a question, counted each time it is asked again.
struct CreateKnowledgeQuestions: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("knowledge_questions")
            .id()
            .field("question", .string, .required)
            .field("times_asked", .int, .required)
            .field("first_asked_at", .datetime, .required)
            .field("last_asked_at", .datetime, .required)
            .field("handled", .bool, .required)
            .unique(on: "question")
            .create()
        try await (database as! any SQLDatabase).raw("CREATE INDEX knowledge_questions_open ON knowledge_questions (handled, times_asked)").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema("knowledge_questions").delete()
    }
}
