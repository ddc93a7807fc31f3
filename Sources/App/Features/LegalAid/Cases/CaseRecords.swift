import Foundation
import LegalAidCore

/// One legal aid case in plain values, as its pages show it.
struct CaseRecord: Sendable {
    var id: UUID
    var applicationID: UUID
    var centreID: UUID
    var version: Int
    var caseState: CaseState
    var caseOrigin: CaseOrigin
    var decidedOn: String
    var assignmentDue: String
    var lawyerAccountID: UUID?
    /// The law firm the centre assigned, while it has yet to name the lawyer.
    var firmID: UUID?
    var possibleLifeOrDeath: Bool?
    var notifyingAuthority: String?
    var paperworkDue: String?
    var paperworkDoneAt: Date?
    var mediationConsent: String?
    var mediationHow: String?
    var qualityReviewDue: String?
    var returnVisitDue: String?
}

extension CaseRecord {
    init(_ row: CaseModel) {
        self.init(id: row.id!, applicationID: row.applicationID, centreID: row.centreID, version: row.version, caseState: row.caseState,
                  caseOrigin: row.caseOrigin, decidedOn: row.decidedOn, assignmentDue: row.assignmentDue, lawyerAccountID: row.lawyerAccountID, firmID: row.firmID,
                  possibleLifeOrDeath: row.possibleLifeOrDeath, notifyingAuthority: row.notifyingAuthority, paperworkDue: row.paperworkDue,
                  paperworkDoneAt: row.paperworkDoneAt, mediationConsent: row.mediationConsent, mediationHow: row.mediationHow,
                  qualityReviewDue: row.qualityReviewDue, returnVisitDue: row.returnVisitDue)
    }

    var consent: CaseMediationFirst.Consent? { mediationConsent.flatMap(CaseMediationFirst.Consent.init(rawValue:)) }

    /// Who may see the case: its centre, its lawyer or firm, and the applicant.
    func scope(applicant app: ApplicationRecord) -> CaseScope {
        CaseScope(centreID: centreID, lawyerAccountID: lawyerAccountID, firmID: firmID, applicantAccountID: app.ownerAccountID)
    }
}

/// One step in a case's record, its payload opened.
struct CaseEventRecord: Sendable {
    var at: Date
    var actorName: String
    var event: String
    var payload: [String: String]
}

extension CaseEventRecord {
    init(_ row: CaseEventModel) {
        self.init(at: row.at, actorName: row.actorName, event: row.event, payload: row.payload)
    }
}

/// A progress note on a case, opened; shared with the applicant when `notifyApplicant`.
struct CaseProgressRecord: Sendable {
    var at: Date
    var authorName: String
    var progressKind: CaseProgressKind
    var note: String
    var notifyApplicant: Bool
}

extension CaseProgressRecord {
    init(_ row: CaseProgressModel) {
        self.init(at: row.at, authorName: row.authorName, progressKind: row.progressKind, note: row.note, notifyApplicant: row.notifyApplicant)
    }
}

/// One more person in a group matter (法律援助法 第39条 joint handling).
struct CaseMemberRecord: Sendable {
    var id: UUID
    var member: GroupMatter.Member
    var addedAt: Date
}

extension CaseMemberRecord {
    init(_ row: CaseMemberModel) {
        self.init(id: row.id!, member: row.member, addedAt: row.addedAt)
    }
}

/// 第49条: an objection as the application and case pages list it.
struct ObjectionRecord: Sendable {
    var id: UUID
    var objectionSubject: Objection.Subject
    var objectionState: Objection.State
    var receivedOn: String
    var dueOn: String
    var reason: String
    var explanation: String?
}

extension ObjectionRecord {
    init(_ row: ObjectionModel) {
        self.init(id: row.id!, objectionSubject: row.objectionSubject, objectionState: row.objectionState, receivedOn: row.receivedOn,
                  dueOn: row.dueOn, reason: row.reason, explanation: row.explanation)
    }
}

/// 第46条: a request to change the lawyer, as the case pages list it.
struct LawyerChangeRequestRecord: Sendable {
    var id: UUID
    var requestState: LawyerChangeRequest.State
    var reason: String
    var filedAt: Date
    var response: String?
    var decidedAt: Date?
}

extension LawyerChangeRequestRecord {
    init(_ row: LawyerChangeRequestModel) {
        self.init(id: row.id!, requestState: row.requestState, reason: row.reason, filedAt: row.filedAt, response: row.response, decidedAt: row.decidedAt)
    }
}
