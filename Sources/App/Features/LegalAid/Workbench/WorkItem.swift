import LegalAidCore
import Vapor

/// One row of the workbench, with its deadline worked out on the holiday calendar.
struct WorkItem {
    var app: ApplicationRecord
    var myActions: [ApplicationEventKind]
    /// The decision clock while the centre has the application: running to a day, or stopped.
    var clock: ClockReading?
    var lastDay: LocalDate? { clock?.lastDay }
    var daysLeft: Int? {
        if case .running(_, let left, _) = clock { return left }
        return nil
    }
    var overdue: Bool {
        if case .running(_, _, let overdue) = clock { return overdue }
        return false
    }

    static func build(_ apps: [ApplicationModel], account: AccountModel, reference: ReferenceData, now: Date) -> [WorkItem] {
        return apps.map { app in
            let deadline = app.applicationState.isAtCentre ? app.workflowCase.decisionDeadline : nil
            let mine = account.actor.flatMap { actor in
                AccessPolicy.canAct(app.scope, actor: actor, tree: reference.tree) ? Workflow.availableEvents(in: app.applicationState, for: actor) : nil
            } ?? []
            return WorkItem(app: ApplicationRecord(app), myActions: mine.filter { $0 != .withdraw }, clock: deadline?.reading(at: now, calendar: reference.calendar))
        }
    }
}
