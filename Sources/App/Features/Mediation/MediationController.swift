import Fluent
import MediationCore
import Vapor

/// The committee's pages: the list (a mediator's committee, or every one for a supervisor),
/// one mediation with what can be done next, and the agreement printed on A4. Every view of a
/// mediation's personal data is audited.
struct MediationController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.mediations, use: list)
        routes.get(.mediation(.key), use: show)
        routes.get(.mediationAgreementPrint(.key), use: print)
        for action in MediationAction.allCases {
            routes.post(.mediationAction(.key, action)) { req in try await act(action, req: req) }
        }
    }

    func list(req: Request) async throws -> HTML {
        let account = try MediationAccess.requireStaff(req)
        let state = req.query[String.self, at: "state"].flatMap(MediationState.init(rawValue:))
        let flagged = req.query[String.self, at: "flagged"] == "1"
        let due = req.query[String.self, at: "due"].flatMap(MediationService.Due.init(rawValue:))
        let service = MediationService(req)
        let page = try await service.list(for: account, state: state, flagged: flagged, due: due, page: try ListPage.from(req))
        let counts = try await service.dueCounts(for: account)
        let reference = try await req.referenceData()
        let mediatorNames = try await AccountModel.displayNames(page.items.compactMap(\.mediatorAccountID), on: req.db)
        let rows = page.items.map { m in
            MediationListPage.Row(id: m.id!, number: m.number, type: m.disputeType.chinese, state: m.mediationState.chinese,
                                  committee: reference.organisations[m.committeeID]?.name ?? "", mediator: m.mediatorAccountID.flatMap { mediatorNames[$0] },
                                  createdAt: m.createdAt, flagged: m.escalationOpen,
                                  due: MediationView.due(m, calendar: reference.calendar, today: LocalDate(req.now)))
        }
        return MediationListPage(rows: rows, total: page.total, state: state, flagged: flagged, due: due, overdue: counts.overdue, dueSoon: counts.soon,
                                 pager: Pager.render(page, req, unit: "件"),
                                 mayStart: (try? MediationApplyController.requireStarter(req)) != nil).render(req)
    }

    func show(req: Request) async throws -> HTML {
        let account = try MediationAccess.requireStaff(req)
        let service = MediationService(req)
        let mediation = try await service.seen(try req.parameters.id(), by: account)
        try await req.audit("mediation.view", target: "mediation:\(mediation.id!)", detail: mediation.number)
        return try await MediationView.page(mediation, for: account, req: req).render(req)
    }

    /// 人民调解协议书 on A4, numbered, with each signature and the seal as they stand.
    func print(req: Request) async throws -> Response {
        let service = MediationService(req)
        let mediation: MediationModel
        if let account = req.auth.get(AccountModel.self), !account.isCitizen {
            mediation = try await service.seen(try req.parameters.id(), by: try MediationAccess.requireStaff(req))
        } else {
            mediation = try await MediationPartyController.partyMediation(req, mediationID: try req.parameters.id())
        }
        guard let agreement = try await service.agreement(of: mediation.id!) else { throw AppError.notFound("调解协议") }
        try await req.audit("mediation.print", target: "mediation:\(mediation.id!)", detail: mediation.number)
        let page = try await MediationView.agreementPrint(mediation, agreement, req: req)
        return try await page.render(req).encodeResponse(for: req)
    }
}
