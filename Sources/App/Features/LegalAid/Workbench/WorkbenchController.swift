import Fluent
import LegalAidCore
import Vapor

/// Staff's list of work: what waits on them, what is due or overdue, and everything in reach.
struct WorkbenchController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.workbench, use: index)
        routes.post(.readAlert(.key), use: markRead)
    }

    func index(req: Request) async throws -> HTML {
        let account = try req.requireStaff()
        let reference = try await req.referenceData()
        let service = ApplicationService(req)
        let now = req.now
        let today = LocalDate(now)
        let atCentre = ApplicationState.allCases.filter(\.isAtCentre).map(\.rawValue)
        // What waits on this person: the states in which their roles have a step to take.
        let actionable = account.actor.map { actor in
            ApplicationState.allCases.filter { state in Workflow.availableEvents(in: state, for: actor).contains { $0 != .withdraw && $0 != .submit } }
        } ?? []
        let mayAct = account.actor.map { !$0.has(.supervisor) || $0.roles.roles.count > 1 } ?? false
        let todo = try await service.visible(to: account, reference: reference, page: try ListPage.from(req, key: "todoPage")) { query in
            query.filter(\.$state ~~ (mayAct ? actionable.map(\.rawValue) : []))
                .sort(.sql(unsafeRaw: "COALESCE(decision_due, '9999-12-31')")).sort(\.$submittedAt)
        }
        let overdue = try await service.visible(to: account, reference: reference, page: ListPage(number: 1, size: 50)) { query in
            query.filter(\.$state ~~ atCentre).filter(\.$decisionDue != nil).filter(\.$decisionDue < today.iso).sort(\.$decisionDue)
        }
        let dueSoon = try await service.visible(to: account, reference: reference, page: ListPage(number: 1, size: 1)) { query in
            query.filter(\.$state ~~ atCentre).filter(\.$decisionDue >= today.iso).filter(\.$decisionDue <= today.adding(days: 2).iso)
        }.total
        let all = try await service.visible(to: account, reference: reference, page: try ListPage.from(req))
        let deadlines = try await DeadlineBoard.collect(on: req.db, reference: reference, now: now, deskRules: req.fayuan.settings.deskRules).filter { $0.concerns(account.id!) }
        let alerts = try await AlertModel.query(on: req.db).filter(\.$recipientAccountID == account.id!).filter(\.$readAt == nil)
            .sort(\.$raisedAt, .descending).limit(50).all()
        func items(_ page: Paged<ApplicationModel>) -> Paged<WorkItem> {
            Paged(items: WorkItem.build(page.items, account: account, reference: reference, now: now), page: page.page, total: page.total)
        }
        return WorkbenchPage(account: Viewer(account), reference: reference, now: now, todo: items(todo).items, todoTotal: todo.total, todoPager: Pager.render(todo, req, key: "todoPage", unit: "件"),
                             overdue: items(overdue), dueSoon: dueSoon, all: items(all).items, allPager: Pager.render(all, req, unit: "件"),
                             deadlines: deadlines, alerts: alerts.map(WorkbenchPage.Alert.init)).render(req)
    }

    /// The recipient has seen the alert; it leaves the workbench (the deadline itself stays listed until met).
    func markRead(req: Request) async throws -> Response {
        let account = try req.requireStaff()
        guard let alert = try await AlertModel.find(try req.parameters.id(), on: req.db),
              alert.recipientAccountID == account.id else { throw AppError.notFound("提醒") }
        alert.readAt = req.now
        try await alert.save(on: req.db)
        return req.redirect(to: SiteURL.workbench.path)
    }
}
