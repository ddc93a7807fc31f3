import Fluent
import MediationCore
import Vapor

/// People's mediation (人民调解, issue #26): 纠纷怎么办 (a guide with no account), applying online
/// or at a window, the other side asked by SMS link with a deadline, committee and mediator,
/// rights and duties, sessions and their 笔录, the agreement signed on screen or on paper and
/// sealed, the confirmation window with its reminders, the return visit, failed mediations with
/// the routes still open, and escalation flags. The rules live in `MediationCore`.
struct MediationFeature: Feature {
    var migrations: [any Migration] { [CreateMediationCommittees(), CreateMediations(), CreateMediationSessions()] }

    func boot(routes: RoutesBuilder) throws {
        try routes.register(collection: DisputeGuideController())
        try routes.register(collection: MediationApplyController())
        try routes.register(collection: MediationController())
        try routes.register(collection: MediationPartyController())
        try routes.register(collection: MediationAPIController())
    }

    func navigation(for viewer: NavigationViewer) -> [NavigationLink] {
        if viewer.roles.contains(.mediator) || viewer.roles.contains(.supervisor) { return [NavigationLink("人民调解", .mediations, rank: 8)] }
        return viewer.isStaff ? [] : [NavigationLink("纠纷调解", .disputes, rank: 8)]
    }

    /// A mediator's work is their committee's mediations (before legal aid's workbench).
    func landing(for viewer: NavigationViewer, justRegistered: Bool) -> Landing? {
        viewer.roles.contains(.mediator) ? Landing(url: .mediations, rank: 5) : nil
    }

    func homeCards(_ home: HomeContext) -> [HomeCard] {
        [HomeCard(rank: 25, html: """
          <div class="card">
            <h2>矛盾纠纷怎么办</h2>
            <p>邻里、家庭、欠薪、物业、交通事故、借钱不还……先看看法律怎么说、自己可以怎么做，再找人民调解委员会免费调解。</p>
            <p><a class="button" href="\\(SiteURL.disputes)">看看怎么办</a> <a href="\\(SiteURL.applyMediation)">申请人民调解</a></p>
          </div>
        """)]
    }

    func jobs(_ settings: Settings) -> [PeriodicJob] {
        // Once a minute is plenty for day-counted periods; the version check lets one instance
        // move each mediation, and the reminder days claimed in one statement are sent once.
        guard settings.deadlineSweepSeconds > 0 else { return [] }
        return [PeriodicJob("mediation-rounds", every: .seconds(Int64(settings.deadlineSweepSeconds))) { app in
            let service = MediationService(scope: ServiceScope(db: app.db, services: app.fayuan, now: app.fayuan.clock.now()))
            let lapsed = try await service.lapseUnanswered()
            let reminded = try await service.sendConfirmationReminders(reference: try await app.fayuan.referenceData(on: app.db))
            let said = [lapsed > 0 ? "\(lapsed) mediations ended: no answer by the deadline" : nil,
                        reminded > 0 ? "\(reminded) mediations' parties reminded of judicial confirmation" : nil].compactMap { $0 }
            return said.isEmpty ? nil : said.joined(separator: "; ")
        }]
    }

    func seedDemo(_ app: Application) async throws { try await MediationDemo.seed(app) }

    var messages: [MessageKind] { MediationMessages.all }
}
