import Foundation

/// Where an application sits in the organisation tree, for access decisions.
public struct ApplicationScope: Hashable, Sendable {
    public var ownerAccountID: UUID?
    public var communityPointID: UUID?
    public var preReviewOrganisationID: UUID
    public var centreID: UUID
    /// A draft is still the applicant's (or the helping community point's) own.
    public var isDraft: Bool

    public init(ownerAccountID: UUID?, communityPointID: UUID?, preReviewOrganisationID: UUID, centreID: UUID, isDraft: Bool) {
        self.ownerAccountID = ownerAccountID
        self.isDraft = isDraft
        self.communityPointID = communityPointID
        self.preReviewOrganisationID = preReviewOrganisationID
        self.centreID = centreID
    }
}

/// Who may see an application: the one place that answers it (least privilege, DOMAIN §2).
///
/// - A citizen sees their own applications.
/// - Front-desk and pre-review staff see applications routed through their organisation's
///   subtree (a workstation sees its community points' applications, and only those).
/// - Centre staff see everything addressed to their centre.
/// - Supervisors are district-wide: they see everything under their bureau.
/// - Drafts are seen only by their citizen owner or the community point filling them in.
/// - Administrators manage the platform, not cases: they see no application.
public enum AccessPolicy {
    public static func canView(_ scope: ApplicationScope, actor: Actor, tree: OrganisationTree) -> Bool {
        if actor.has(.citizen) { return scope.ownerAccountID == actor.accountID }
        guard let org = actor.organisationID else { return false }
        if scope.isDraft {
            return actor.has(.communityStaff) && scope.ownerAccountID == nil && scope.communityPointID.map { tree.contains($0, within: org) } == true
        }
        if actor.roles.containsAny([.communityStaff, .workstationStaff, .liaisonStaff]) {
            let places = [scope.communityPointID, scope.preReviewOrganisationID].compactMap { $0 }
            if places.contains(where: { tree.contains($0, within: org) }) { return true }
        }
        if actor.roles.containsAny([.centreReviewer, .centreDirector]), tree.contains(scope.centreID, within: org) { return true }
        if actor.has(.supervisor), tree.contains(scope.centreID, within: org) { return true }
        return false
    }

    /// Acting needs the same reach as seeing; the workflow then checks the role.
    public static func canAct(_ scope: ApplicationScope, actor: Actor, tree: OrganisationTree) -> Bool {
        guard canView(scope, actor: actor, tree: tree) else { return false }
        return !actor.has(.supervisor) || actor.roles.roles.count > 1
    }
}

/// Who may see personal data whole (PIPL: only what the task needs). Everyone else who may
/// see the application sees ID and phone numbers masked.
public enum PersonalDataPolicy {
    public static let revealingRoles: Set<Role> = [.citizen, .communityStaff, .workstationStaff, .liaisonStaff, .centreReviewer, .centreDirector]

    public static func mayReveal(_ actor: Actor) -> Bool { actor.roles.containsAny(revealingRoles) }

    /// The form with identifying numbers masked (`110***********1234`, `138****5678`).
    public static func masked(_ form: ApplicationForm) -> ApplicationForm {
        var copy = form
        copy.applicant.idNumber = Masking.mask(form.applicant.idNumber, keepFirst: 3, keepLast: 4)
        copy.applicant.phone = Masking.mask(form.applicant.phone, keepFirst: 3, keepLast: 4)
        if var agent = copy.agent {
            agent.idNumber = Masking.mask(agent.idNumber, keepFirst: 3, keepLast: 4)
            agent.phone = Masking.mask(agent.phone, keepFirst: 3, keepLast: 4)
            copy.agent = agent
        }
        return copy
    }
}

/// Where a case sits and who works on it.
public struct CaseScope: Hashable, Sendable {
    public var centreID: UUID
    public var lawyerAccountID: UUID?
    public var firmID: UUID?
    public var applicantAccountID: UUID?

    public init(centreID: UUID, lawyerAccountID: UUID?, firmID: UUID?, applicantAccountID: UUID?) {
        self.centreID = centreID
        self.lawyerAccountID = lawyerAccountID
        self.firmID = firmID
        self.applicantAccountID = applicantAccountID
    }
}

extension AccessPolicy {
    /// The centre's staff and district supervisors; the assigned lawyer, or the firm's lawyers
    /// while the firm names one; the applicant.
    public static func canViewCase(_ scope: CaseScope, actor: Actor, tree: OrganisationTree) -> Bool {
        if actor.has(.citizen) { return scope.applicantAccountID == actor.accountID }
        if actor.has(.lawyer) {
            if scope.lawyerAccountID == actor.accountID { return true }
            if scope.lawyerAccountID == nil, let firm = scope.firmID, actor.organisationID == firm { return true }
        }
        guard let org = actor.organisationID else { return false }
        if actor.roles.containsAny([.centreReviewer, .centreDirector, .supervisor]) { return tree.contains(scope.centreID, within: org) }
        return false
    }
}

extension AccessPolicy {
    /// 法律援助法 第49条: objections go to the justice bureau above the centre; its supervisors decide.
    public static func canDecideObjection(centreID: UUID, actor: Actor, tree: OrganisationTree) -> Bool {
        guard actor.has(.supervisor), let org = actor.organisationID, tree[org]?.kind == .bureau else { return false }
        return tree.contains(centreID, within: org)
    }
}

/// `AccessPolicy.canView` as sets a database can filter by, so lists are narrowed and paged
/// in the query rather than row by row. `admits` must agree with `canView` for every scope
/// (tested across the demo tree).
public struct ApplicationReach: Hashable, Sendable {
    /// A citizen's own applications.
    public var owner: UUID?
    /// Submitted applications from these community points or pre-reviewed here.
    public var places: Set<UUID> = []
    /// Submitted applications addressed to these centres.
    public var centres: Set<UUID> = []
    /// Drafts the community point fills in on someone's behalf.
    public var draftPoints: Set<UUID> = []

    public var isEmpty: Bool { owner == nil && places.isEmpty && centres.isEmpty && draftPoints.isEmpty }

    public func admits(_ scope: ApplicationScope) -> Bool {
        if let owner { return scope.ownerAccountID == owner }
        if scope.isDraft {
            return scope.ownerAccountID == nil && scope.communityPointID.map(draftPoints.contains) == true
        }
        return scope.communityPointID.map(places.contains) == true || places.contains(scope.preReviewOrganisationID) || centres.contains(scope.centreID)
    }
}

/// `AccessPolicy.canViewCase` as sets, for the same reason.
public struct CaseReach: Hashable, Sendable {
    public var applicant: UUID?
    /// Cases this lawyer handles.
    public var lawyer: UUID?
    /// Cases assigned to this firm while it names the lawyer.
    public var nominatingFirm: UUID?
    public var centres: Set<UUID> = []

    public var isEmpty: Bool { applicant == nil && lawyer == nil && nominatingFirm == nil && centres.isEmpty }

    public func admits(_ scope: CaseScope) -> Bool {
        if let applicant { return scope.applicantAccountID == applicant }
        if let lawyer, scope.lawyerAccountID == lawyer { return true }
        if let firm = nominatingFirm, scope.lawyerAccountID == nil, scope.firmID == firm { return true }
        return centres.contains(scope.centreID)
    }
}

extension AccessPolicy {
    public static func applicationReach(of actor: Actor, tree: OrganisationTree) -> ApplicationReach {
        var reach = ApplicationReach()
        if actor.has(.citizen) {
            reach.owner = actor.accountID
            return reach
        }
        guard let org = actor.organisationID else { return reach }
        let subtree = tree.subtree(of: org)
        if actor.roles.containsAny([.communityStaff, .workstationStaff, .liaisonStaff]) { reach.places = subtree }
        if actor.roles.containsAny([.centreReviewer, .centreDirector, .supervisor]) { reach.centres = subtree }
        if actor.has(.communityStaff) { reach.draftPoints = subtree }
        return reach
    }

    public static func caseReach(of actor: Actor, tree: OrganisationTree) -> CaseReach {
        var reach = CaseReach()
        if actor.has(.citizen) {
            reach.applicant = actor.accountID
            return reach
        }
        if actor.has(.lawyer) {
            reach.lawyer = actor.accountID
            reach.nominatingFirm = actor.organisationID
        }
        if let org = actor.organisationID, actor.roles.containsAny([.centreReviewer, .centreDirector, .supervisor]) {
            // A case's centre is always a legal aid centre: naming only those keeps the list's
            // filter to one index range per centre instead of every street and point below.
            reach.centres = tree.subtree(of: org).filter { tree[$0]?.kind == .legalAidCenter }
        }
        return reach
    }
}
