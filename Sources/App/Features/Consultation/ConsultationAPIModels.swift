import LegalAidCore
import Vapor

extension API {
    struct ConsultationRequest: Content {
        var channel: String?
        var topic: String?
        var question: String?
        var name: String?
        var phone: String?
        /// Anonymous askers: the code sent by `POST /consultations/phone-code` to `phone`.
        var phoneCode: String?
    }

    struct PhoneCodeRequest: Content {
        var phone: String?
    }

    struct PhoneCodeSent: Content {
        /// "尾号0003": where the code went.
        var sentTo: String
        var validForSeconds: Int
    }

    struct ConsultationCreated: Content {
        var consultation: ConsultationDetail
        /// Only for an anonymous asker: send it back as `X-Consultation-Key` to read and write.
        var askerKey: String?
    }

    struct ConsultationMessage: Content {
        var id: UUID
        var seq: Int
        /// `asker`, `staff` or `system`.
        var author: String
        var authorName: String
        var body: String
        var at: Date
        /// An image or PDF sent with the message.
        var file: ConsultationFile?
    }

    struct ConsultationFile: Content {
        var id: UUID
        var name: String
        /// `image/jpeg`, `image/png`, `image/gif`, `image/webp` or `application/pdf`, as checked from the content.
        var contentType: String
        var size: Int
        /// Where the file is fetched, with the same credentials as the conversation.
        var url: String
    }

    struct ConsultationSummary: Content {
        var id: UUID
        var channel: String
        var topic: String
        var topicLabel: String
        var state: String
        var stateLabel: String
        var askerName: String
        var responsibleID: UUID?
        var queuedAt: Date
        var escalationDue: Date?
        var replyDue: Date?
        var messageCount: Int
        var outcome: String?
        /// Set when the consultation was turned into a legal aid application (the number in a
        /// conversation's detail; the id lets its owner open the draft).
        var applicationID: UUID?
        var applicationNumber: String?
    }

    struct ConsultationDetail: Content {
        var summary: ConsultationSummary
        /// Messages after `after` (all when not given), oldest first.
        var messages: [ConsultationMessage]
        /// While waiting: place in the queue and what the asker is told.
        var queuePlace: Int?
        var queueText: String?
        var rating: Int?
        var canRate: Bool
        /// Staff only, while a call back is owed or to whoever holds it: the number to dial.
        var callbackPhone: String?
    }

    struct MessageRequest: Content {
        var body: String?
        /// The client's own id for the message: a resend with the same id is stored once.
        var clientId: UUID?
    }

    struct ConsultationStepRequest: Content {
        /// hand-over: the colleague's account id.
        var to: UUID?
        var note: String?
        /// close: `answered`, `application`, `referred.mediation|notary|appraisal`, `passedOn.12345|12315|12333|12338`.
        var outcome: String?
        var consent: Bool?
        /// Closing as an application: the person's community (村/社区联系点), whose workstation pre-reviews it.
        var communityPointID: UUID?
        /// reply: the written answer.
        var reply: String?
        /// callback: `reached`, `noAnswer`, `busy`, `unreachable`, `wrongNumber`.
        var result: String?
        var stars: Int?
        var comment: String?
    }

    struct DeskState: Content {
        var deskID: UUID
        var deskName: String
        var open: Bool
        var availability: String
        var onDuty: Bool
        var waiting: [ConsultationSummary]
        var mine: [ConsultationSummary]
        var callbacks: [ConsultationSummary]
        var questions: [ConsultationSummary]
        var staffOnDuty: [DutyEntry]
        var figures: DeskFiguresBody
    }

    /// The supervisor's figures (today, China time; ratings over the last 30 days).
    struct DeskFiguresBody: Content {
        var waiting: Int
        var longestWaitSeconds: Int?
        var liveDecidedToday: Int
        var answeredInTimeToday: Int
        /// Share of today's decided live requests taken within the escalation time (0…1).
        var answerRate: Double?
        var callbacksOwed: Int
        var callbackAttemptsToday: Int
        var questionsOpen: Int
        var repliesOverdue: Int
        var ratings: Int
        var averageRating: Double?
    }

    struct DutyEntry: Content {
        var accountID: UUID
        var name: String
        var openChats: Int
        var since: Date
    }

    /// A call or a visit recorded by hand. `channel`: `hotline` (default) or `window`;
    /// `outcome` as for closing a consultation; `minutes` 1–600; `phone` may be left out for a
    /// withheld number.
    struct CallLogRequest: Content {
        var channel: String?
        var phone: String?
        var name: String?
        var topic: String?
        var summary: String?
        var answer: String?
        var minutes: Int?
        var outcome: String?
        var note: String?
        var consent: Bool?
        /// Required when the outcome is `application`: the person's community point.
        var communityPointID: UUID?
    }

    struct DutyRequest: Content {
        var onDuty: Bool?
    }
}
