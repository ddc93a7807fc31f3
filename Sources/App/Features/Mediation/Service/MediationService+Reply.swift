import Fluent
import MediationCore
import SQLKit
import Vapor

extension MediationService {
    /// The party a link key belongs to: a wrong or stale key finds nothing (and says nothing).
    func party(_ id: UUID, key: String) async throws -> MediationPartyModel {
        guard let party = try await MediationPartyModel.find(id, on: db), let hash = party.keyHash,
              ConstantTime.equal(hash, TokenHash.of(key)) else { throw AppError.notFound("调解") }
        return party
    }

    /// The first opening of the link is the proof the invitation reached them.
    func opened(_ party: MediationPartyModel) async throws {
        guard party.openedAt == nil else { return }
        try await services.transaction(on: db) { tx in
            party.openedAt = now
            try await party.update(on: tx)
            try await MediationStepModel(mediation: party.mediationID, at: now, account: nil, actor: party.name, event: "opened",
                                         from: nil, to: nil, note: nil).create(on: tx)
        }
    }

    /// The other side answers (第17条). Every respondent must accept before it is accepted; one
    /// refusal ends it, with the reason, and the applicant is told with the routes still open.
    func reply(_ party: MediationPartyModel, accepts: Bool, reason: String, expectedVersion: Int?, by actor: Actor) async throws -> MediationModel {
        let mediation = try await find(party.mediationID)
        guard party.partySide == .respondent else { throw AppError(status: .conflict, code: "notRespondent", message: "只有被申请人需要答复是否同意调解") }
        guard party.reply == nil else {
            throw AppError(status: .conflict, code: "alreadyReplied", message: "已经答复过了（\(party.reply == MediationPartyModel.Reply.accepted.rawValue ? "同意调解" : "不同意调解")），不能重复答复")
        }
        let all = try await parties(of: mediation.id!)
        let others = all.filter { $0.partySide == .respondent && $0.id != party.id }
        let everyoneAccepted = accepts && others.allSatisfy { $0.reply == MediationPartyModel.Reply.accepted.rawValue }
        let event: MediationEvent? = accepts ? (everyoneAccepted ? .otherSideAccepts : nil) : .otherSideRefuses(reason: reason)
        if mediation.mediationState != .awaitingReply { throw Self.refusal(.notAllowed(from: mediation.mediationState, event: "reply")) }
        let applicants = all.filter { $0.partySide == .applicant }
        let calendar = try await services.referenceData(on: db).calendar
        let today = self.today
        return try await services.transaction(on: db) { tx in
            let reasonText = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            let updated = try await step(mediation, event, code: accepts ? "accept" : "refuse", expectedVersion: expectedVersion, by: actor,
                                         note: accepts ? "\(party.name)同意调解" : "\(party.name)不同意调解：\(reasonText)", on: tx) { m in
                if accepts && everyoneAccepted {
                    m.acceptedOn = today.iso
                    m.dueOn = Self.periods.mediationDue(acceptedOn: today, extended: false, calendar: calendar).iso
                }
                if !accepts { m.endedReason = reasonText }
            }
            party.reply = (accepts ? MediationPartyModel.Reply.accepted : .refused).rawValue
            party.repliedAt = now
            if party.openedAt == nil, case .party = actor { party.openedAt = now }
            try await party.update(on: tx)
            if !accepts || everyoneAccepted {
                let outcome = accepts ? "对方已同意调解，调解委员会将安排调解员与您联系" : "对方不同意调解，调解终止。您还可以通过其他途径解决，详见平台"
                for applicant in applicants { try await tell(applicant, Notice(MediationAnswered(number: updated.number, outcome: outcome)), on: tx) }
            }
            return updated
        }
    }

    /// Staff handed the invitation over in person (送达): recorded as delivered.
    func deliveredInPerson(_ mediation: MediationModel, party: MediationPartyModel, by account: AccountModel) async throws {
        try await services.transaction(on: db) { tx in
            party.deliveredInPersonAt = now
            try await party.update(on: tx)
            try await step(mediation, nil, code: "delivered", expectedVersion: nil, by: .account(account), note: "当面送达\(party.name)", on: tx)
        }
    }

    /// A new link for the other side (a lost SMS, a changed number): the old key stops working.
    func reinvite(_ mediation: MediationModel, party: MediationPartyModel, by account: AccountModel, reference: ReferenceData) async throws -> String {
        guard mediation.mediationState == .awaitingReply, let due = mediation.replyDueDay else {
            throw Self.refusal(.notAllowed(from: mediation.mediationState, event: "invite"))
        }
        return try await services.transaction(on: db) { tx in
            let key = try await invite(party, of: mediation, due: due, committee: reference.organisations[mediation.committeeID]?.name ?? "人民调解委员会", on: tx)
            try await step(mediation, nil, code: "invite", expectedVersion: nil, by: .account(account), note: "重新发送邀请给\(party.name)", on: tx)
            return key
        }
    }

    /// A printed invitation (邀请通知书) for the other side, handed over or posted: a fresh key for
    /// its QR code (an SMS link sent before stops working), recorded as a step.
    func printedInvitation(_ mediation: MediationModel, party: MediationPartyModel, by account: AccountModel) async throws -> String {
        guard mediation.mediationState == .awaitingReply, party.partySide == .respondent, party.reply == nil else {
            throw Self.refusal(.notAllowed(from: mediation.mediationState, event: "notice"))
        }
        return try await services.transaction(on: db) { tx in
            let key = TokenHash.newToken()
            party.keyHash = TokenHash.of(key)
            if party.invitedAt == nil { party.invitedAt = now }
            try await party.update(on: tx)
            try await step(mediation, nil, code: "notice", expectedVersion: nil, by: .account(account), note: "打印给\(party.name)的邀请通知书", on: tx)
            return key
        }
    }

    /// Silence past the last day to answer ends it (run by the mediation round): each one in its
    /// own transaction, the applicant told.
    func lapseUnanswered() async throws -> Int {
        let due = try await MediationModel.query(on: db).filter(\.$state == MediationState.awaitingReply.rawValue)
            .filter(\.$replyDue < today.iso).limit(200).all()
        var count = 0
        for mediation in due {
            let applicants = try await parties(of: mediation.id!).filter { $0.partySide == .applicant }
            do {
                try await services.transaction(on: db) { tx in
                    let updated = try await step(mediation, .replyDeadlinePassed, code: "lapse", expectedVersion: nil, by: .system, note: "对方逾期未答复", on: tx) {
                        $0.endedReason = "对方在\(mediation.replyDueDay?.chinese ?? "答复期限")前未答复"
                    }
                    for applicant in applicants {
                        try await tell(applicant, Notice(MediationAnswered(number: updated.number, outcome: "对方逾期未答复，调解终止。您还可以通过其他途径解决，详见平台")), on: tx)
                    }
                }
                count += 1
            } catch let error as AppError where error.code == "staleVersion" {
                continue
            }
        }
        return count
    }
}
