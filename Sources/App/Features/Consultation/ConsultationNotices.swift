import Fluent
import LegalAidCore
import Vapor

/// Carries out what the rules say follows a step: the asker is told, in the app when they have
/// an account and by SMS when they left a number. Texts come from the one catalogue.
enum ConsultationNotices {
    /// What the conversation itself shows when the three minutes run out.
    static let callbackText = "暂时没有值班人员接入您的咨询。12348公共法律服务热线将尽快拨打您留下的手机号回电，请留意接听；您也可以继续在此留言。"

    static func carryOut(_ effects: [ConsultationEffect], for consultation: ConsultationModel, on tx: Database) async throws {
        for effect in effects {
            let topic = consultation.consultationTopic.chinese
            let notice: Notice
            switch effect {
            case .tellAskerOfCallback: notice = Notice(.consultationCallback, ["topic": topic])
            case .tellAskerOfReply: notice = Notice(.consultationReplied, ["topic": topic])
            case .askForRating:
                // A page conversation asks on the page; a call is asked by SMS with a link.
                guard consultation.consultationChannel == .hotline else { continue }
                notice = Notice(.consultationRating, ["link": SiteURL.consultation(.value(consultation.id!)).path])
            }
            try await tell(consultation, notice, on: tx)
        }
    }

    static func tell(_ consultation: ConsultationModel, _ notice: Notice, on tx: Database) async throws {
        if let owner = consultation.askerAccountID, let title = notice.title, let body = notice.body {
            let message = MessageModel()
            message.accountID = owner
            message.title = title
            message.body = body
            try await message.create(on: tx)
        }
        if let phone = consultation.phone.flatMap(MobileNumber.parse) {
            try await SMSOutboxModel(notice, to: phone, applicationID: nil).create(on: tx)
        }
    }
}
