import Foundation

/// What follows a step of an application or of its case beside the state change: the documents
/// the centre issues and what the applicant is told. The rule lives here, once, as data; the
/// app's one interpreter for legal aid carries it out in the step's transaction.
public struct FollowOn: Hashable, Sendable {
    public var documents: [DocumentKind]
    public var notice: Notice?

    public init(documents: [DocumentKind] = [], notice: Notice? = nil) {
        self.documents = documents
        self.notice = notice
    }
}

extension CaseTransition {
    /// 第43条 (assignment: notice to the applicant, letter to the court or authority), 第48条
    /// (termination decision), transfer with its letter, and the applicant told of each; the
    /// other steps are internal to the centre.
    public func followOn(applicationNumber number: String) -> FollowOn {
        switch event {
        case .assignLawyer, .nominateLawyer, .changeLawyer, .assignCentreStaff:
            FollowOn(documents: [.assignmentNotice, .officialLetter],
                         notice: Notice(LawyerAssigned(number: number, lawyer: payload["lawyer"] ?? "")))
        case .terminate:
            FollowOn(documents: [.terminationDecision], notice: Notice(AidTerminated(number: number)))
        case .transfer:
            FollowOn(documents: [.transferLetter], notice: Notice(CaseTransferred(number: number, centre: payload["toCentre"] ?? "")))
        case .close:
            FollowOn(notice: Notice(CaseClosed(number: number)))
        case .assignFirm, .fileClosingReport, .returnClosingReport, .reviewQuality, .recordReturnVisit, .reinstate:
            FollowOn()
        }
    }
}

extension Transition {
    /// An application step's documents (the workflow names them) and the applicant's notice.
    /// - Parameter aidAlreadyGiven: aid was given first and a lawyer assigned (先行提供, 第44条).
    public func followOn(applicationNumber number: String, aidAlreadyGiven: Bool = false) -> FollowOn {
        FollowOn(documents: documents, notice: ApplicantNotice.forTransition(self, applicationNumber: number, aidAlreadyGiven: aidAlreadyGiven))
    }
}
