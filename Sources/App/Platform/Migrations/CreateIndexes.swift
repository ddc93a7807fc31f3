import Fluent
import SQLKit

/// Plain indexes, one migration per feature and round (`name` is what the migration history records).
struct CreateIndexes: AsyncMigration {
    struct Index: Sendable {
        var name: String
        var table: String
        var columns: [String]

        init(_ name: String, on table: String, _ columns: String...) {
            self.name = name
            self.table = table
            self.columns = columns
        }
    }

    let name: String
    let indexes: [Index]
    /// Earlier indexes the new ones make redundant: dropped on prepare, recreated on revert.
    var replacing: [Index] = []

    func prepare(on database: Database) async throws {
        guard let sql = database as? SQLDatabase else { return }
        for index in indexes {
            var create = sql.create(index: index.name).on(index.table)
            for column in index.columns { create = create.column(column) }
            try await create.run()
        }
        for index in replacing { try await sql.drop(index: index.name).ifExists().run() }
    }

    func revert(on database: Database) async throws {
        guard let sql = database as? SQLDatabase else { return }
        for index in indexes.reversed() { try await sql.drop(index: index.name).run() }
        for index in replacing {
            var create = sql.create(index: index.name).on(index.table)
            for column in index.columns { create = create.column(column) }
            try await create.run()
        }
    }
}

extension CreateIndexes {
    /// The platform's lookups: each person's messages, the SMS waiting to be sent.
    static let platformReads = CreateIndexes(name: "AddPlatformReadIndexes", indexes: [
        Index("messages_by_account", on: "messages", "account_id", "created_at"),
        Index("sms_outbox_by_status", on: "sms_outbox", "status", "next_attempt_at"),
    ])
}
