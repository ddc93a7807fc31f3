import Fluent
import LegalAidCore
import Vapor

/// Legal aid (法律援助): applying online or at a community point, pre-review at the street
/// workstation, the centre's decision, the case from assignment to closure, objections,
/// notified defence and detained persons' requests, and the deadlines over all of them.
/// Folders: `Applications`, `Cases`, `Objections`, `Intake`, `Workbench`, `Deadlines`, `Demo`,
/// `Migrations`; the rules themselves live in the pure `LegalAidCore` module.
struct LegalAidFeature: Feature {
    var migrations: [any Migration] { [CreateIndexes.legalAidReads, CreateIndexes.caseListOrder] }

    var messages: [MessageKind] { LegalAidMessages.all }

    func boot(routes: RoutesBuilder) throws {
        try routes.register(collection: LookupController())
        try routes.register(collection: ApplicationFormController())
        try routes.register(collection: ApplicationController())
        try routes.register(collection: MyApplicationsController())
        try routes.register(collection: WorkbenchController())
        try routes.register(collection: CaseController())
        try routes.register(collection: SideExitController())
        try routes.register(collection: ObjectionController())
        try routes.register(collection: IntakeController())
        try routes.register(collection: LawyerProfileController())
        try routes.register(collection: APIController())
        try routes.register(collection: CaseAPIController())
    }

    /// Staff see their unread deadline alerts counted on every page.
    func middleware() -> [any Middleware] { [UnreadAlerts()] }

    func navigation(for viewer: NavigationViewer) -> [NavigationLink] {
        var links = [NavigationLink("进度查询", .lookup, rank: 90)]
        if viewer.isAnonymous || viewer.isCitizen {
            if viewer.isCitizen { links.append(NavigationLink("我的申请", .myApplications, rank: 10)) }
            links.append(NavigationLink("申请法律援助", .newApplication, rank: 11))
            return links
        }
        links.append(NavigationLink("工作台", .workbench, rank: 10, badge: viewer.unreadAlerts > 0 ? "\(viewer.unreadAlerts)条期限提醒" : nil))
        if !viewer.roles.isDisjoint(with: [.centreReviewer, .centreDirector, .lawyer, .supervisor]) { links.append(NavigationLink("案件", .cases, rank: 20)) }
        if !viewer.roles.isDisjoint(with: [.centreReviewer, .centreDirector]) {
            links.append(NavigationLink("通知辩护与羁押申请", .intake, rank: 30))
            links.append(NavigationLink("律师", .lawyers, rank: 31))
        }
        if !viewer.roles.isDisjoint(with: [.centreReviewer, .centreDirector, .supervisor]) { links.append(NavigationLink("异议", .objections, rank: 40)) }
        if viewer.roles.contains(.communityStaff) { links.append(NavigationLink("代为填写申请", .newApplication, rank: 50)) }
        return links
    }

    func commands(_ app: Application) {
        app.asyncCommands.use(SweepDeadlinesCommand(), as: "sweep-deadlines")
        app.asyncCommands.use(BenchSweepCommand(), as: "bench-sweep")
    }

    func jobs(_ settings: Settings) -> [PeriodicJob] {
        guard settings.deadlineSweepSeconds > 0 else { return [] }
        return [PeriodicJob("deadline-sweep", every: .seconds(settings.deadlineSweepSeconds)) { app in
            let raised = try await DeadlineSweep.run(on: app.db, services: app.fayuan)
            return raised > 0 ? "deadline sweep raised \(raised) alerts" : nil
        }]
    }
}
