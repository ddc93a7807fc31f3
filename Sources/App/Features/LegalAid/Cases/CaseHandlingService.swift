import Fluent
import LegalAidCore
import Vapor

/// What happens while a lawyer handles a case, beside the state changes: the recipient's
/// request to change lawyer (第46条), mediation offered first with consent recorded (seed 002),
/// and the other recipients of a group matter.
struct CaseHandlingService {
    var request: Request

    init(_ request: Request) { self.request = request }

    private var db: Database { request.db }
    private var services: FayuanServices { request.fayuan }

    /// The assigned lawyer records a step (第46条); the applicant is told unless the lawyer
    /// chooses not to. The SMS names the kind of step, never the facts.
    func recordProgress(on caseID: UUID, kind: CaseProgressKind?, note: String, notify: Bool, by account: AccountModel) async throws {
        let reference = try await services.referenceData(on: db)
        let (record, app) = try await CaseService(request).find(caseID, for: account, reference: reference)
        guard ProgressRule.mayRecord(state: record.caseState, actorID: account.id!, assignedLawyer: record.lawyerAccountID) else { throw AppError.forbidden }
        let text = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let kind else { throw AppError.invalid(field: "kind", code: "required", "请选择进展类型") }
        guard !text.isEmpty else { throw AppError.invalid([.required("note", "进展情况")]) }
        let entry = CaseProgressModel()
        entry.caseID = caseID
        entry.at = services.clock.now()
        entry.authorAccountID = account.id!
        entry.authorName = account.displayName
        entry.kind = kind.rawValue
        entry.note = text
        entry.notifyApplicant = notify
        let clientAddress = request.clientAddress
        try await services.transaction(on: db) { tx in
            try await entry.create(on: tx)
            if notify {
                try await ApplicationPaperwork.tellApplicant(app, Notice(CaseProgress(number: app.number, kind: kind.chinese, note: text)), on: tx)
            }
            try await AuditLog.append(AuditRecord(account: account, event: "case.progress", target: "application:\(app.number)",
                                                  clientAddress: clientAddress, detail: kind.rawValue), at: entry.at, on: tx)
        }
    }

    func pendingChangeRequest(of caseID: UUID) async throws -> LawyerChangeRequestModel? {
        try await LawyerChangeRequestModel.query(on: db).filter(\.$caseID == caseID).filter(\.$state == LawyerChangeRequest.State.pending.rawValue).first()
    }

    /// The recipient asks, from their own application page.
    func requestLawyerChange(on caseID: UUID, reason: String, by account: AccountModel) async throws {
        guard account.isCitizen else { throw AppError.forbidden }
        let reference = try await services.referenceData(on: db)
        let (record, app) = try await CaseService(request).find(caseID, for: account, reference: reference)
        let pending = try await pendingChangeRequest(of: caseID) != nil
        _ = try LawyerChangeRequest.file(caseState: record.caseState, pending: pending, reason: reason).mapError { $0.appError }.get()
        let now = services.clock.now()
        let entry = LawyerChangeRequestModel()
        entry.caseID = caseID
        entry.state = LawyerChangeRequest.State.pending.rawValue
        entry.reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        entry.filedByAccountID = account.id!
        entry.filedAt = now
        let clientAddress = request.clientAddress
        try await services.transaction(on: db) { tx in
            try await entry.create(on: tx)
            try await AuditLog.append(AuditRecord(account: account, event: "case.requestLawyerChange", target: "application:\(app.number)",
                                                  clientAddress: clientAddress), at: now, on: tx)
        }
    }

    /// The centre refuses with reasons; granting is done by choosing the new lawyer (`grantLawyerChange`).
    func refuseLawyerChange(on caseID: UUID, response: String, by account: AccountModel) async throws {
        let (request, app) = try await changeRequestForDecision(caseID, by: account)
        let state = try LawyerChangeRequest.refuse(request.requestState, response: response).mapError { $0.appError }.get()
        let now = services.clock.now()
        request.state = state.rawValue
        request.response = response.trimmingCharacters(in: .whitespacesAndNewlines)
        request.decidedAt = now
        request.decidedByAccountID = account.id
        let clientAddress = self.request.clientAddress
        try await services.transaction(on: db) { tx in
            try await request.save(on: tx)
            try await ApplicationPaperwork.tellApplicant(app, Notice(LawyerChangeRefused(number: app.number, reason: request.response ?? "")), on: tx)
            try await AuditLog.append(AuditRecord(account: account, event: "case.refuseLawyerChange", target: "application:\(app.number)",
                                                  clientAddress: clientAddress), at: now, on: tx)
        }
    }

    /// After the centre changed the lawyer, the pending request (if any) is marked granted.
    func markChangeGranted(on caseID: UUID, by account: AccountModel) async throws {
        guard let pending = try await pendingChangeRequest(of: caseID) else { return }
        pending.state = LawyerChangeRequest.State.granted.rawValue
        pending.response = "同意更换"
        pending.decidedAt = services.clock.now()
        pending.decidedByAccountID = account.id
        try await pending.save(on: db)
    }

    private func changeRequestForDecision(_ caseID: UUID, by account: AccountModel) async throws -> (LawyerChangeRequestModel, ApplicationModel) {
        guard account.roles?.containsAny([.centreReviewer, .centreDirector]) == true else { throw AppError.forbidden }
        let reference = try await services.referenceData(on: db)
        let (_, app) = try await CaseService(request).find(caseID, for: account, reference: reference)
        guard let pending = try await pendingChangeRequest(of: caseID) else {
            throw AppError(status: .conflict, code: "noPendingRequest", message: LawyerChangeRequest.Refusal.alreadyDecided.message)
        }
        return (pending, app)
    }

    /// The assigned lawyer records whether the recipient agreed to try mediation first.
    func recordMediationConsent(on caseID: UUID, consent: CaseMediationFirst.Consent?, how: String, by account: AccountModel) async throws {
        let reference = try await services.referenceData(on: db)
        let (record, app) = try await CaseService(request).find(caseID, for: account, reference: reference)
        guard record.lawyerAccountID == account.id else { throw AppError.forbidden }
        guard let consent else { throw AppError.invalid(field: "consent", code: "required", "请选择受援人是否同意先行调解") }
        let recorded = try CaseMediationFirst.record(consent, how: how, matter: app.form.matter.type, caseState: record.caseState)
            .mapError { $0 == .missingHow ? AppError.invalid(field: $0.field, code: "required", $0.message) : AppError(status: .conflict, code: "conflict", message: $0.message) }
            .get()
        record.mediationConsent = recorded.rawValue
        record.mediationHow = how.trimmingCharacters(in: .whitespacesAndNewlines)
        let now = services.clock.now()
        let clientAddress = request.clientAddress
        try await services.transaction(on: db) { tx in
            try await record.save(on: tx)
            try await AuditLog.append(AuditRecord(account: account, event: "case.mediationConsent", target: "application:\(app.number)",
                                                  clientAddress: clientAddress, detail: recorded.rawValue), at: now, on: tx)
        }
    }

    func members(of caseID: UUID) async throws -> [CaseMemberModel] {
        try await CaseMemberModel.query(on: db).filter(\.$caseID == caseID).sort(\.$addedAt).all()
    }

    /// Adds the other recipients of a group matter, all or none.
    func addMembers(to caseID: UUID, text: String, by account: AccountModel) async throws -> Int {
        guard account.roles?.containsAny([.centreReviewer, .centreDirector]) == true else { throw AppError.forbidden }
        let reference = try await services.referenceData(on: db)
        let (record, app) = try await CaseService(request).find(caseID, for: account, reference: reference)
        guard !record.caseState.isTerminal else { throw AppError(status: .conflict, code: "conflict", message: "案件已结束，不能再增加受援人") }
        let members = try GroupMatter.parse(text).mapError { AppError.invalid([$0]) }.get()
        let now = services.clock.now()
        let clientAddress = request.clientAddress
        try await services.transaction(on: db) { tx in
            for member in members {
                let row = CaseMemberModel()
                row.caseID = caseID
                row.member = member
                row.addedAt = now
                try await row.create(on: tx)
            }
            try await AuditLog.append(AuditRecord(account: account, event: "case.addMembers", target: "application:\(app.number)",
                                                  clientAddress: clientAddress, detail: "\(members.count)人"), at: now, on: tx)
        }
        return members.count
    }
}

extension LawyerChangeRequest.Refusal {
    var appError: AppError {
        switch self {
        case .missingReason, .missingResponse: AppError.invalid(field: field, code: "required", message)
        case .noLawyerYet, .alreadyPending, .alreadyDecided: AppError(status: .conflict, code: "conflict", message: message, field: field,
                                                                      fieldErrors: [FieldError(field: field, code: "conflict", message: message)])
        }
    }
}
