import Foundation

/// What follows a case step beside the state change: the documents the centre issues and what
/// the applicant is told. The rule lives here, once; the app's interpreter only carries it out.
public struct CaseFollowOn: Hashable, Sendable {
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
    public func followOn(applicationNumber number: String) -> CaseFollowOn {
        switch event {
        case .assignLawyer, .nominateLawyer, .changeLawyer, .assignCentreStaff:
            CaseFollowOn(documents: [.assignmentNotice, .officialLetter],
                         notice: Notice(LawyerAssigned(number: number, lawyer: payload["lawyer"] ?? "")))
        case .terminate:
            CaseFollowOn(documents: [.terminationDecision], notice: Notice(AidTerminated(number: number)))
        case .transfer:
            CaseFollowOn(documents: [.transferLetter], notice: Notice(CaseTransferred(number: number, centre: payload["toCentre"] ?? "")))
        case .close:
            CaseFollowOn(notice: Notice(CaseClosed(number: number)))
        case .assignFirm, .fileClosingReport, .returnClosingReport, .reviewQuality, .recordReturnVisit, .reinstate:
            CaseFollowOn()
        }
    }
}
