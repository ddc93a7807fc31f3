import Foundation
import MediationCore

/// One mediation for the committee: who, what, where it stands and against which period, the
/// other side's delivery proof, sessions and their records, the agreement and its signatures, the
/// record of every step — and the forms for what can be done next, only to its mediators.
struct MediationPage: PageView {
    struct Party: Sendable {
        var id: UUID
        var side: String
        var respondent: Bool
        var name: String
        var organisation: Bool
        var agent: String?
        var phone: String?
        var address: String?
        var delivery: [String]
        var reply: String?
        var rights: String?
        var hasPhone: Bool
        var canReply: Bool
    }
    struct Session: Sendable {
        var startsAt: Date
        var place: String
        var video: Bool
        var kind: String
        var attended: [String]
        var record: String
        var mediator: String
    }
    struct AgreementView: Sendable {
        var version: Int
        var facts: String
        var terms: String
        var oral: Bool
        var sealedAt: Date?
        var signatures: [String]
        var unsigned: [(id: UUID, name: String, mediator: Bool)]
        var effective: Bool
    }
    struct Step: Sendable {
        var at: Date
        var actor: String
        var what: String
        var note: String?
    }

    var id: UUID
    var number: String
    var version: Int
    var type: String
    var source: String
    var state: MediationState
    var committee: String
    var mediator: String?
    var isTheMediator: Bool
    var works: Bool
    var facts: String
    var claims: String
    var language: String?
    var createdAt: Date
    var due: String?
    var extensionReason: String?
    var canExtend: Bool
    var endedReason: String?
    var effective: String?
    var oral: Bool
    var confirmationDue: String?
    /// The days the parties are reminded of the confirmation window.
    var reminders: [String] = []
    var courtAnswer: String?
    var returnVisit: String?
    var performed: Bool?
    var escalation: [String]
    var escalationOpen: Bool
    var escalationFollowUp: String?
    var parties: [Party]
    var sessions: [Session]
    var agreement: AgreementView?
    var recommended: [(id: UUID, name: String, note: String)]
    var routes: [RoutesStillOpen.Route]
    var points: [(value: String, label: String)]
    var steps: [Step]
    var errors = FormErrors([])
}
