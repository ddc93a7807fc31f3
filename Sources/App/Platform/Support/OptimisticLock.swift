import Foundation
import Fluent
import LegalAidCore
import SQLKit

/// Optimistic locking: a row's `version` moves forward only from the version its writer read, in
/// one statement, so of two writers who read the same version one moves it and the other is
/// refused (`changedConcurrently`: told the record changed, never silently overwritten).
enum OptimisticLock {
    static func advance(_ table: String, id: UUID, from version: Int, on db: Database) async throws {
        guard let sql = db as? SQLDatabase else { throw WorkflowError.changedConcurrently }
        let rows = try await sql.raw("UPDATE \(ident: table) SET version = version + 1 WHERE id = \(bind: id) AND version = \(bind: version) RETURNING version").all()
        guard rows.count == 1 else { throw WorkflowError.changedConcurrently }
    }
}
