import Fluent
import LegalAidCore
import SQLKit
import Vapor
import DeskCore

/// The desk: who is on duty, who waits, taking the next in line.
extension ConsultationService {
    // MARK: The desk

    /// Who is on duty at the desk and how many live chats each holds.
    func deskState(_ desk: UUID) async throws -> ConsultationWorkflow.Desk {
        let members = try await dutyMembers(desk)
        return ConsultationWorkflow.Desk(onDuty: Set(members.map(\.accountID)), openChats: Dictionary(uniqueKeysWithValues: members.map { ($0.accountID, $0.openChats) }))
    }

    func dutyMembers(_ desk: UUID) async throws -> [DutyMember] {
        let shifts = try await DeskShiftModel.query(on: db).filter(\.$deskID == desk).filter(\.$endedAt == nil).all()
        guard !shifts.isEmpty else { return [] }
        let ids = shifts.map(\.accountID)
        let active = try await ConsultationModel.query(on: db).filter(\.$responsibleAccountID ~~ ids.map(Optional.some))
            .filter(\.$state == ConsultationState.active.rawValue).filter(\.$channel == ConsultationChannel.live.rawValue).all()
        let lastTaken = try await ConsultationModel.query(on: db).filter(\.$responsibleAccountID ~~ ids.map(Optional.some))
            .filter(\.$takenAt != nil).sort(\.$takenAt, .descending).limit(200).all()
        var seen: [UUID: Date] = [:]
        for row in lastTaken { if let who = row.responsibleAccountID, seen[who] == nil { seen[who] = row.takenAt } }
        var members: [UUID: DutyMember] = [:]
        for shift in shifts where members[shift.accountID] == nil {
            members[shift.accountID] = DutyMember(accountID: shift.accountID, onDutySince: shift.startedAt,
                                                  openChats: active.filter { $0.responsibleAccountID == shift.accountID }.count, lastTookAt: seen[shift.accountID])
        }
        return Array(members.values)
    }

    func waiting(at desk: UUID) async throws -> [ConsultationModel] {
        // A 12348 call ringing at the PBX waits in the PBX's queue, not the chat queue.
        try await ConsultationModel.query(on: db).filter(\.$deskID == desk).filter(\.$state == ConsultationState.waiting.rawValue)
            .filter(\.$channel == ConsultationChannel.live.rawValue).sort(\.$queuedAt).limit(500).all()
    }

    func isOnDuty(_ account: AccountModel, desk: UUID) async throws -> Bool {
        try await DeskShiftModel.query(on: db).filter(\.$deskID == desk).filter(\.$accountID == account.id!).filter(\.$endedAt == nil).count() > 0
    }

    func goOnDuty(_ account: AccountModel, desk: UUID) async throws {
        guard let actor = account.actor, ConsultationWorkflow.servesDesk(actor) else { throw AppError.forbidden }
        guard try await !isOnDuty(account, desk: desk) else { return }
        let shift = DeskShiftModel()
        shift.accountID = account.id!
        shift.deskID = desk
        shift.startedAt = now
        try await shift.create(on: db)
        await hub.publish(.queueChanged(desk: desk))
    }

    func goOffDuty(_ account: AccountModel, desk: UUID) async throws {
        try await DeskShiftModel.query(on: db).filter(\.$deskID == desk).filter(\.$accountID == account.id!).filter(\.$endedAt == nil)
            .set(\.$endedAt, to: now).update()
        await hub.publish(.queueChanged(desk: desk))
    }

    /// "接入下一位": the request the fair offer gives this person, taken at once.
    func takeNext(_ account: AccountModel, desk: UUID) async throws -> ConsultationModel? {
        let waiting = try await waiting(at: desk)
        let members = try await dutyMembers(desk)
        guard members.contains(where: { $0.accountID == account.id }) else { throw AppError(ConsultationError.notOnDuty) }
        guard let next = DeskQueue.next(for: account.id!, waiting: waiting.map { WaitingRequest(id: $0.id!, queuedAt: $0.queuedAt) },
                                        duty: members, rules: rules)
        else { return nil }
        return try await act(.take, on: next, by: .account(account))
    }
}
