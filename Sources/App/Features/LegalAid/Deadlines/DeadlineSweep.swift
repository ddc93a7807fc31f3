import Fluent
import LegalAidCore
import SQLKit
import Vapor
import DeskCore

/// Gathers every running clock (DOMAIN §3) with the people responsible for it and their
/// supervisors, for the workbench and for the sweep.
struct DeadlineBoard {
    /// Working staff by role, for finding who is responsible for what (answers are remembered:
    /// thousands of clocks share a handful of organisations).
    final class Staff {
        let accounts: [AccountModel]
        private var known: [String: Set<UUID>] = [:]

        init(accounts: [AccountModel]) { self.accounts = accounts }

        func with(_ role: Role, in organisation: UUID, tree: OrganisationTree) -> Set<UUID> {
            let key = "\(role.rawValue)@\(organisation.uuidString)"
            if let answer = known[key] { return answer }
            let answer = Set(accounts.filter { account in
                account.roles?.contains(role) == true && account.organisationID.map { tree.contains($0, within: organisation) } == true
            }.compactMap(\.id))
            known[key] = answer
            return answer
        }

        /// Supervisors at the bureau above an organisation.
        func bureauSupervisors(above organisation: UUID, tree: OrganisationTree) -> Set<UUID> {
            guard let bureau = tree.nearest(.bureau, from: organisation) else { return [] }
            return Set(accounts.filter { $0.roles?.contains(.supervisor) == true && $0.organisationID == bureau.id }.compactMap(\.id))
        }
    }

    static func collect(on db: Database, reference: ReferenceData, now: Date, deskRules: DeskRules = .standard) async throws -> [WatchedDeadline] {
        let staff = Staff(accounts: try await AccountModel.query(on: db).staff().all())
        let tree = reference.tree
        let today = LocalDate(now)
        var deadlines: [WatchedDeadline] = []

        // Only the columns the clocks need: the encrypted form is never decrypted here.
        func clockColumns(_ query: QueryBuilder<ApplicationModel>) -> QueryBuilder<ApplicationModel> {
            query.field(\.$id).field(\.$number).field(\.$state).field(\.$centreID).field(\.$preReviewOrganisationID)
                .field(\.$receivedOn).field(\.$pauses).field(\.$supplyBy)
        }
        let atCentre: [ApplicationState] = [.forwarded, .underReview, .awaitingDecision]
        for app in try await clockColumns(ApplicationModel.query(on: db)).filter(\.$state ~~ atCentre.map(\.rawValue)).all() {
            guard let received = app.receivedOn.flatMap(LocalDate.init(iso:)), let id = app.id else { continue }
            let deadline = Deadline(started: received, calendarDays: Workflow.decisionPeriodDays, pauses: app.pauses)
            guard !deadline.isPaused else { continue }
            let deciding = app.applicationState == .awaitingDecision
            deadlines.append(WatchedDeadline(
                kind: .decision, subjectID: id, label: app.number, lastDay: deadline.lastDay(asOf: today, calendar: reference.calendar),
                responsible: staff.with(deciding ? .centreDirector : .centreReviewer, in: app.centreID, tree: tree),
                supervisors: deciding ? staff.bureauSupervisors(above: app.centreID, tree: tree) : staff.with(.centreDirector, in: app.centreID, tree: tree),
                link: SiteURL.application(id).path))
        }

        let awaitingMaterials: [ApplicationState] = [.preReviewMaterialsRequested, .centreMaterialsRequested]
        for app in try await clockColumns(ApplicationModel.query(on: db)).filter(\.$state ~~ awaitingMaterials.map(\.rawValue)).all() {
            guard let id = app.id, let supplyBy = app.supplyBy.flatMap(LocalDate.init(iso:)) else { continue }
            let atPreReview = app.applicationState == .preReviewMaterialsRequested
            let preReviewers = staff.with(.workstationStaff, in: app.preReviewOrganisationID, tree: tree)
                .union(staff.with(.liaisonStaff, in: app.preReviewOrganisationID, tree: tree))
            deadlines.append(WatchedDeadline(
                kind: .materials, subjectID: id, label: app.number, lastDay: supplyBy,
                responsible: atPreReview ? preReviewers : staff.with(.centreReviewer, in: app.centreID, tree: tree),
                supervisors: staff.with(atPreReview ? .centreReviewer : .centreDirector, in: app.centreID, tree: tree),
                link: SiteURL.application(id).path))
        }

        let watchedCases: [CaseState] = [.awaitingAssignment, .awaitingFirmNomination, .inProgress, .closed, .qualityReviewed]
        let cases = try await CaseModel.query(on: db).filter(\.$state ~~ watchedCases.map(\.rawValue)).all()
        let numbers = Dictionary(try await ApplicationModel.query(on: db).field(\.$id).field(\.$number).filter(\.$id ~~ cases.map(\.applicationID)).all()
                                    .map { ($0.id!, $0.number) }, uniquingKeysWith: { a, _ in a })
        for record in cases {
            guard let id = record.id else { continue }
            let reviewers = staff.with(.centreReviewer, in: record.centreID, tree: tree)
            let directors = staff.with(.centreDirector, in: record.centreID, tree: tree)
            let label = numbers[record.applicationID] ?? ""
            let link = SiteURL.legalAidCase(id).path
            func add(_ kind: DeadlineKind, _ iso: String?, responsible: Set<UUID>) {
                guard let day = iso.flatMap(LocalDate.init(iso:)) else { return }
                deadlines.append(WatchedDeadline(kind: kind, subjectID: id, label: label, lastDay: day, responsible: responsible, supervisors: directors, link: link))
            }
            switch record.caseState {
            case .awaitingAssignment: add(.assignment, record.assignmentDue, responsible: reviewers)
            case .awaitingFirmNomination:
                let firmLawyers = record.firmID.map { staff.with(.lawyer, in: $0, tree: tree) } ?? []
                add(.assignment, record.assignmentDue, responsible: reviewers.union(firmLawyers))
            case .closed: add(.qualityReview, record.qualityReviewDue, responsible: reviewers)
            case .qualityReviewed: add(.returnVisit, record.returnVisitDue, responsible: reviewers)
            case .inProgress, .closingReported, .followedUp, .terminated, .transferred: break  // no clock of their own
            }
            if record.caseOrigin == .urgent && record.paperworkDoneAt == nil && !record.caseState.isTerminal {
                add(.paperwork, record.paperworkDue, responsible: reviewers)
            }
        }

        let pending = try await ObjectionModel.query(on: db).filter(\.$state == Objection.State.pending.rawValue).all()
        let objected = Dictionary(try await ApplicationModel.query(on: db).field(\.$id).field(\.$number).field(\.$centreID)
                                    .filter(\.$id ~~ pending.map(\.applicationID)).all().map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        for objection in pending {
            guard let id = objection.id, let day = LocalDate(iso: objection.dueOn), let app = objected[objection.applicationID] else { continue }
            let bureau = staff.bureauSupervisors(above: app.centreID, tree: tree)
            deadlines.append(WatchedDeadline(kind: .objection, subjectID: id, label: app.number, lastDay: day, responsible: bureau,
                                             supervisors: bureau, link: SiteURL.objection(id).path))
        }

        for entry in try await DetainedRequestModel.query(on: db).filter(\.$forwardedAt == nil).all() {
            guard let id = entry.id else { continue }
            deadlines.append(WatchedDeadline(kind: .forwarding, subjectID: id, label: "羁押人员申请（\(entry.placeName)）", due: entry.forwardDue,
                                             responsible: staff.with(.centreReviewer, in: entry.centreID, tree: tree).union([entry.recordedByAccountID]),
                                             supervisors: staff.with(.centreDirector, in: entry.centreID, tree: tree), link: SiteURL.intake.path))
        }
        deadlines += try await ConsultationDeadlines.collect(on: db, staff: staff, tree: tree, rules: deskRules)
        return deadlines.sorted { $0.due < $1.due }
    }
}

/// Raises the alerts that are due. Idempotent (one row per key and recipient, inserted with
/// ON CONFLICT DO NOTHING), so every app instance may run it every minute.
enum DeadlineSweep {
    @discardableResult
    static func run(on db: Database, services: FayuanServices) async throws -> Int {
        let now = services.clock.now()
        let reference = try await services.referenceData(on: db)
        let deadlines = try await DeadlineBoard.collect(on: db, reference: reference, now: now, deskRules: services.settings.deskRules)
        let alerts = DeadlineWatch.alerts(for: deadlines, at: now)
        guard !alerts.isEmpty else { return 0 }
        // Skip what is already raised (the unique key still guards against a racing instance).
        let earliest = alerts.map(\.deadline.due).min() ?? now
        let existing = Set(try await AlertModel.query(on: db).field(\.$key).field(\.$recipientAccountID).filter(\.$due >= earliest).all()
            .map { "\($0.key)|\($0.recipientAccountID.uuidString)" })
        let fresh = alerts.filter { !existing.contains("\($0.key)|\($0.recipient.uuidString)") }
        guard !fresh.isEmpty else { return 0 }
        return try await services.transaction(on: db) { tx in
            guard let sql = tx as? SQLDatabase else { return 0 }
            var raised = 0
            for alert in fresh {
                let rows = try await sql.raw("""
                    INSERT INTO alerts (id, key, recipient_account_id, level, kind, message, link, due, raised_at)
                    VALUES (\(bind: UUID()), \(bind: alert.key), \(bind: alert.recipient), \(bind: alert.level.rawValue), \(bind: alert.deadline.kind.rawValue),
                            \(bind: alert.message), \(bind: alert.deadline.link), \(bind: alert.deadline.due), \(bind: now))
                    ON CONFLICT (key, recipient_account_id) DO NOTHING RETURNING id
                    """).all()
                raised += rows.count
                // Urgent aid's paperwork is chased with the applicant too: once per alert, by
                // whichever instance inserted the first recipient's row.
                if rows.count == 1, alert.deadline.kind == .paperwork, alert.recipient == alerts.filter({ $0.key == alert.key }).map(\.recipient).min(by: { $0.uuidString < $1.uuidString }) {
                    try await chasePaperwork(caseID: alert.deadline.subjectID, due: alert.deadline.due, level: alert.level, on: tx)
                }
            }
            return raised
        }
    }
}

extension DeadlineSweep {
    /// 第44条: tells the applicant (message and SMS, no facts) to complete the paperwork.
    static func chasePaperwork(caseID: UUID, due: Date, level: AlertLevel, on tx: Database) async throws {
        guard let record = try await CaseModel.find(caseID, on: tx), let app = try await ApplicationModel.find(record.applicationID, on: tx) else { return }
        let notice = level == .overdue ? Notice(PaperworkOverdue(number: app.number, due: LocalDate(due).chinese)) : Notice(PaperworkDue(number: app.number, due: LocalDate(due).chinese))
        try await ApplicationPaperwork.tellApplicant(app, notice, on: tx)
    }
}

/// `swift run Run sweep-deadlines`: one sweep, for a cron job where the server's own loop is off.
struct SweepDeadlinesCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Raise due and overdue deadline alerts once." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let raised = try await DeadlineSweep.run(on: context.application.db, services: context.application.fayuan)
        context.console.print("Raised \(raised) alerts.")
    }
}
