import Fluent
import LegalAidCore
import Vapor

/// One step on a case as a form or a JSON body sends it: turned into a `CaseEvent` and performed.
/// The pages and the API share it, so both accept and refuse exactly the same things.
struct CaseActionInput: Content {
    var version: Int?
    var lawyerID: String?
    var firmID: String?
    var possibleLifeOrDeath: String?
    var reason: String?
    var outcome: String?
    var grade: String?
    var remarks: String?
    var satisfaction: String?
    var comments: String?
    var ground: String?
    var explanation: String?
    var toCentre: String?
    var staffID: String?

    func perform(_ kind: CaseEventKind, on record: CaseModel, app: ApplicationModel, by account: AccountModel, reference: ReferenceData, req: Request) async throws -> CaseTransition {
        guard kind.isRequestable else { throw AppError.notFound() }
        guard account.roles?.containsAny(kind.permittedRoles) == true else { throw AppError.forbidden }
        let service = CaseService(req)
        let lifeOrDeath = possibleLifeOrDeath == "true"
        let needs = AssignmentNeeds(matter: app.form.matter.type ?? .other, possibleLifeOrDeathSentence: lifeOrDeath || record.possibleLifeOrDeath == true)
        let candidates = try await service.candidates(reference: reference)
        func lawyer() throws -> LawyerCandidate {
            guard let chosen = lawyerID.flatMap(UUID.init(uuidString:)).flatMap({ id in candidates.first { $0.id == id } }) else {
                throw AppError.invalid(field: "lawyerID", code: "invalidChoice", "请从列表中选择本区律师事务所的律师")
            }
            return chosen
        }
        let event: CaseEvent
        switch kind {
        case .assignLawyer: event = .assignLawyer(try lawyer(), needs: needs)
        case .assignFirm:
            guard let firm = firmID.flatMap(UUID.init(uuidString:)), reference.tree[firm]?.kind == .lawFirm else {
                throw AppError.invalid(field: "firmID", code: "invalidChoice", "请从列表中选择本区的律师事务所")
            }
            event = .assignFirm(firmID: firm)
        case .assignCentreStaff:
            let staff = try await CaseService.centreStaff(of: record.centreID, reference: reference, on: req.db)
            guard let chosen = staffID.flatMap(UUID.init(uuidString:)).flatMap({ id in staff.first { $0.id == id } }) else {
                throw AppError.invalid(field: "staffID", code: "invalidChoice", "请从列表中选择本中心的工作人员")
            }
            event = .assignCentreStaff(accountID: chosen.id!, name: chosen.displayName)
        case .nominateLawyer: event = .nominateLawyer(try lawyer(), needs: needs)
        case .changeLawyer: event = .changeLawyer(try lawyer(), needs: needs, reason: reason ?? "")
        case .fileClosingReport: event = .fileClosingReport(outcome: outcome ?? "")
        case .returnClosingReport: event = .returnClosingReport(reason: reason ?? "")
        case .close: event = .close
        case .reviewQuality:
            guard let grade = grade.flatMap(QualityGrade.init(rawValue:)) else { throw AppError.invalid(field: "grade", "请选择质量评定等级") }
            event = .reviewQuality(grade, remarks: remarks ?? "")
        case .recordReturnVisit: event = .recordReturnVisit(satisfaction: Int(satisfaction ?? "") ?? 0, comments: comments ?? "")
        case .terminate:
            guard let ground = ground.flatMap(TerminationGround.init(rawValue:)) else { throw AppError.invalid(field: "ground", "请选择终止理由（法律援助法第48条）") }
            event = .terminate(ground, explanation: explanation ?? "")
        case .transfer: event = .transfer(toCentre: toCentre ?? "", reason: reason ?? "")
        case .reinstate: throw AppError.notFound()  // only through the bureau's objection decision
        }
        if lifeOrDeath, record.possibleLifeOrDeath != true, kind.assignsHandler && kind != .assignCentreStaff {
            record.possibleLifeOrDeath = true
            try await record.save(on: req.db)
        }
        let transition = try await service.perform(event, on: record.id!, expectedVersion: version, by: account)
        if kind == .changeLawyer { try await CaseHandlingService(req).markChangeGranted(on: record.id!, by: account) }
        return transition
    }
}
