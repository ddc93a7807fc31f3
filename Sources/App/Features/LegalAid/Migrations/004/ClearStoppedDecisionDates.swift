import Fluent
import LegalAidCore
import SQLKit

/// Applications waiting for materials at the centre stored a decision day computed while the
/// clock was stopped; no day is kept while it is stopped now (it is set again when it restarts).
struct ClearStoppedDecisionDates: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await (database as! SQLDatabase).update("applications").set("decision_due", to: SQLLiteral.null)
            .where("state", .equal, ApplicationState.centreMaterialsRequested.rawValue).run()
    }

    func revert(on database: Database) async throws {}
}
