import Fluent
import LegalAidCore
import MediationCore
import Vapor

/// Fills the mediation pages' models from storage (one place, so the staff page, the party page
/// and the printed agreement say the same thing).
enum MediationView {
    /// The period the mediation is running against now, for lists: the reply deadline, or the
    /// one-month clock, or the confirmation window.
    static func due(_ m: MediationModel, calendar: HolidayCalendar, today: LocalDate) -> String? {
        switch m.mediationState {
        case .awaitingReply:
            return m.replyDueDay.map { "对方答复期限 \($0.chinese)" + ($0 < today ? "（已过）" : "") }
        case .accepted, .mediating:
            guard let clock = m.clock else { return nil }
            let left = clock.daysLeft(asOf: today, MediationService.periods, calendar: calendar)
            return "调解期限 \(clock.due(MediationService.periods, calendar: calendar).chinese)" + (left < 0 ? "（已超期\(-left)天）" : "（剩\(left)天）")
        case .agreed:
            guard !m.agreementIsOral, m.courtAnswer == nil, let effective = m.effectiveDay else { return nil }
            let due = MediationService.periods.confirmationDue(effectiveOn: effective, calendar: calendar)
            return due < today ? nil : "司法确认申请期限 \(due.chinese)"
        default:
            return nil
        }
    }

    static func partyRows(_ parties: [MediationPartyModel], sms: [UUID: SMSOutboxModel], showContact: Bool) -> [MediationPage.Party] {
        parties.map { p in
            var delivery: [String] = []
            if let at = p.invitedAt {
                let status = p.invitationSMSID.flatMap { sms[$0] }.map { row -> String in
                    switch SMSOutboxModel.Status(rawValue: row.status) {
                    case .sent: "短信已发出" + (row.sentAt.map { "（\(TimeText.chinese($0))）" } ?? "")
                    case .failed: "短信发送失败"
                    default: "短信等待发送"
                    }
                } ?? "未登记手机号，未发短信"
                delivery.append("\(TimeText.chinese(at))邀请；\(status)")
            }
            if let at = p.deliveredInPersonAt { delivery.append("\(TimeText.chinese(at))当面送达") }
            if let at = p.openedAt { delivery.append("\(TimeText.chinese(at))打开了答复链接") }
            let reply: String? = switch p.reply.flatMap(MediationPartyModel.Reply.init(rawValue:)) {
            case .accepted: "同意调解" + (p.repliedAt.map { "（\(TimeText.chinese($0))）" } ?? "")
            case .refused: "不同意调解" + (p.repliedAt.map { "（\(TimeText.chinese($0))）" } ?? "")
            case nil: nil
            }
            return MediationPage.Party(id: p.id!, side: p.partySide.chinese, respondent: p.partySide == .respondent, name: p.name,
                                       organisation: p.organisation, agent: p.agent,
                                       phone: showContact ? p.phone : p.phone.map { "尾号" + String($0.suffix(4)) },
                                       address: showContact ? p.address : nil, delivery: delivery, reply: reply,
                                       rights: p.rightsAcknowledgedAt.map { "\(TimeText.chinese($0))已确认（\(p.rightsMethod == "paper" ? "纸面签字" : "在线确认")）" },
                                       hasPhone: p.phone != nil, canReply: p.reply == nil && p.partySide == .respondent)
        }
    }

    static func agreementModel(_ mediation: MediationModel, _ row: MediationAgreementModel?, parties: [MediationPartyModel],
                               service: MediationService) async throws -> MediationPage.AgreementView? {
        guard let row else { return nil }
        let agreement = try await service.domainAgreement(row, of: mediation, parties: parties)
        let signed = try await service.signatures(of: row.id!)
        return MediationPage.AgreementView(
            version: row.version, facts: row.facts, terms: row.terms, oral: row.oral, sealedAt: row.sealedAt,
            signatures: signed.map { "\($0.name)（\($0.method == "paper" ? "纸面签字" : $0.role == "mediator" ? "调解员签名" : "短信验证码确认")，\(TimeText.chinese($0.at))）" },
            unsigned: agreement.unsigned.map { (id: $0.id, name: $0.name, mediator: $0.role == .mediator) },
            effective: agreement.isEffective)
    }

    static func page(_ mediation: MediationModel, for account: AccountModel, req: Request) async throws -> MediationPage {
        let service = MediationService(req)
        let reference = try await req.referenceData()
        let today = LocalDate(req.now)
        let parties = try await service.parties(of: mediation.id!)
        let smsIDs = parties.compactMap(\.invitationSMSID)
        let sms = smsIDs.isEmpty ? [:] : Dictionary(try await SMSOutboxModel.query(on: req.db).filter(\.$id ~~ smsIDs).all().map { ($0.id!, $0) },
                                                    uniquingKeysWith: { a, _ in a })
        let steps = try await service.steps(of: mediation.id!)
        let sessions = try await service.sessions(of: mediation.id!)
        let agreementRow = try await service.agreement(of: mediation.id!)
        let works = MediationAccess.works(mediation, account)
        let recommended = works && [.accepted, .mediating].contains(mediation.mediationState) ? try await service.recommended(for: mediation) : []
        var names = try await AccountModel.displayNames(([mediation.mediatorAccountID] + sessions.map(\.mediatorAccountID)).compactMap { $0 }, on: req.db)
        names.merge(Dictionary(recommended.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })) { a, _ in a }
        let partyNames = Dictionary(parties.map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a })
        let clock = mediation.clock
        return MediationPage(
            id: mediation.id!, number: mediation.number, version: mediation.version, type: mediation.disputeType.chinese,
            source: mediation.mediationSource.chinese, state: mediation.mediationState, committee: reference.name(mediation.committeeID),
            mediator: mediation.mediatorAccountID.flatMap { names[$0] }, isTheMediator: mediation.mediatorAccountID == account.id,
            works: works, facts: mediation.facts, claims: mediation.claims, language: mediation.language, createdAt: mediation.createdAt,
            due: due(mediation, calendar: reference.calendar, today: today),
            extensionReason: mediation.extensionReason, canExtend: clock != nil && mediation.extensionReason == nil && [.accepted, .mediating].contains(mediation.mediationState),
            endedReason: mediation.endedReason,
            effective: mediation.effectiveDay?.chinese, oral: mediation.agreementIsOral,
            confirmationDue: service.confirmationDue(mediation, calendar: reference.calendar)?.chinese,
            reminders: mediation.effectiveDay.map { MediationService.periods.confirmationReminders(effectiveOn: $0, calendar: reference.calendar).map(\.chinese) } ?? [],
            courtAnswer: mediation.courtAnswer, returnVisit: mediation.returnVisit, performed: mediation.performed,
            escalation: mediation.escalationRisks.map(\.chinese), escalationOpen: mediation.escalationOpen,
            escalationFollowUp: mediation.escalationFollowUp,
            parties: partyRows(parties, sms: sms, showContact: true),
            sessions: sessions.map { s in
                MediationPage.Session(startsAt: s.startsAt, place: s.place, video: s.video,
                                      kind: s.withParty.flatMap { partyNames[$0] }.map { "背对背（\($0)）" } ?? "共同调解",
                                      attended: s.attended.compactMap { partyNames[$0] }, record: s.record ?? "",
                                      mediator: s.mediatorAccountID.flatMap { names[$0] } ?? "")
            },
            agreement: try await agreementModel(mediation, agreementRow, parties: parties, service: service),
            recommended: recommended.map { (id: $0.id, name: $0.name, note: recommendationNote($0, type: mediation.disputeType)) },
            routes: mediation.mediationState.endedUnsettled ? RoutesStillOpen.routes(for: mediation.disputeType) : [],
            points: works && mediation.mediationState.endedUnsettled
                ? reference.organisations.filter { $0.value.kind == .communityPoint }.map { (value: $0.key.uuidString, label: $0.value.name) }.sorted { $0.label < $1.label }
                : [],
            steps: steps.map { MediationPage.Step(at: $0.at, actor: $0.actor, what: MediationAudit.stepName($0.event), note: $0.note) })
    }

    static func recommendationNote(_ m: MediatorProfile, type: DisputeType) -> String {
        var said: [String] = []
        if m.specialities.contains(type) { said.append("擅长\(type.chinese)") }
        if !m.languages.isEmpty { said.append("会讲" + m.languages.sorted().joined(separator: "、")) }
        said.append("在办\(m.openMediations)件")
        return said.joined(separator: "，")
    }

    static func agreementPrint(_ mediation: MediationModel, _ row: MediationAgreementModel, req: Request) async throws -> AgreementPrintPage {
        let service = MediationService(req)
        let parties = try await service.parties(of: mediation.id!)
        let reference = try await req.referenceData()
        let signed = try await service.signatures(of: row.id!)
        let mediatorName = try await mediation.mediatorAccountID.asyncMap { id in try await AccountModel.displayNames([id], on: req.db)[id] } ?? nil
        return AgreementPrintPage(
            number: mediation.number, version: row.version, committee: reference.name(mediation.committeeID), type: mediation.disputeType.chinese,
            parties: parties.map { p in
                AgreementPrintPage.Party(side: p.partySide.chinese, name: p.name, organisation: p.organisation, agent: p.agent,
                                         signedAt: signed.first { $0.signatoryID == p.id }?.at,
                                         onPaper: signed.first { $0.signatoryID == p.id }?.method == "paper")
            },
            facts: row.facts, terms: row.terms, mediator: mediatorName ?? "",
            mediatorSignedAt: signed.first { $0.role == "mediator" }?.at, sealedAt: row.sealedAt, superseded: row.superseded,
            confirmationDue: service.confirmationDue(mediation, calendar: reference.calendar)?.chinese)
    }
}
