import Fluent
import MediationCore
import SQLKit
import Vapor

extension MediationService {
    /// The last day the parties may jointly apply for judicial confirmation (第33条).
    func confirmationDue(_ mediation: MediationModel, calendar: HolidayCalendar) -> LocalDate? {
        mediation.effectiveDay.map { Self.periods.confirmationDue(effectiveOn: $0, calendar: calendar) }
    }

    /// What the court answered (confirmed valid, or not), recorded on the mediation.
    func recordCourtAnswer(_ mediation: MediationModel, answer: String, expectedVersion: Int?, by account: AccountModel) async throws -> MediationModel {
        guard mediation.mediationState == .agreed || mediation.mediationState == .closed, !mediation.agreementIsOral else {
            throw Self.refusal(.notAllowed(from: mediation.mediationState, event: "court"))
        }
        let text = answer.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (2...500).contains(text.count) else { throw AppError.invalid(field: "courtAnswer", code: "required", "请写明法院的答复，例如“裁定确认调解协议有效”") }
        return try await services.transaction(on: db) { tx in
            try await step(mediation, nil, code: "court", expectedVersion: expectedVersion, by: .account(account), note: text, on: tx) { $0.courtAnswer = text }
        }
    }

    /// The return visit (第31条: the committee follows up performance) closes the file.
    func returnVisit(_ mediation: MediationModel, performed: Bool, note: String, expectedVersion: Int?, by account: AccountModel) async throws -> MediationModel {
        let text = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (2...1000).contains(text.count) else { throw AppError.invalid(field: "visitNote", code: "required", "请写明回访情况：协议是否履行、当事人有什么意见") }
        return try await services.transaction(on: db) { tx in
            try await step(mediation, .close, code: "visit", expectedVersion: expectedVersion, by: .account(account),
                           note: (performed ? "协议已履行：" : "协议未履行：") + text, facts: .init(returnVisitRecorded: true), on: tx) {
                $0.returnVisit = text
                $0.performed = performed
            }
        }
    }

    /// Reminds the parties of the confirmation window on its reminder days (20 and 27 after the
    /// agreement took effect), each day once, and never after the window closed.
    func sendConfirmationReminders(reference: ReferenceData) async throws -> Int {
        // Only agreements whose window may still be open (30 days, moved past a holiday at most
        // by the longest break): the rest have nothing left to remind of.
        let earliest = today.adding(days: -(Self.periods.confirmationDays + 15)).iso
        let agreed = try await MediationModel.query(on: db).filter(\.$state == MediationState.agreed.rawValue)
            .filter(\.$agreementEffectiveOn >= earliest).all()
        var sent = 0
        for mediation in agreed where !mediation.agreementIsOral && mediation.courtAnswer == nil {
            guard let effective = mediation.effectiveDay else { continue }
            let due = Self.periods.confirmationDue(effectiveOn: effective, calendar: reference.calendar)
            let owed = Self.periods.confirmationReminderDays.filter { day in
                effective.adding(days: day) <= today && today <= due && !mediation.reminderDaysSent.contains(day)
            }
            guard !owed.isEmpty else { continue }
            let all = try await parties(of: mediation.id!)
            let told = try await services.transaction(on: db) { tx -> Bool in
                let sentDays = mediation.reminderDaysSent.union(owed)
                let claimed = try await (tx as! any SQLDatabase).raw("""
                    UPDATE mediations SET reminders_sent = \(bind: sentDays.sorted().map(String.init).joined(separator: ","))
                    WHERE id = \(bind: mediation.id!) AND reminders_sent = \(bind: mediation.remindersSent) RETURNING id
                    """).first()
                guard claimed != nil else { return false }
                let committee = reference.organisations[mediation.committeeID]?.name ?? "人民调解委员会"
                for party in all {
                    try await tell(party, Notice(ConfirmationReminder(number: mediation.number, due: due.chinese, committee: committee)), on: tx)
                }
                try await MediationStepModel(mediation: mediation.id!, at: now, account: nil, actor: "系统", event: "reminder", from: nil, to: nil,
                                             note: "提醒当事人在\(due.chinese)前共同申请司法确认").create(on: tx)
                return true
            }
            if told { sent += 1 }
        }
        return sent
    }
}
