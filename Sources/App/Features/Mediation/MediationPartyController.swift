import Fluent
import MediationCore
import Vapor

/// A party's own pages: the other side opens the SMS link (its key kept in this browser's
/// session, never in a URL), reads what is asked of them and answers; every party acknowledges
/// their rights and duties, follows the mediation and prints the agreement. An applicant who
/// applied online reaches theirs from 我的调解.
struct MediationPartyController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.mediationOpen(.key), use: openPage)
        routes.post(.mediationOpen(.key), use: open)
        routes.get(.mediationParty(.key), use: show)
        routes.post(.mediationPartyAction(.key, .reply), use: reply)
        routes.post(.mediationPartyAction(.key, .rights), use: rights)
        routes.post(.mediationPartyAction(.key, .code), use: code)
        routes.post(.mediationPartyAction(.key, .sign), use: sign)
        routes.get(.myMediations, use: mine)
    }

    static func keyName(_ party: UUID) -> String { "mediationParty.\(party.uuidString)" }

    /// The party the request speaks for: by the key this browser holds, or the signed-in account.
    static func party(_ req: Request, id: UUID) async throws -> MediationPartyModel {
        let service = MediationService(req)
        if let key = req.session.data[keyName(id)] { return try await service.party(id, key: key) }
        guard let account = req.auth.get(AccountModel.self), let party = try await MediationPartyModel.find(id, on: req.db),
              party.accountID == account.id else { throw AppError.refused("调解", target: "mediation-party:\(id)") }
        return party
    }

    /// A mediation one of whose parties this request speaks for.
    static func partyMediation(_ req: Request, mediationID: UUID) async throws -> MediationModel {
        let service = MediationService(req)
        for party in try await service.parties(of: mediationID) {
            if (try? await self.party(req, id: party.id!)) != nil { return try await service.find(mediationID) }
        }
        throw AppError.refused("调解", target: "mediation:\(mediationID)")
    }

    func openPage(req: Request) async throws -> HTML {
        MediationOpenPage(party: try req.parameters.id("party")).render(req)
    }

    func open(req: Request) async throws -> Response {
        let id = try req.parameters.id("party")
        struct Posted: Content { var key: String? }
        guard let key = try req.content.decode(Posted.self).key, !key.isEmpty, key.count <= 100 else { throw AppError.notFound("调解") }
        let service = MediationService(req)
        let party = try await service.party(id, key: key)
        try await service.opened(party)
        req.session.data[Self.keyName(id)] = key
        return req.redirect(to: SiteURL.mediationParty(.value(id)).path)
    }

    func show(req: Request) async throws -> HTML {
        let party = try await Self.party(req, id: try req.parameters.id("party"))
        return try await page(req, party).render(req)
    }

    private func page(_ req: Request, _ party: MediationPartyModel, errors: FormErrors = FormErrors([])) async throws -> MediationPartyPage {
        let service = MediationService(req)
        let mediation = try await service.find(party.mediationID)
        let reference = try await req.referenceData()
        let parties = try await service.parties(of: mediation.id!)
        let mediator = try await mediation.mediatorAccountID.asyncMap { id in try await AccountModel.displayNames([id], on: req.db)[id] } ?? nil
        let agreement = try await MediationView.agreementModel(mediation, try await service.agreement(of: mediation.id!), parties: parties, service: service)
        return MediationPartyPage(
            party: party.id!, mediationID: mediation.id!, version: mediation.version, name: party.name, side: party.partySide, number: mediation.number,
            type: mediation.disputeType.chinese, state: mediation.mediationState, committee: reference.name(mediation.committeeID),
            committeePhone: reference.organisations[mediation.committeeID]?.phone, mediator: mediator,
            applicant: parties.first { $0.partySide == .applicant }?.name ?? "", facts: mediation.facts, claims: mediation.claims,
            replyDue: mediation.replyDueDay?.chinese, mayReply: party.partySide == .respondent && party.reply == nil && mediation.mediationState == .awaitingReply,
            reply: party.reply, rightsAcknowledged: party.rightsAcknowledgedAt != nil,
            mayAcknowledge: !mediation.mediationState.isFinal && mediation.mediationState != .awaitingReply && party.rightsAcknowledgedAt == nil,
            endedReason: mediation.endedReason,
            routes: mediation.mediationState.endedUnsettled ? RoutesStillOpen.routes(for: mediation.disputeType) : [],
            agreement: agreement, maySign: mediation.mediationState == .mediating && agreement?.oral == false
                && agreement?.unsigned.contains { $0.id == party.id } == true,
            confirmationDue: service.confirmationDue(mediation, calendar: reference.calendar)?.chinese,
            due: MediationView.due(mediation, calendar: reference.calendar, today: LocalDate(req.now)), errors: errors)
    }

    func reply(req: Request) async throws -> Response {
        let party = try await Self.party(req, id: try req.parameters.id("party"))
        struct Posted: Content { var answer: String?; var reason: String?; var version: String? }
        let posted = try req.content.decode(Posted.self)
        do {
            guard let answer = posted.answer, ["accept", "refuse"].contains(answer) else {
                throw AppError.invalid(field: "answer", code: "required", "请选择是否同意调解")
            }
            let accepts = answer == "accept"
            if !accepts && (posted.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw AppError.invalid(field: "reason", code: "required", "请简单说明不同意调解的原因，以便调解委员会告知对方")
            }
            _ = try await MediationService(req).reply(party, accepts: accepts, reason: posted.reason ?? "",
                                                      expectedVersion: posted.version.flatMap(Int.init), by: .party(party))
            req.flash(accepts ? "您已同意调解。调解员会与您联系约定时间地点。" : "您已答复不同意调解，调解不会进行。")
            return req.redirect(to: SiteURL.mediationParty(.value(party.id!)).path)
        } catch let error as AppError where error.refusesForm {
            return try await page(req, party, errors: FormErrors(error.formErrors)).render(req).response(req, status: error.status)
        }
    }

    func rights(req: Request) async throws -> Response {
        let party = try await Self.party(req, id: try req.parameters.id("party"))
        struct Posted: Content { var understood: String? }
        do {
            guard try req.content.decode(Posted.self).understood == "true" else {
                throw AppError.invalid(field: "understood", code: "required", "请阅读后勾选“我已知悉”")
            }
            try await MediationService(req).acknowledgeRights(party, onPaper: false, by: .party(party))
            req.flash("已确认知悉您在调解中的权利和义务。")
            return req.redirect(to: SiteURL.mediationParty(.value(party.id!)).path)
        } catch let error as AppError where error.refusesForm {
            return try await page(req, party, errors: FormErrors(error.formErrors)).render(req).response(req, status: error.status)
        }
    }

    /// Signing from their own phone (a mediation held remotely): a code to their own number, then
    /// the code typed on their page.
    func code(req: Request) async throws -> Response {
        let party = try await Self.party(req, id: try req.parameters.id("party"))
        let service = MediationService(req)
        do {
            try await service.sendSigningCode(try await service.find(party.mediationID), party: party)
            req.flash("验证码已发送到您的手机，5分钟内有效。")
            return req.redirect(to: SiteURL.mediationParty(.value(party.id!)).path + "#sign")
        } catch let error as AppError where error.refusesForm {
            return try await page(req, party, errors: FormErrors(error.formErrors)).render(req).response(req, status: error.status)
        }
    }

    func sign(req: Request) async throws -> Response {
        let party = try await Self.party(req, id: try req.parameters.id("party"))
        struct Posted: Content { var code: String?; var version: String? }
        let posted = try req.content.decode(Posted.self)
        let service = MediationService(req)
        do {
            _ = try await service.sign(try await service.find(party.mediationID), signatory: party.id!, proof: .code(posted.code ?? ""),
                                       expectedVersion: posted.version.flatMap(Int.init), by: .party(party))
            req.flash("您已在调解协议上签名。各方签名并由调解委员会盖章后，协议生效。")
            return req.redirect(to: SiteURL.mediationParty(.value(party.id!)).path)
        } catch let error as AppError where error.refusesForm {
            return try await page(req, party, errors: FormErrors(error.formErrors)).render(req).response(req, status: error.status)
        }
    }

    func mine(req: Request) async throws -> HTML {
        let account = try req.requireAccount()
        guard account.isCitizen else { throw AppError.forbidden }
        let service = MediationService(req)
        let page = try await service.mine(account, page: try ListPage.from(req))
        let ids = page.items.compactMap(\.id)
        let own = ids.isEmpty ? [] : try await MediationPartyModel.query(on: req.db).filter(\.$mediationID ~~ ids).filter(\.$accountID == account.id!).all()
        let reference = try await req.referenceData()
        let rows = page.items.compactMap { m -> MyMediationsPage.Row? in
            guard let party = own.first(where: { $0.mediationID == m.id }) else { return nil }
            return MyMediationsPage.Row(party: party.id!, number: m.number, type: m.disputeType.chinese, state: m.mediationState.chinese,
                                        committee: reference.name(m.committeeID), createdAt: m.createdAt)
        }
        return MyMediationsPage(rows: rows, pager: Pager.render(page, req, unit: "件")).render(req)
    }
}
