import Fluent
import SQLKit

/// How the knowledge base's answers held in memory (`KnowledgeAnswers`) notice a change, on every
/// instance, for the price of reading two numbers: every write that changes what is published
/// moves the entries' number, every change to the word list the words' number, in the write's
/// own transaction.
enum KnowledgeGeneration {
    enum Part: Int, CaseIterable {
        case entries = 1
        case synonyms = 2
    }

    static let table = "knowledge_generation"

    static func bump(_ part: Part, on db: Database) async throws {
        try await (db as! any SQLDatabase).raw("UPDATE knowledge_generation SET n = n + 1 WHERE id = \(bind: part.rawValue)").run()
    }

    /// Both numbers, as they stand.
    static func read(on db: Database) async throws -> KnowledgeAnswers.Stamp {
        let rows = try await (db as! any SQLDatabase).raw("SELECT id, n FROM knowledge_generation").all()
        var stamp = KnowledgeAnswers.Stamp(entries: 0, synonyms: 0)
        for row in rows {
            let n = try row.decode(column: "n", as: Int.self)
            switch Part(rawValue: try row.decode(column: "id", as: Int.self)) {
            case .entries: stamp.entries = n
            case .synonyms: stamp.synonyms = n
            case nil: break
            }
        }
        return stamp
    }
}

/// The two numbers `KnowledgeGeneration` keeps, from 0.
struct CreateKnowledgeGeneration: AsyncMigration {
    func prepare(on database: Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE TABLE knowledge_generation (id INTEGER PRIMARY KEY, n BIGINT NOT NULL)").run()
        for part in KnowledgeGeneration.Part.allCases {
            try await sql.raw("INSERT INTO knowledge_generation (id, n) VALUES (\(bind: part.rawValue), 0)").run()
        }
    }

    func revert(on database: Database) async throws {
        try await (database as! any SQLDatabase).raw("DROP TABLE knowledge_generation").run()
    }
}
