import Foundation

/// The legal aid application workflow as one pure function:
/// `(case, event, actor, now) → Result<Transition, WorkflowError>`.
///
/// Whether the actor's organisation may touch this application at all is `AccessPolicy`'s
/// question, asked before this one; here we check the state, the role and the event's data.
public enum Workflow {
    /// 法律援助法 第43条: decide within 7 days of receiving the application.
    public static let decisionPeriodDays = 7

    public static func apply(_ event: ApplicationEvent, to current: ApplicationCase, by actor: Actor, at now: Date) -> Result<Transition, WorkflowError> {
        let kind = event.kind
        let from = current.state
        guard let rule = rules[kind], rule.from.contains(from) else {
            return .failure(.illegalTransition(from: from, event: kind))
        }
        let permitted = rule.roles(from)
        guard actor.roles.containsAny(permitted) else { return .failure(.roleNotPermitted(event: kind)) }
        if actor.has(.citizen), let owner = current.ownerAccountID, owner != actor.accountID { return .failure(.notOwner) }
        if actor.has(.citizen), current.ownerAccountID == nil { return .failure(.notOwner) }

        var transition = Transition(from: from, to: from, event: kind, actorID: actor.accountID, at: now)
        let today = LocalDate(now)
        switch event {
        case .submit:
            transition.to = .submitted
            transition.documents = [.applicationForm]

        case .requestMaterials(let request):
            let items = request.items.map(\.trimmed).filter { !$0.isEmpty }
            guard !items.isEmpty else { return .failure(.missingField(field: "items", message: "请逐项列明需要补充的全部材料（一次性告知）")) }
            guard request.supplyBy > today else { return .failure(.supplyDateNotInFuture) }
            transition.to = from == .submitted ? .preReviewMaterialsRequested : .centreMaterialsRequested
            transition.payload = ["items": items.joined(separator: "\n"), "supplyBy": request.supplyBy.iso]
            transition.clock = .pause(supplyBy: request.supplyBy)
            transition.documents = [.materialsNotice]

        case .supplyMaterials(let note):
            transition.to = from == .preReviewMaterialsRequested ? .submitted : .underReview
            transition.payload = ["note": note.trimmed]
            transition.clock = .resume

        case let .preReject(reason, referral):
            guard !reason.trimmed.isEmpty else { return .failure(.missingField(field: "reason", message: "请填写初审不通过的理由")) }
            guard !referral.trimmed.isEmpty else { return .failure(.missingField(field: "referral", message: "请告知申请人可以寻求帮助的其他途径")) }
            transition.to = .preRejected
            transition.payload = ["reason": reason.trimmed, "referral": referral.trimmed]
            transition.clock = .stop
            transition.documents = [.preRejectionNotice]

        case .preApprove(let opinion):
            guard !opinion.trimmed.isEmpty else { return .failure(.missingField(field: "opinion", message: "请填写初审意见")) }
            transition.to = .forwarded
            transition.payload = ["opinion": opinion.trimmed]
            transition.clock = .startDecisionClock
            transition.documents = [.preReviewApproval, .acceptanceNotice]

        case .accept:
            transition.to = .underReview

        case .fileReview(let review):
            guard !review.opinion.trimmed.isEmpty else { return .failure(.missingField(field: "opinion", message: "请填写审查意见")) }
            // Staff may depart from the rules' finding, but only with a recorded reason.
            let contrary = (current.eligibility == .eligible && !review.recommendApproval) || (current.eligibility == .ineligible && review.recommendApproval)
            let override = review.eligibilityOverride?.trimmed ?? ""
            if (review.eligibilityOverride != nil || contrary) && override.isEmpty {
                return .failure(.missingField(field: "eligibilityOverride", message: "审查意见与系统条件判断不一致，请写明不采纳的理由"))
            }
            transition.to = .awaitingDecision
            transition.reasonCode = review.recommendApproval ? "recommendApproval" : "recommendDenial"
            transition.payload = ["opinion": review.opinion.trimmed]
            if !override.isEmpty { transition.payload["eligibilityOverride"] = override }

        case .approve(let note):
            transition.to = .approved
            transition.payload = ["note": note.trimmed]
            transition.clock = .stop
            transition.documents = [.grantDecision]

        case .deny(let reasons):
            // 法律援助法 第43条: a denial states its reasons in writing.
            guard !reasons.trimmed.isEmpty else { return .failure(.missingField(field: "reasons", message: "不予法律援助必须写明理由")) }
            transition.to = .denied
            transition.payload = ["reasons": reasons.trimmed]
            transition.clock = .stop
            transition.documents = [.denialDecision]

        case .returnForReview(let reason):
            guard !reason.trimmed.isEmpty else { return .failure(.missingField(field: "reason", message: "请写明退回重新审查的理由")) }
            transition.to = .underReview
            transition.payload = ["reason": reason.trimmed]

        case .withdraw(let reason):
            transition.to = .withdrawn
            transition.payload = ["reason": reason.trimmed]
            transition.clock = .stop

        case .deemWithdrawn:
            // 法律援助法 第43条: materials not supplied as asked ⇒ deemed withdrawn, only once the period is over.
            if let supplyBy = current.supplyBy, today <= supplyBy { return .failure(.materialsPeriodNotOver(supplyBy: supplyBy)) }
            transition.to = .deemedWithdrawn
            transition.clock = .stop

        case .reopenAfterObjection(let order):
            // 第49条: the centre must correct its denial: it reviews the application afresh, on a new 7-day clock.
            guard !order.trimmed.isEmpty else { return .failure(.missingField(field: "explanation", message: "请写明责令改正的理由")) }
            transition.to = .underReview
            transition.payload = ["order": order.trimmed]
            transition.clock = .startDecisionClock
        }
        return .success(transition)
    }

    /// Which events are possible in a state for this actor: drives the buttons on a page.
    public static func availableEvents(in state: ApplicationState, for actor: Actor) -> [ApplicationEventKind] {
        ApplicationEventKind.allCases.filter { kind in
            guard let rule = rules[kind], rule.from.contains(state) else { return false }
            return actor.roles.containsAny(rule.roles(state))
        }
    }

    struct Rule: Sendable {
        var from: Set<ApplicationState>
        var roles: @Sendable (ApplicationState) -> Set<Role>
    }

    static let preReviewers: Set<Role> = [.workstationStaff, .liaisonStaff]
    /// Staff who deal with the applicant face to face and may act on their word.
    static let frontDesk: Set<Role> = [.communityStaff, .workstationStaff, .liaisonStaff]
    static let beforeDecision: Set<ApplicationState> = [
        .submitted, .preReviewMaterialsRequested, .forwarded, .underReview, .centreMaterialsRequested, .awaitingDecision,
    ]

    static let rules: [ApplicationEventKind: Rule] = [
        .submit: Rule(from: [.draft]) { _ in frontDesk.union([.citizen]) },
        .requestMaterials: Rule(from: [.submitted, .underReview]) { state in
            state == .submitted ? preReviewers : [.centreReviewer]
        },
        .supplyMaterials: Rule(from: [.preReviewMaterialsRequested, .centreMaterialsRequested]) { state in
            state == .preReviewMaterialsRequested ? frontDesk.union([.citizen]) : frontDesk.union([.citizen, .centreReviewer])
        },
        .preReject: Rule(from: [.submitted]) { _ in preReviewers },
        .preApprove: Rule(from: [.submitted]) { _ in preReviewers },
        .accept: Rule(from: [.forwarded]) { _ in [.centreReviewer] },
        .fileReview: Rule(from: [.underReview]) { _ in [.centreReviewer] },
        .approve: Rule(from: [.awaitingDecision]) { _ in [.centreDirector] },
        .deny: Rule(from: [.awaitingDecision]) { _ in [.centreDirector] },
        .returnForReview: Rule(from: [.awaitingDecision]) { _ in [.centreDirector] },
        .withdraw: Rule(from: beforeDecision) { _ in frontDesk.union([.citizen, .centreReviewer]) },
        .reopenAfterObjection: Rule(from: [.denied]) { _ in [.supervisor] },
        .deemWithdrawn: Rule(from: [.preReviewMaterialsRequested, .centreMaterialsRequested]) { state in
            state == .preReviewMaterialsRequested ? preReviewers : [.centreReviewer]
        },
    ]
}
