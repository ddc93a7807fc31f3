import Fluent
import SQLKit

/// PostgreSQL: each indexed document gets a number in the order it was written (`doc`, indexed,
/// so the newest matches can be ranked first without reading them all) and its title's terms on their
/// own, with their own GIN index (so title matches are found without reading the whole
/// document's vector). SQLite's FTS5 table already has both: the rowid and a title column.
struct IndexKnowledgeTitles: AsyncMigration {
    func prepare(on database: Database) async throws {
        let sql = database as! any SQLDatabase
        guard sql.dialect.name == "postgresql" else { return }
        try await sql.raw("ALTER TABLE knowledge_search ADD COLUMN doc BIGSERIAL").run()
        try await sql.raw("ALTER TABLE knowledge_search ADD COLUMN title_terms TSVECTOR").run()
        // The title's terms are the vector's weight-A part (the title was written with weight A).
        try await sql.raw("UPDATE knowledge_search SET title_terms = ts_filter(terms, '{a}')").run()
        try await sql.raw("ALTER TABLE knowledge_search ALTER COLUMN title_terms SET NOT NULL").run()
        try await sql.raw("CREATE INDEX knowledge_search_title_terms ON knowledge_search USING GIN (title_terms)").run()
        // For a word in most documents the planner walks this backwards and stops at the bound,
        // rather than reading every match's vector out of TOAST.
        try await sql.raw("CREATE INDEX knowledge_search_doc ON knowledge_search (doc)").run()
    }

    func revert(on database: Database) async throws {
        let sql = database as! any SQLDatabase
        guard sql.dialect.name == "postgresql" else { return }
        try await sql.raw("DROP INDEX knowledge_search_doc").run()
        try await sql.raw("DROP INDEX knowledge_search_title_terms").run()
        try await sql.raw("ALTER TABLE knowledge_search DROP COLUMN title_terms").run()
        try await sql.raw("ALTER TABLE knowledge_search DROP COLUMN doc").run()
    }
}
