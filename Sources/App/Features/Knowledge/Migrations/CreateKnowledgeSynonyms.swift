import Fluent
import Foundation
import KnowledgeCore
import SQLKit

/// The colloquial-word list 智能咨询 reads questions with (issue #25): one row a word, kept by
/// editors, and a row for every change to it (who, when, the terms before and after). A new
/// installation starts with `SynonymList.seed`, recorded as its first change.
struct CreateKnowledgeSynonyms: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(KnowledgeSynonymModel.schema)
            .id()
            .field("word", .string, .required)
            .field("terms", .string, .required)
            .field("version", .int, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "word")
            .create()
        try await database.schema(KnowledgeSynonymChangeModel.schema)
            .id()
            .field("synonym_id", .uuid, .required)
            .field("word", .string, .required)
            .field("action", .string, .required)
            .field("terms_before", .string)
            .field("terms_after", .string)
            .field("note", .string)
            .field("editor_account_id", .uuid)
            .field("at", .datetime, .required)
            .create()
        try await (database as! any SQLDatabase).raw("CREATE INDEX knowledge_synonym_changes_word ON knowledge_synonym_changes (synonym_id, at)").run()
        let now = Date()
        for (word, terms) in SynonymList.seed.entries.sorted(by: { $0.key < $1.key }) {
            let synonym = KnowledgeSynonymModel(word: word, terms: terms, at: now)
            try await synonym.create(on: database)
            try await KnowledgeSynonymChangeModel(synonym, action: .seeded, before: nil, note: nil, by: nil, at: now).create(on: database)
        }
    }

    func revert(on database: Database) async throws {
        try await database.schema(KnowledgeSynonymChangeModel.schema).delete()
        try await database.schema(KnowledgeSynonymModel.schema).delete()
    }
}
