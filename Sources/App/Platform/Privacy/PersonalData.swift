import Fluent
import LegalAidCore
import Vapor

/// The personal data a feature keeps, told to the platform through `Feature.personalData`: which
/// rows to seal again when a new key becomes active (`rotate-keys`), and what to delete when its
/// retention period has passed (`purge-expired`). The platform's commands loop over features and
/// name none of them.
struct PersonalData: Sendable {
    /// Seals a model's values again under the active key; answers how many rows it rewrote.
    typealias Reseal = @Sendable (Database) async throws -> Int
    /// Deletes what passed its period; answers how many rows, by category.
    typealias Purge = @Sendable (PurgeRound) async throws -> [RetentionCategory: Int]

    var reseal: [Reseal] = []
    var purge: [Purge] = []

    /// Every row of `M`, in batches by id, saved after `touch` has set its sealed values again
    /// (setting a sealed value seals it under the active key). Each row is its own save: a crash
    /// midway leaves every row readable, old under the old key, new under the new, and a rerun
    /// finishes the job.
    static func reseal<M: Model>(_ type: M.Type, _ touch: @escaping @Sendable (M) -> Void) -> Reseal {
        { db in
            let batch = 500
            var offset = 0, count = 0
            while true {
                let rows = try await M.query(on: db).sort(.id).range(offset..<(offset + batch)).all()
                for row in rows {
                    touch(row)
                    try await row.update(on: db)
                }
                count += rows.count
                offset += batch
                if rows.count < batch { return count }
            }
        }
    }
}

/// One run of the purge: the moment its periods count back from, and where it deletes.
struct PurgeRound: Sendable {
    var now: Date
    var services: FayuanServices
    var db: any Database

    /// The first moment still kept for a category.
    func cutoff(_ category: RetentionCategory) -> Date { now.addingTimeInterval(-Double(category.days ?? 0) * 86_400) }
}
