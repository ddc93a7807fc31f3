import Fluent
import MediationCore
import SQLKit
import Vapor

extension MediationService {
    /// The committee that takes the dispute (CommitteeFinder), from the committees on record.
    func committee(for input: MediationInput, reference: ReferenceData) async throws -> UUID {
        let committees = try await MediationCommitteeModel.query(on: db).all().map(\.committee)
        func street(_ place: UUID?) -> UUID? { place.flatMap { reference.organisations[$0]?.parentID } }
        let places = CommitteeFinder.Places(applicant: (input.applicantPlace, street(input.applicantPlace)),
                                            respondent: (input.respondentPlace, street(input.respondentPlace)))
        guard let found = CommitteeFinder.find(input.type, places: places, among: committees) else {
            throw AppError.invalid(field: "respondentPlace", code: "noCommittee", "所选村（社区）暂未设立人民调解委员会，请拨打12348或到街道司法所申请")
        }
        return found.id
    }

    struct Started {
        var mediation: MediationModel
        /// The other side's link keys by party (shown once to staff who deliver in person).
        var links: [UUID: String]
    }

    /// Opens a mediation from any door. Unless every party applied together, the other side is
    /// asked by SMS (when a number is known) with the last day to answer; staff may also deliver
    /// the invitation in person.
    func start(_ input: MediationInput, by actor: AccountModel, applicantAccount: UUID?, reference: ReferenceData) async throws -> Started {
        let committeeID = try await committee(for: input, reference: reference)
        let committee = reference.organisations[committeeID]
        let today = self.today
        let state = MediationWorkflow.start(input.source, jointApplication: input.joint)
        let replyDue = Self.periods.replyDue(sentOn: today, calendar: reference.calendar)
        return try await services.transaction(on: db) { tx in
            let serial = try await Counters.next("mediation", year: today.year, on: tx)
            let mediation = MediationModel()
            mediation.id = UUID()
            mediation.number = "（\(today.year)）\(committee?.code ?? "调")调字第\(String(format: "%04d", serial))号"
            mediation.type = input.type.rawValue
            mediation.source = input.source.rawValue
            mediation.sourceRef = input.sourceRef
            mediation.state = state.rawValue
            mediation.version = 1
            mediation.committeeID = committeeID
            mediation.recusedText = ""
            mediation.applicantAccountID = applicantAccount
            mediation.facts = input.facts
            mediation.claims = input.claims
            mediation.language = input.language
            mediation.remindersSent = ""
            if state == .awaitingReply {
                mediation.replyDue = replyDue.iso
            } else {
                mediation.acceptedOn = today.iso
                mediation.dueOn = Self.periods.mediationDue(acceptedOn: today, extended: false, calendar: reference.calendar).iso
            }
            mediation.createdBy = actor.id
            mediation.createdAt = now
            mediation.updatedAt = now
            try await mediation.create(on: tx)
            let applicant = Self.party(input.applicant, side: .applicant, seq: 1, of: mediation.id!)
            applicant.accountID = applicantAccount
            try await applicant.create(on: tx)
            let respondent = Self.party(input.respondent, side: .respondent, seq: 2, of: mediation.id!)
            try await respondent.create(on: tx)
            try await MediationStepModel(mediation: mediation.id!, at: now, account: actor.id, actor: actor.displayName, event: "start",
                                         from: nil, to: state, note: input.source.chinese).create(on: tx)
            try await AuditLog.append(AuditRecord(account: actor, event: "mediation.start", target: "mediation:\(mediation.id!)",
                                                  clientAddress: clientAddress, detail: mediation.number), at: now, on: tx)
            var links: [UUID: String] = [:]
            if state == .awaitingReply {
                links[respondent.id!] = try await invite(respondent, of: mediation, due: replyDue, committee: committee?.name ?? "人民调解委员会", on: tx)
            }
            return Started(mediation: mediation, links: links)
        }
    }

    private static func party(_ input: MediationInput.Party, side: MediationPartyModel.Side, seq: Int, of mediation: UUID) -> MediationPartyModel {
        let party = MediationPartyModel()
        party.id = UUID()
        party.mediationID = mediation
        party.side = side.rawValue
        party.seq = seq
        party.organisation = input.organisation
        party.name = input.name
        party.phone = input.phone?.value
        party.address = input.address
        party.agent = input.agent
        return party
    }

    /// A fresh link key for the party (the old one stops working) and, when they have a number,
    /// the invitation by SMS. The key rides in the link's fragment: no access log ever holds it.
    func invite(_ party: MediationPartyModel, of mediation: MediationModel, due: LocalDate, committee: String, on tx: Database) async throws -> String {
        let key = TokenHash.newToken()
        party.keyHash = TokenHash.of(key)
        party.invitedAt = now
        let link = services.settings.linkBase + SiteURL.mediationOpen(.value(party.id!)).path + "#key=" + key
        if let phone = party.phone.flatMap(MobileNumber.parse) {
            let sms = SMSOutboxModel(Notice(MediationInvitation(committee: committee, number: mediation.number, due: due.chinese, link: link)),
                                     to: phone, applicationID: nil)
            try await sms.create(on: tx)
            party.invitationSMSID = sms.id
        }
        try await party.update(on: tx)
        return key
    }
}
