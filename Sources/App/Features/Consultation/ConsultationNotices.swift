import Fluent
import LegalAidCore
import Vapor
import DeskCore

/// Carries out what the rules say follows a step: the asker is told, in the app when they have
/// an account and by SMS when they left a number. Texts are the desk's templates
/// (`LegalAidCore/Consultation/ConsultationMessages.swift`).
enum ConsultationNotices {
    static func carryOut(_ effects: [ConsultationEffect], for consultation: ConsultationModel, linkBase: String, on tx: Database) async throws {
        for effect in effects {
            let topic = consultation.consultationTopic.chinese
            let notice: Notice
            switch effect {
            case .tellAskerOfCallback: notice = Notice(ConsultationCallback(topic: topic))
            case .tellAskerOfReply: notice = Notice(ConsultationReplied(topic: topic))
            case .askForRating:
                // A page conversation asks on the page; a call is asked by SMS with a link.
                guard consultation.consultationChannel == .hotline, let link = try await ratingLink(consultation, base: linkBase, on: tx) else { continue }
                notice = Notice(RatingRequest(link: link))
            }
            try await tell(consultation, notice, on: tx)
        }
    }

    /// The link a caller rates the call with: the conversation, opened by a key of its own
    /// (the caller has no account and no browser session with the desk). Only the key's hash is
    /// kept, and the key rides in the fragment: a browser never sends it, so no access log
    /// (ours, nginx's, a proxy's) holds it; the page posts it once for a session.
    static func ratingLink(_ consultation: ConsultationModel, base: String, on tx: Database) async throws -> String? {
        guard consultation.askerAccountID == nil, consultation.askerKeyHash == nil, consultation.phone != nil else { return nil }
        let key = TokenHash.newToken()
        consultation.askerKeyHash = TokenHash.of(key)
        try await consultation.save(on: tx)
        return base + SiteURL.consultationOpen(.value(consultation.id!)).path + "#key=" + key
    }

    static func tell(_ consultation: ConsultationModel, _ notice: Notice, on tx: Database) async throws {
        try await TellPerson.tell(notice, account: consultation.askerAccountID, phone: consultation.phone.flatMap(MobileNumber.parse), on: tx)
    }
}
