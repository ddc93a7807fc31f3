import LegalAidCore
import Vapor

/// The legal-aid feature's JSON shapes (documented in `/openapi.yaml`).
extension API {
    struct Place: Content {
        var id: UUID
        var name: String
        var kind: String
        var parentID: UUID?
        var hours: String
    }

    struct DraftRequest: Content {
        var communityPointID: UUID?
        var preReviewOrganisationID: UUID?
        var version: Int?
        var form: ApplicationForm
    }

    /// An event request: `type` is an `ApplicationEventKind`; the other fields as that event needs.
    struct EventRequest: Content {
        var type: String
        var version: Int?
        var items: [String]?
        var supplyBy: String?
        var note: String?
        var reason: String?
        var referral: String?
        var opinion: String?
        var recommendation: String?
        var eligibilityOverride: String?
        var reasons: String?

        var actionInput: ApplicationController.ActionInput {
            ApplicationController.ActionInput(version: version, items: items?.joined(separator: "\n"), supplyBy: supplyBy, note: note, reason: reason,
                                              referral: referral, opinion: opinion, recommendation: recommendation,
                                              eligibilityOverride: eligibilityOverride, reasons: reasons)
        }
    }

    struct Event: Content {
        var seq: Int
        var at: Date
        var type: String
        var label: String
        var from: String
        var to: String
        var actorName: String?
        var reasonCode: String?
        var payload: [String: String]?
    }

    struct DocumentSummary: Content {
        var id: UUID
        var kind: String
        var title: String
        var number: String
        var issuedAt: Date
    }

    struct Attachment: Content {
        var id: UUID
        var name: String
        var contentType: String
        var size: Int
        var sha256: String
    }

    struct Summary: Content {
        var id: UUID
        var number: String
        var state: String
        var stateLabel: String
        var applicantName: String
        var matterType: String?
        var decisionDue: String?
        var overdue: Bool
        var decisionClock: DecisionClock?
    }

    /// The centre's 7-day decision clock (法律援助法 第43条). While materials are awaited it is
    /// stopped: no due date is given, only since when and the days left once it restarts.
    struct DecisionClock: Content {
        var running: Bool
        var lastDay: String?
        var daysLeft: Int?
        var overdue: Bool
        var pausedSince: String?
        var daysLeftWhenResumed: Int?

        init?(_ reading: ClockReading?) {
            guard let reading else { return nil }
            switch reading {
            case let .running(last, left, overdue):
                (running, lastDay, daysLeft, self.overdue, pausedSince, daysLeftWhenResumed) = (true, last.iso, left, overdue, nil, nil)
            case let .paused(since, unused):
                (running, lastDay, daysLeft, overdue, pausedSince, daysLeftWhenResumed) = (false, nil, nil, false, since.iso, unused)
            }
        }
    }

    struct Application: Content {
        var id: UUID
        var number: String
        var state: String
        var stateLabel: String
        var nextStep: String
        var version: Int
        var channel: String
        var communityPointID: UUID?
        var preReviewOrganisationID: UUID
        var centreID: UUID
        var form: ApplicationForm
        var eligibility: EligibilityFinding?
        /// The last day while the clock runs; null while it is stopped (see `decisionClock`).
        var decisionDue: String?
        var decisionClock: DecisionClock?
        var supplyBy: String?
        var availableEvents: [String]
        var events: [Event]
        var documents: [DocumentSummary]
        var attachments: [Attachment]
    }

    /// What the no-login status lookup returns: no personal data.
    struct Status: Content {
        var number: String
        var state: String
        var stateLabel: String
        var nextStep: String
        /// Once aid is granted: the case's state (e.g. `inProgress`) and its label.
        var caseState: String?
        var caseStateLabel: String?
        var decisionDue: String?
        var decisionClock: DecisionClock?
        var materialsRequested: [String]?
        var supplyBy: String?
        var events: [Event]
    }
}
