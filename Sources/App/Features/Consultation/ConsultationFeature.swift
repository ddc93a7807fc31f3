import Fluent
import LegalAidCore
import Vapor
import DeskCore

/// The consultation desk and the 12348 hotline (咨询): live chat with the on-duty staff, the
/// message board, call backs owed by the hotline, and the desk's roster. The rules live in
/// `LegalAidCore/Consultation`; this folder stores, serves and announces them.
struct ConsultationFeature: Feature {
    var messages: [MessageKind] { ConsultationMessages.all }

    var migrations: [any Migration] {
        [CreateConsultations(), CreateConsultationMessages(), CreateConsultationEvents(), CreateDeskShifts(), CreateWebhookReceipts(),
         CreateConsultationFiles(), AddConsultationReplyDue()]
    }

    func prepare(_ app: Application) throws {
        let hub = ConsultationHub()
        app.consultationHub = hub
        // One instance on SQLite; on PostgreSQL any number, relayed through LISTEN/NOTIFY.
        if case .postgres(let url) = app.fayuan.settings.database {
            app.lifecycle.use(ConsultationRelay(url: url, hub: hub))
        }
    }

    func boot(routes: RoutesBuilder) throws {
        try routes.register(collection: ConsultationController())
        try routes.register(collection: ConsultationAPIController())
        try routes.register(collection: HotlineWebhook())
    }

    func commands(_ app: Application) {
        app.asyncCommands.use(BenchConsultationsCommand(), as: "bench-consultations")
    }

    func navigation(for viewer: NavigationViewer) -> [NavigationLink] {
        if viewer.isAnonymous || viewer.isCitizen { return [NavigationLink("法律咨询", .consult, rank: 5)] }
        if !viewer.roles.isDisjoint(with: ConsultationWorkflow.deskRoles.union([.supervisor])) { return [NavigationLink("咨询服务台", .desk, rank: 15)] }
        return []
    }

    func jobs(_ settings: Settings) -> [PeriodicJob] {
        // The three-minute rule is checked every few seconds on every instance; the version
        // check lets only one instance move each request.
        guard settings.consultationRoundSeconds > 0 else { return [] }
        return [PeriodicJob("consultation-escalation", every: .seconds(settings.consultationRoundSeconds)) { app in
            let service = ConsultationService(scope: ServiceScope(db: app.db, services: app.fayuan, now: app.fayuan.clock.now()), hub: app.consultationHub)
            let moved = try await service.escalateOverdue()
            let lost = try await service.giveUpLostRinging()
            let said = [moved > 0 ? "\(moved) live consultations handed to the hotline for a call back" : nil,
                        lost > 0 ? "\(lost) calls still ringing after ten minutes treated as missed" : nil].compactMap { $0 }
            return said.isEmpty ? nil : said.joined(separator: "; ")
        }]
    }
}
