import Fluent

/// The number of an earlier application for the same ID number and matter, when a second one
/// arrives within days: the pre-review staff are warned.
struct AddPossibleDuplicate: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("applications").field("possible_duplicate_of", .string).update()
    }

    func revert(on database: Database) async throws {
        try await database.schema("applications").deleteField("possible_duplicate_of").update()
    }
}
