import Foundation
import LegalAidCore

/// One application in plain values, opened from its row once: what pages are built from, so
/// a page never holds a sealed database field and can be built from fixed values in a spec.
struct ApplicationRecord: Sendable {
    var id: UUID
    var number: String
    var version: Int
    var channel: String
    var applicationState: ApplicationState
    var scope: ApplicationScope
    var workflowCase: ApplicationCase
    var ownerAccountID: UUID?
    var communityPointID: UUID?
    var preReviewOrganisationID: UUID
    var centreID: UUID
    var applicantName: String
    var form: ApplicationForm
    var eligibility: EligibilityFinding?
    var possibleDuplicateOf: String?
}

extension ApplicationRecord {
    init(_ row: ApplicationModel) {
        self.init(id: row.id!, number: row.number, version: row.version, channel: row.channel, applicationState: row.applicationState,
                  scope: row.scope, workflowCase: row.workflowCase, ownerAccountID: row.ownerAccountID, communityPointID: row.communityPointID,
                  preReviewOrganisationID: row.preReviewOrganisationID, centreID: row.centreID, applicantName: row.applicantName,
                  form: row.form, eligibility: row.eligibility, possibleDuplicateOf: row.possibleDuplicateOf)
    }
}

/// One step in an application's record, its payload opened.
struct ApplicationEventRecord: Sendable {
    var seq: Int
    var at: Date
    var actorName: String
    var event: String
    var fromState: String
    var toState: String
    var reasonCode: String?
    var payload: [String: String]
}

extension ApplicationEventRecord {
    init(_ row: ApplicationEventModel) {
        self.init(seq: row.seq, at: row.at, actorName: row.actorName, event: row.event, fromState: row.fromState, toState: row.toState,
                  reasonCode: row.reasonCode, payload: row.payload)
    }
}

/// A file the applicant or staff attached, as listed on the application.
struct AttachmentRecord: Sendable {
    var id: UUID
    var originalName: String
    var contentType: String
    var size: Int
    var sha256: String
    var createdAt: Date?
}

extension AttachmentRecord {
    init(_ row: AttachmentModel) {
        self.init(id: row.id!, originalName: row.originalName, contentType: row.contentType, size: row.size, sha256: row.sha256, createdAt: row.createdAt)
    }
}

/// A formal document issued on the application (决定书, 通知书…), its content opened.
struct DocumentRecord: Sendable {
    var id: UUID
    var kind: String
    var number: String
    var issuedAt: Date
    var content: DocumentContent
}

extension DocumentRecord {
    init(_ row: DocumentModel) {
        self.init(id: row.id!, kind: row.kind, number: row.number, issuedAt: row.issuedAt, content: row.content)
    }
}
