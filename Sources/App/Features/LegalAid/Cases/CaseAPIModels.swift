import LegalAidCore
import Vapor

/// JSON shapes of the case API (documented in `/openapi.yaml`).
extension API {
    struct CaseSummary: Content {
        var id: UUID
        var applicationID: UUID
        var number: String
        var state: String
        var stateLabel: String
        var origin: String
        var applicantName: String
        var lawyerID: UUID?
        var assignmentDue: String
        var version: Int
    }

    struct CaseEventEntry: Content {
        var seq: Int
        var at: Date
        var type: String
        var from: String
        var to: String
        var actorName: String
        var payload: [String: String]?
    }

    struct ProgressEntry: Content {
        var at: Date
        var kind: String
        var note: String
        var notifiedApplicant: Bool
    }

    struct CaseDetail: Content {
        var summary: CaseSummary
        var firmID: UUID?
        var possibleLifeOrDeath: Bool
        var notifyingAuthority: String?
        var paperworkDue: String?
        var paperworkDone: Bool
        var mediationConsent: String?
        var qualityReviewDue: String?
        var returnVisitDue: String?
        var headcount: Int
        var pendingChangeRequest: Bool
        var events: [CaseEventEntry]
        var progress: [ProgressEntry]
    }

    struct CaseEventRequest: Content {
        var type: String?
        var version: Int?
        var lawyerID: String?
        var firmID: String?
        var possibleLifeOrDeath: Bool?
        var reason: String?
        var outcome: String?
        var grade: String?
        var remarks: String?
        var satisfaction: Int?
        var comments: String?
        var ground: String?
        var explanation: String?
        var toCentre: String?
        var staffID: String?

        var actionInput: CaseActionInput {
            CaseActionInput(version: version, lawyerID: lawyerID, firmID: firmID, possibleLifeOrDeath: possibleLifeOrDeath == true ? "true" : nil,
                            reason: reason, outcome: outcome, grade: grade, remarks: remarks, satisfaction: satisfaction.map(String.init),
                            comments: comments, ground: ground, explanation: explanation, toCentre: toCentre, staffID: staffID)
        }
    }

    struct ProgressRequest: Content {
        var kind: String?
        var note: String?
        var notifyApplicant: Bool?
    }

    struct ReasonRequest: Content {
        var reason: String?
    }

    struct ResponseRequest: Content {
        var response: String?
    }

    struct MediationRequest: Content {
        var consent: String?
        var how: String?
    }

    struct MembersRequest: Content {
        /// One member per line: `姓名，手机号` (phone optional).
        var members: String?
    }

    struct UrgentAidRequest: Content {
        var daysToDeadline: Int?
        var urgentPreservation: Bool?
        var reason: String?
    }

    struct NotificationRequest: Content {
        var authority: String?
        var authorityName: String?
        var personName: String?
        var charge: String?
        /// `YYYY-MM-DD`, China time.
        var receivedOn: String?
        var possibleLifeOrDeath: Bool?
        var detained: Bool?
    }

    struct DetainedRequestInput: Content {
        var placeName: String?
        var personName: String?
        var charge: String?
        var note: String?
        /// When the detention place received it (ISO 8601).
        var receivedAt: Date?
    }

    struct DetainedRequest: Content {
        var id: UUID
        var placeName: String
        var personName: String
        var receivedAt: Date
        var forwardDue: Date
        var forwardedAt: Date?
        var applicationID: UUID?
    }

    struct Objection: Content {
        var id: UUID
        var applicationID: UUID
        var number: String
        var subject: String
        var state: String
        var stateLabel: String
        var receivedOn: String
        var dueOn: String
        var explanation: String?
    }

    struct ObjectionDecisionRequest: Content {
        var outcome: String?
        var explanation: String?
    }

    struct Deadline: Content {
        var kind: String
        var label: String
        var description: String
        var due: Date
        var overdue: Bool
        var dueToday: Bool
        var responsible: Bool
        var link: String
    }
}
