import Fluent
import MediationCore
import SQLKit
import Vapor

extension MediationService {
    // MARK: Mediator

    /// The committee's mediators, best suited first (MediatorRecommendation): who knows this kind
    /// of dispute, speaks the language a party needs, and has the fewest open mediations.
    func recommended(for mediation: MediationModel) async throws -> [MediatorProfile] {
        let profiles = try await MediatorProfileModel.query(on: db).filter(\.$committeeID == mediation.committeeID).all()
        guard !profiles.isEmpty else { return [] }
        let names = try await AccountModel.displayNames(profiles.map(\.accountID), on: db)
        let open = try await MediationModel.query(on: db).filter(\.$committeeID == mediation.committeeID)
            .filter(\.$state == MediationState.mediating.rawValue).all(\.$mediatorAccountID)
        var load: [UUID: Int] = [:]
        for id in open.compactMap({ $0 }) { load[id, default: 0] += 1 }
        let candidates = profiles.map { p in
            MediatorProfile(id: p.accountID, name: names[p.accountID] ?? "", committee: p.committeeID,
                            specialities: Set(p.specialities.split(separator: ",").compactMap { DisputeType(rawValue: String($0)) }),
                            languages: Set(p.languages.split(separator: ",").map(String.init)), openMediations: load[p.accountID] ?? 0)
        }
        return MediatorRecommendation.rank(candidates, committee: mediation.committeeID, type: mediation.disputeType,
                                           language: mediation.language, excluding: mediation.recused)
    }

    /// Assigns the mediator (or records the one the parties chose, 第19条).
    func assign(_ mediation: MediationModel, mediator: UUID, chosenByParties: Bool, expectedVersion: Int?, by account: AccountModel) async throws -> MediationModel {
        guard try await MediatorProfileModel.query(on: db).filter(\.$accountID == mediator).filter(\.$committeeID == mediation.committeeID).first() != nil,
              let person = try await AccountModel.find(mediator, on: db), MediationAccess.isMediator(person) else {
            throw AppError.invalid(field: "mediator", code: "invalidChoice", "请从本调解委员会的调解员中选择")
        }
        if mediation.recused.contains(mediator) {
            throw AppError.invalid(field: "mediator", code: "recused", "当事人已申请\(person.displayName)回避，请另选调解员")
        }
        return try await services.transaction(on: db) { tx in
            try await step(mediation, .assignMediator, code: "assign", expectedVersion: expectedVersion, by: .account(account),
                           note: "\(person.displayName)（\(chosenByParties ? "当事人共同选定" : "调解委员会指定")）", on: tx) { $0.mediatorAccountID = mediator }
        }
    }

    /// A party objected to the mediator (回避, 第24条): they step down, the reason kept; another
    /// is then assigned, never the same one again.
    func recuse(_ mediation: MediationModel, reason: String, expectedVersion: Int?, by account: AccountModel) async throws -> MediationModel {
        guard let current = mediation.mediatorAccountID else { throw Self.refusal(.notAllowed(from: mediation.mediationState, event: "recuse")) }
        let name = try await AccountModel.displayNames([current], on: db)[current] ?? ""
        return try await services.transaction(on: db) { tx in
            try await step(mediation, .recuse(reason: reason), code: "recuse", expectedVersion: expectedVersion, by: .account(account),
                           note: "\(name)回避：\(reason.trimmingCharacters(in: .whitespacesAndNewlines))", on: tx) {
                $0.recused = $0.recused.union([current])
                $0.mediatorAccountID = nil
            }
        }
    }

    // MARK: Before and during the sessions

    /// The party was told their rights and duties and acknowledged it, on screen or on paper.
    func acknowledgeRights(_ party: MediationPartyModel, onPaper: Bool, by actor: Actor) async throws {
        let mediation = try await find(party.mediationID)
        guard party.rightsAcknowledgedAt == nil else { return }
        guard !mediation.mediationState.isFinal else { throw Self.refusal(.notAllowed(from: mediation.mediationState, event: "rights")) }
        try await services.transaction(on: db) { tx in
            party.rightsAcknowledgedAt = now
            party.rightsMethod = onPaper ? "paper" : "screen"
            try await party.update(on: tx)
            try await step(mediation, nil, code: "rights", expectedVersion: nil, by: actor,
                           note: "\(party.name)已知悉权利义务（\(onPaper ? "纸面签字" : "在线确认")）", on: tx)
        }
    }

    struct NewSession {
        var startsAt: Date
        var place: String
        var video: Bool
        var withParty: UUID?
        var attended: [UUID]
        var record: String
    }

    /// A session with its attendance and 笔录: only by the acting mediator, once every party has
    /// acknowledged their rights and duties.
    func addSession(_ mediation: MediationModel, _ session: NewSession, expectedVersion: Int?, by account: AccountModel) async throws -> MediationModel {
        guard mediation.mediationState == .mediating else { throw Self.refusal(.notAllowed(from: mediation.mediationState, event: "session")) }
        guard mediation.mediatorAccountID == account.id else {
            throw AppError(status: .conflict, code: "notTheMediator", message: "只有本案调解员可以记录调解", field: "mediator")
        }
        let all = try await parties(of: mediation.id!)
        do {
            try RightsNotice.checkBeforeSession(parties: all.map(\.signatory), acknowledged: Set(all.filter { $0.rightsAcknowledgedAt != nil }.map { $0.id! }))
        } catch { throw Self.refusal(error) }
        let known = Set(all.map { $0.id! })
        guard session.withParty.map(known.contains) ?? true, session.attended.allSatisfy(known.contains) else {
            throw AppError.invalid(field: "attended", code: "invalidChoice", "请从本案当事人中选择")
        }
        return try await services.transaction(on: db) { tx in
            let row = MediationSessionModel()
            row.mediationID = mediation.id!
            row.startsAt = session.startsAt
            row.place = session.place
            row.video = session.video
            row.withParty = session.withParty
            row.attendedText = session.attended.map(\.uuidString).joined(separator: ",")
            row.record = session.record
            row.recordedAt = now
            row.mediatorAccountID = account.id
            try await row.create(on: tx)
            let kind = session.withParty.flatMap { id in all.first { $0.id == id } }.map { "背对背调解（\($0.name)）" } ?? "共同调解"
            return try await step(mediation, nil, code: "session", expectedVersion: expectedVersion, by: .account(account),
                                  note: "\(kind)：\(session.place)", on: tx)
        }
    }

    /// The one-month period extended once, with the reason.
    func extend(_ mediation: MediationModel, reason: String, expectedVersion: Int?, by account: AccountModel) async throws -> MediationModel {
        guard var clock = mediation.clock, !mediation.mediationState.isFinal, mediation.mediationState != .agreed else {
            throw Self.refusal(.notAllowed(from: mediation.mediationState, event: "extend"))
        }
        do { try clock.extend(reason: reason) } catch { throw Self.refusal(error) }
        let extensionReason = clock.extensionReason
        let due = clock.due(Self.periods, calendar: try await services.referenceData(on: db).calendar).iso
        return try await services.transaction(on: db) { tx in
            try await step(mediation, nil, code: "extend", expectedVersion: expectedVersion, by: .account(account), note: extensionReason, on: tx) {
                $0.extensionReason = extensionReason
                $0.dueOn = due
            }
        }
    }

    // MARK: Ending without agreement

    func fail(_ mediation: MediationModel, reason: String, expectedVersion: Int?, by account: AccountModel) async throws -> MediationModel {
        try await services.transaction(on: db) { tx in
            try await step(mediation, .fail(reason: reason), code: "fail", expectedVersion: expectedVersion, by: .account(account), note: reason, on: tx) {
                $0.endedReason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
    }

    func withdraw(_ mediation: MediationModel, reason: String, expectedVersion: Int?, by actor: Actor) async throws -> MediationModel {
        try await services.transaction(on: db) { tx in
            try await step(mediation, .withdraw(reason: reason), code: "withdraw", expectedVersion: expectedVersion, by: actor, note: reason, on: tx) {
                $0.endedReason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
    }

    // MARK: Escalation risk

    /// A mediator flags a dispute at risk of escalating; the street and the bureau see it at once
    /// on their list; it stays open until its follow-up is recorded.
    func flag(_ mediation: MediationModel, risks: [EscalationRisk], note: String, expectedVersion: Int?, by account: AccountModel) async throws -> MediationModel {
        guard !risks.isEmpty else { throw AppError.invalid(field: "risks", code: "required", "请至少选择一项风险") }
        return try await services.transaction(on: db) { tx in
            try await step(mediation, nil, code: "flag", expectedVersion: expectedVersion, by: .account(account),
                           note: risks.map(\.chinese).joined(separator: "、") + (note.isEmpty ? "" : "：\(note)"), on: tx) {
                $0.escalation = risks.map(\.rawValue).joined(separator: ",")
                $0.escalationRaisedAt = now
                $0.escalationClosedAt = nil
                $0.escalationFollowUp = nil
            }
        }
    }

    func closeFlag(_ mediation: MediationModel, followUp: String, expectedVersion: Int?, by account: AccountModel) async throws -> MediationModel {
        guard mediation.escalationOpen else { throw AppError(status: .conflict, code: "noFlag", message: "这件调解没有待处理的风险预警") }
        let text = followUp.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw AppError.invalid(field: "followUp", code: "required", "请写明采取了哪些措施、风险是否已经化解") }
        return try await services.transaction(on: db) { tx in
            try await step(mediation, nil, code: "flagClosed", expectedVersion: expectedVersion, by: .account(account), note: text, on: tx) {
                $0.escalationClosedAt = now
                $0.escalationFollowUp = text
            }
        }
    }
}
