import Fluent
import LegalAidCore
import SQLKit
import Vapor
import DeskCore

/// Logging a 12348 call or a window visit by hand.
extension ConsultationService {
    /// A call or a visit recorded by the staff member who took it (登记来电): stored already
    /// closed with its outcome, the question and the answer as its two messages.
    func logCall(_ input: CallLogInput, by account: AccountModel, desk: UUID) async throws -> ConsultationModel {
        guard let actor = account.actor, ConsultationWorkflow.servesDesk(actor) else { throw AppError.forbidden }
        let started = now.addingTimeInterval(-Double(input.minutes * 60))
        let record = ConsultationModel()
        record.id = UUID()
        record.channel = input.channel.rawValue
        record.topic = input.topic.rawValue
        record.state = ConsultationState.closed.rawValue
        record.version = 0
        record.deskID = desk
        record.askerName = input.name
        record.phone = input.phone?.value
        record.responsibleAccountID = account.id
        record.handledBy = [account.id!]
        record.queuedAt = started
        record.takenAt = started
        record.closedAt = now
        record.callbackAttempts = 0
        record.messageCount = 0
        record.outcome = input.outcome.code
        record.outcomeNote = input.note.isEmpty ? nil : input.note
        let draft: ApplicationModel? = if case .application = input.outcome, let point = input.communityPoint {
            try applications.newDraft(form: ApplicationPrefill.form(name: input.name, phone: input.phone?.value, topic: input.topic,
                                                                   askerSaid: [input.summary], staffNote: input.note),
                                      communityPointID: point, preReviewOrganisationID: nil, owner: nil, createdBy: account.id!,
                                      channel: "consultation", reference: try await services.referenceData(on: db))
        } else { nil }
        try await services.transaction(on: db) { tx in
            try await record.create(on: tx)
            try await Self.event(record, "logCall", from: "", actor: account, name: account.displayName,
                                 detail: "\(input.channel.chinese)，\(input.minutes)分钟，\(input.outcome.chinese)", at: self.now, on: tx)
            _ = try await Self.append(to: record.id!, author: .asker, account: nil, name: input.name, body: input.summary, at: started, on: tx)
            _ = try await Self.append(to: record.id!, author: .staff, account: account, name: account.displayName, body: input.answer, at: self.now, on: tx)
            if let draft { try await self.fileApplication(draft, from: record, by: account, on: tx) }
            if input.channel == .hotline {
                try await ConsultationNotices.carryOut([.askForRating], for: record, linkBase: self.services.settings.linkBase, on: tx)
            }
        }
        try await AuditLog.append(AuditRecord(account: account, event: "consultation.logCall", target: "consultation:\(record.id!)",
                                              clientAddress: clientAddress, detail: input.channel.chinese), at: now, on: db)
        await hub.publish(.changed(consultation: record.id!, desk: desk))
        return record
    }
}
