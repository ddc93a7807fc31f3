import Fluent
import LegalAidCore
import SQLKit
import Vapor

/// The use cases of a legal aid application: find (with access checked), create and edit a
/// draft, and apply a workflow event with everything that follows from it, in one transaction.
struct ApplicationService: ScopedService {
    let scope: ServiceScope

    var now: Date { services.clock.now() }

    // MARK: Finding

    /// The application if this person may see it; otherwise "not found", so that other
    /// organisations' applications are not even known to exist.
    func find(_ id: UUID, for account: AccountModel, reference: ReferenceData) async throws -> ApplicationModel {
        guard let app = try await PlainRows.first(ApplicationModel.self, where: "id", equals: id, on: db) else { throw AppError.notFound("申请") }
        guard let actor = account.actor, AccessPolicy.canView(app.scope, actor: actor, tree: reference.tree) else {
            throw AppError.refused("申请", target: "application:\(app.number)")
        }
        return app
    }

    /// Everything this person may see, narrowed in the database by the access policy's reach
    /// (`AccessPolicy.applicationReach`, tested to agree with `canView`); nil when nothing is.
    func visibleQuery(to account: AccountModel, reference: ReferenceData) -> QueryBuilder<ApplicationModel>? {
        guard let actor = account.actor else { return nil }
        let reach = AccessPolicy.applicationReach(of: actor, tree: reference.tree)
        guard !reach.isEmpty else { return nil }
        return Self.restrict(ApplicationModel.query(on: db), to: reach)
    }

    /// Narrows any query over applications (or joined to them) to a reach.
    static func restrict<M: Model>(_ query: QueryBuilder<M>, to reach: ApplicationReach) -> QueryBuilder<M> {
        let A = ApplicationModel.self
        if let owner = reach.owner { return query.filter(A, \.$ownerAccountID == owner) }
        let draft = ApplicationState.draft.rawValue
        return query.group(.or) { either in
            if !reach.places.isEmpty || !reach.centres.isEmpty {
                either.group(.and) { submitted in
                    submitted.filter(A, \.$state != draft)
                    submitted.group(.or) { place in
                        if !reach.places.isEmpty {
                            place.filter(A, \.$communityPointID ~~ reach.places.map(Optional.some))
                            place.filter(A, \.$preReviewOrganisationID ~~ Array(reach.places))
                        }
                        if !reach.centres.isEmpty { place.filter(A, \.$centreID ~~ Array(reach.centres)) }
                    }
                }
            }
            if !reach.draftPoints.isEmpty {
                either.group(.and) { drafts in
                    drafts.filter(A, \.$state == draft).filter(A, \.$ownerAccountID == nil)
                    drafts.filter(A, \.$communityPointID ~~ reach.draftPoints.map(Optional.some))
                }
            }
        }
    }

    /// One page of what this person may see, most recently changed first.
    func visible(to account: AccountModel, reference: ReferenceData, page: ListPage,
                 narrow: (QueryBuilder<ApplicationModel>) -> Void = { _ in }) async throws -> Paged<ApplicationModel> {
        guard let query = visibleQuery(to: account, reference: reference) else { return Paged(items: [], page: page, total: 0) }
        narrow(query)
        return try await query.sort(\.$updatedAt, .descending).sort(\.$number, .descending).paged(page)
    }

    // MARK: Drafts

    /// Starts an application. A citizen names their community; community-point staff file
    /// it for their own point (《法援在线初审案件申请表》 on the applicant's behalf).
    func createDraft(form: ApplicationForm, communityPointID: UUID?, preReviewOrganisationID: UUID?, by account: AccountModel,
                     reference: ReferenceData, uploads: StagedUploads = .none) async throws -> ApplicationModel {
        let errors = form.validateForDraft()
        guard errors.isEmpty else { throw AppError.invalid(errors) }
        guard let actor = account.actor else { throw AppError.forbidden }
        let point: UUID
        if actor.has(.citizen) {
            guard let chosen = communityPointID else {
                throw AppError.invalid(field: "communityPointID", code: "required", "请选择您所在的社区")
            }
            point = chosen
        } else if actor.has(.communityStaff), let org = actor.organisationID {
            point = org
        } else {
            throw AppError.forbidden
        }
        let app = try newDraft(form: form, communityPointID: point, preReviewOrganisationID: preReviewOrganisationID,
                               owner: actor.has(.citizen) ? actor.accountID : nil, createdBy: actor.accountID,
                               channel: actor.has(.citizen) ? "online" : "communityPoint", reference: reference)
        try await services.transaction(on: db) { tx in
            try await insertDraft(app, by: account, uploads: uploads, on: tx)
        }
        return app
    }

    /// A draft routed by its community point (to the point's workstation, or a chosen liaison
    /// centre, and on to the legal aid centre), not yet stored.
    func newDraft(form: ApplicationForm, communityPointID: UUID, preReviewOrganisationID: UUID?, owner: UUID?, createdBy: UUID,
                  channel: String, reference: ReferenceData) throws -> ApplicationModel {
        let route = try route(communityPointID: communityPointID, preReviewOrganisationID: preReviewOrganisationID, reference: reference)
        let app = ApplicationModel()
        app.id = UUID()
        app.state = ApplicationState.draft.rawValue
        app.version = 0
        app.channel = channel
        app.ownerAccountID = owner
        app.createdByAccountID = createdBy
        app.communityPointID = communityPointID
        app.preReviewOrganisationID = route.preReview
        app.centreID = route.centre
        app.pauses = []
        fill(app, with: form)
        return app
    }

    /// Numbers and stores a new draft with its staged files, audited, inside the caller's transaction.
    func insertDraft(_ app: ApplicationModel, by account: AccountModel, uploads: StagedUploads = .none, on tx: Database) async throws {
        try await Self.assignNumber(app, now: now, on: tx)
        try await app.create(on: tx)
        _ = try await uploads.record(for: app.id!, by: account.id!, on: tx)
        try await AuditLog.append(AuditRecord(account: account, event: "application.create", target: "application:\(app.number)",
                                              clientAddress: clientAddress), at: now, on: tx)
    }

    func updateDraft(_ app: ApplicationModel, form: ApplicationForm, communityPointID: UUID?, preReviewOrganisationID: UUID?,
                     expectedVersion: Int?, by account: AccountModel, reference: ReferenceData, uploads: StagedUploads = .none) async throws {
        guard app.applicationState == .draft else {
            throw AppError(status: .conflict, code: "notDraft", message: "申请已提交，不能再修改。如需更正，请联系初审工作人员")
        }
        let errors = form.validateForDraft()
        guard errors.isEmpty else { throw AppError.invalid(errors) }
        if let expectedVersion, expectedVersion != app.version { throw AppError(WorkflowError.changedConcurrently) }
        if account.isCitizen, let point = communityPointID {
            let route = try route(communityPointID: point, preReviewOrganisationID: preReviewOrganisationID, reference: reference)
            app.communityPointID = point
            app.preReviewOrganisationID = route.preReview
            app.centreID = route.centre
        }
        fill(app, with: form)
        try await services.transaction(on: db) { tx in
            try await bumpVersion(app, on: tx)
            try await app.save(on: tx)
            _ = try await uploads.record(for: app.id!, by: account.id!, on: tx)
        }
    }

    /// Evidence added to an open application: the files and their rows land together.
    func addEvidence(_ uploads: StagedUploads, to app: ApplicationModel, by account: AccountModel) async throws -> [AttachmentModel] {
        try await services.transaction(on: db) { tx in
            try await uploads.record(for: app.id!, by: account.id!, on: tx)
        }
    }

    private func fill(_ app: ApplicationModel, with form: ApplicationForm) {
        app.form = form
        app.applicantName = form.applicant.name.trimmingCharacters(in: .whitespaces)
        app.phoneLast4 = MobileNumber.parse(form.contactPhone)?.lastFour ?? ""
    }

    /// Community point → its workstation (or a chosen liaison centre) → the legal aid centre.
    private func route(communityPointID: UUID, preReviewOrganisationID: UUID?, reference: ReferenceData) throws -> (preReview: UUID, centre: UUID) {
        guard let point = reference.tree[communityPointID], point.kind == .communityPoint else {
            throw AppError.invalid(field: "communityPointID", code: "invalidChoice", "请从列表中选择所在社区")
        }
        var preReview = reference.tree.preReviewOrganisation(forCommunityPoint: communityPointID)
        if let chosen = preReviewOrganisationID {
            guard let liaison = reference.tree[chosen], liaison.kind == .departmentLiaison else {
                throw AppError.invalid(field: "preReviewOrganisationID", code: "invalidChoice", "请从列表中选择初审机构")
            }
            preReview = liaison
        }
        guard let preReview, let centre = reference.tree.nearest(.legalAidCenter, from: preReview.id) else {
            throw AppError(status: .internalServerError, code: "routing", message: "该社区尚未关联法律援助工作站，请拨打12348")
        }
        return (preReview.id, centre.id)
    }

    // MARK: Workflow

    /// Applies one event: checks access and the workflow, then in one transaction bumps the
    /// version (refusing if someone else got there first), records the event, issues the
    /// documents and queues the applicant's message and SMS.
    @discardableResult
    func perform(_ event: ApplicationEvent, on id: UUID, expectedVersion: Int?, by account: AccountModel) async throws -> (ApplicationModel, Transition) {
        let reference = try await services.referenceData(on: db)
        return try await services.transaction(on: db) { tx in
            try await perform(event, on: id, expectedVersion: expectedVersion, by: account, reference: reference, inside: tx)
        }
    }

    /// The same, inside a transaction the caller holds (the bureau's objection decision reopens
    /// a denial in the same transaction as it records the decision).
    func perform(_ event: ApplicationEvent, on id: UUID, expectedVersion: Int?, by account: AccountModel, reference: ReferenceData,
                 inside tx: Database) async throws -> (ApplicationModel, Transition) {
        let moment = now
        guard let app = try await ApplicationModel.find(id, on: tx) else { throw AppError.notFound("申请") }
        guard let actor = account.actor, AccessPolicy.canView(app.scope, actor: actor, tree: reference.tree) else {
            throw AppError.refused("申请", target: "application:\(app.number)")
        }
        let bureauOrder = event.kind == .reopenAfterObjection && AccessPolicy.canDecideObjection(centreID: app.centreID, actor: actor, tree: reference.tree)
        guard AccessPolicy.canAct(app.scope, actor: actor, tree: reference.tree) || bureauOrder else { throw AppError.forbidden }
        if let expectedVersion, expectedVersion != app.version { throw WorkflowError.changedConcurrently }
        if event.kind == .submit {
            let errors = app.form.validateForSubmission()
            guard errors.isEmpty else { throw AppError.invalid(errors) }
        }
        let today = LocalDate(moment)
        // The rules are re-run on each step so the reviewer sees the standard in force today.
        app.eligibility = Eligibility.assess(app.form, region: reference.organisations[app.centreID]?.regionCode ?? "*",
                                             on: today, thresholds: services.thresholds)
        let transition = try Workflow.apply(event, to: app.workflowCase, by: actor, at: moment).get()
        app.absorb(app.workflowCase.applying(transition), calendar: reference.calendar, today: today)
        if transition.event == .submit {
            app.submittedAt = moment
            app.possibleDuplicateOf = try await earlierApplication(like: app, at: moment, on: tx)
        }
        if transition.to == .approved || transition.to == .denied { app.decidedAt = moment }
        let aidAlreadyGiven = try await settleUrgentCase(after: transition, on: app, by: account, reference: reference, on: tx)
        try await bumpVersion(app, on: tx)
        try await app.save(on: tx)
        try await record(transition, on: app, by: account, on: tx)
        try await FollowOnInterpreter(reference: reference).carryOut(transition.followOn(applicationNumber: app.number, aidAlreadyGiven: aidAlreadyGiven),
                                                                     for: app, payload: transition.payload, at: transition.at,
                                                                     fromPreReview: transition.from.isAtPreReview, on: tx)
        try await AuditLog.append(AuditRecord(account: account, event: "application.\(transition.event.rawValue)", target: "application:\(app.number)",
                                              clientAddress: clientAddress, detail: "\(transition.from.chinese) → \(transition.to.chinese)"),
                                  at: moment, on: tx)
        logger.info("application \(app.number) \(transition.from.rawValue) -> \(transition.to.rawValue) by \(actor.accountID)")
        return (app, transition)
    }

    /// A decision opens the case, unless aid was already given first (第44条): then approval
    /// completes the paperwork, and a denial ends the urgent aid with a termination decision.
    /// Answers whether aid had already been given.
    private func settleUrgentCase(after transition: Transition, on app: ApplicationModel, by account: AccountModel,
                                  reference: ReferenceData, on tx: Database) async throws -> Bool {
        guard transition.to == .approved || transition.to == .denied else { return false }
        let existing = try await CaseModel.query(on: tx).filter(\.$applicationID == app.id!).first()
        guard let urgent = existing else {
            if transition.to == .approved { try await CaseService.open(for: app, decidedAt: transition.at, calendar: reference.calendar, on: tx) }
            return false
        }
        urgent.paperworkDoneAt = transition.at
        try await urgent.save(on: tx)
        guard transition.to == .denied, !urgent.caseState.isTerminal, let actor = account.actor else { return true }
        let explanation = "先行提供法律援助后补办手续，经审查不符合法律援助条件：\(transition.payload["reasons"] ?? "")"
        let ending = try CaseWorkflow.apply(.terminate(.noLongerInHardship, explanation: explanation), in: urgent.caseState, by: actor, at: transition.at)
            .mapError { AppError(status: .conflict, code: "illegalTransition", message: $0.message) }.get()
        try await CaseService(scope: ServiceScope(db: tx, services: services, clientAddress: clientAddress))
            .commit(ending, record: urgent, app: app, by: account, reference: reference, on: tx)
        return true
    }

    /// An earlier submitted application by the same ID number about the same matter, within days.
    private func earlierApplication(like app: ApplicationModel, at moment: Date, on tx: Database) async throws -> String? {
        guard let index = app.idNumberIndex, let id = app.id else { return nil }
        let others = try await ApplicationModel.query(on: tx).filter(\.$idNumberIndex == index).filter(\.$id != id)
            .filter(\.$state != ApplicationState.draft.rawValue).filter(\.$submittedAt != nil).all()
        let earlier = others.compactMap { other in
            other.submittedAt.map { DuplicateApplication.Earlier(number: other.number, matter: other.form.matter.type, submittedAt: $0) }
        }
        return DuplicateApplication.likelyRepeatOf(matter: app.form.matter.type, submittedAt: moment, among: earlier)?.number
    }

    /// The public reference, e.g. `FY2026-000012`, counted per year whatever the channel.
    static func assignNumber(_ app: ApplicationModel, now: Date, on tx: Database) async throws {
        let year = LocalDate(now).year
        app.number = String(format: "FY%04d-%06d", year, try await Counters.next("application", year: year, on: tx))
    }

    /// Optimistic lock: only one writer can move a version forward.
    private func bumpVersion(_ app: ApplicationModel, on tx: Database) async throws {
        guard let id = app.id else { return }
        try await OptimisticLock.advance(ApplicationModel.schema, id: id, from: app.version, on: tx)
        app.version += 1
    }

    private func record(_ transition: Transition, on app: ApplicationModel, by account: AccountModel, on tx: Database) async throws {
        let event = ApplicationEventModel()
        event.applicationID = app.id!
        event.seq = app.version
        event.at = transition.at
        event.actorAccountID = transition.actorID
        event.actorName = account.displayName
        event.actorOrganisationID = account.organisationID
        event.fromState = transition.from.rawValue
        event.toState = transition.to.rawValue
        event.event = transition.event.rawValue
        event.reasonCode = transition.reasonCode
        event.payload = transition.payload
        do {
            try await event.create(on: tx)
        } catch let error as DatabaseError where error.isConstraintFailure {
            throw WorkflowError.changedConcurrently
        }
    }
}
