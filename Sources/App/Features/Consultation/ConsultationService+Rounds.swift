import Fluent
import LegalAidCore
import SQLKit
import Vapor
import DeskCore

/// The background rounds: the three minutes running out, a ringing call lost.
extension ConsultationService {
    /// The three-minute rule, run by the desk's round: every live request still waiting past
    /// its time becomes a call back owed by the hotline.
    func escalateOverdue() async throws -> Int {
        let cutoff = now.addingTimeInterval(-rules.escalateAfter)
        let due = try await ConsultationModel.query(on: db).filter(\.$state == ConsultationState.waiting.rawValue)
            .filter(\.$channel == ConsultationChannel.live.rawValue).filter(\.$queuedAt <= cutoff).limit(500).all()
        var moved = 0
        for consultation in due {
            guard case .success(let transition) = ConsultationWorkflow.apply(.escalate, to: consultation.snapshot, by: .system,
                                                                              desk: .init(onDuty: [], openChats: [:]), now: now, rules: rules)
            else { continue }
            let version = consultation.version
            do {
                try await services.transaction(on: db) { tx in
                    try await Self.claim(consultation.id!, version: version, on: tx)
                    consultation.version = version + 1
                    consultation.apply(transition.snapshot)
                    try await consultation.save(on: tx)
                    try await Self.event(consultation, "escalate", from: transition.from.rawValue, actor: nil, name: "系统",
                                         detail: "\(Int(self.rules.escalateAfter / 60))分钟内无人接入，转12348热线回电", at: self.now, on: tx)
                    _ = try await Self.append(to: consultation.id!, author: .system, account: nil, name: "系统",
                                              body: ConsultationCallback.inConversation, at: self.now, on: tx)
                    try await ConsultationNotices.carryOut(transition.effects, for: consultation, linkBase: self.services.settings.linkBase, on: tx)
                }
                moved += 1
                await hub.publish(.changed(consultation: consultation.id!, desk: consultation.deskID))
            } catch WorkflowError.changedConcurrently {
                continue // taken (or escalated by another instance) meanwhile
            }
        }
        return moved
    }

    /// A 12348 call whose PBX never said more than `ringing` is treated as missed after ten
    /// minutes (`HotlineCallRule.ringingGivesUpAfter`): the caller is owed a call back.
    func giveUpLostRinging() async throws -> Int {
        let cutoff = now.addingTimeInterval(-HotlineCallRule.ringingGivesUpAfter)
        let lost = try await ConsultationModel.query(on: db).filter(\.$state == ConsultationState.waiting.rawValue)
            .filter(\.$channel == ConsultationChannel.hotline.rawValue).filter(\.$queuedAt <= cutoff).limit(500).all()
        var moved = 0
        for call in lost where HotlineCallRule.ringingIsLost(since: call.queuedAt, now: now) {
            let version = call.version
            do {
                try await services.transaction(on: db) { tx in
                    try await Self.claim(call.id!, version: version, on: tx)
                    call.version = version + 1
                    call.state = ConsultationState.callback.rawValue
                    try await call.save(on: tx)
                    try await Self.event(call, "ringingLost", from: ConsultationState.waiting.rawValue, actor: nil, name: "系统",
                                         detail: "振铃\(Int(HotlineCallRule.ringingGivesUpAfter / 60))分钟未收到热线系统的后续事件，按未接来电回电", at: self.now, on: tx)
                }
                moved += 1
                await hub.publish(.changed(consultation: call.id!, desk: call.deskID))
            } catch WorkflowError.changedConcurrently {
                continue // the PBX's event (or another instance) got there first
            }
        }
        return moved
    }
}
