import Crypto
import Fluent
import LegalAidCore
import SQLKit
import Vapor
import DeskCore

extension Settings {
    /// The consultation desk's rules as this deployment sets them.
    var deskRules: DeskRules {
        DeskRules(escalateAfter: TimeInterval(consultationEscalateSeconds), maxParallelChats: consultationParallelChats)
    }
}

/// Who is acting on a conversation, as the service knows them.
enum ConsultationCaller: Sendable {
    /// A signed-in account (citizen or staff).
    case account(AccountModel)
    /// An anonymous asker holding the conversation's key.
    case key(String)
}

/// The consultation desk's storage and steps: every step goes through `ConsultationWorkflow`,
/// is written with its event in one transaction (a version check refuses the second of two
/// staff acting at once), and is announced on the hub only after it is stored.
struct ConsultationService {
    let db: Database
    let services: FayuanServices
    let hub: ConsultationHub
    let now: Date
    let clientAddress: String

    init(_ req: Request) {
        db = req.db
        services = req.fayuan
        hub = req.application.consultationHub
        now = req.now
        clientAddress = req.clientAddress
    }

    init(db: Database, services: FayuanServices, hub: ConsultationHub, now: Date) {
        self.db = db
        self.services = services
        self.hub = hub
        self.now = now
        clientAddress = "system"
    }

    var rules: DeskRules { services.settings.deskRules }

    struct Started {
        var consultation: ConsultationModel
        /// For an anonymous asker: the key that brings them back to the conversation (shown once).
        var askerKey: String?
    }

    /// A new live request (joins the queue) or written question (starts the 24-hour clock),
    /// with the first question as message 1.
    func start(_ input: ConsultationRequestInput, asker: AccountModel?, desk: UUID) async throws -> Started {
        let consultation = ConsultationModel()
        consultation.id = UUID()
        consultation.channel = input.channel.rawValue
        consultation.topic = input.topic.rawValue
        consultation.state = (input.channel == .messageBoard ? ConsultationState.awaitingReply : .waiting).rawValue
        consultation.version = 0
        consultation.deskID = desk
        consultation.askerAccountID = asker?.id
        consultation.askerName = input.name
        consultation.phone = input.phone?.value
        consultation.handledByText = ""
        consultation.queuedAt = now
        if input.channel == .messageBoard {
            consultation.replyDue = services.settings.deskRules.replyDue(askedAt: now, calendar: try await services.referenceData(on: db).calendar)
        }
        consultation.callbackAttempts = 0
        consultation.messageCount = 0
        var key: String?
        if asker == nil {
            let raw = TokenHash.newToken()
            consultation.askerKeyHash = TokenHash.of(raw)
            key = raw
        }
        let first = try await services.transaction(on: db) { tx in
            try await consultation.create(on: tx)
            try await Self.event(consultation, "start", from: consultation.state, actor: asker, name: input.name, detail: input.channel.chinese, at: self.now, on: tx)
            return try await Self.append(to: consultation.id!, author: .asker, account: asker, name: input.name, body: input.question, at: self.now, on: tx)
        }
        consultation.messageCount = first.seq
        await hub.publish(.queueChanged(desk: desk))
        return Started(consultation: consultation, askerKey: key)
    }

    /// The consultation, if this caller may see it.
    func find(_ id: UUID, for caller: ConsultationCaller) async throws -> (ConsultationModel, ConsultationParty) {
        guard let consultation = try await ConsultationModel.find(id, on: db) else { throw AppError.notFound("咨询") }
        let party = try party(of: caller, in: consultation)
        guard ConsultationWorkflow.canView(consultation.snapshot, by: party) else {
            throw AppError.refused("咨询", target: "consultation:\(id)")
        }
        return (consultation, party)
    }

    /// How the rules see this caller in this conversation.
    func party(of caller: ConsultationCaller, in consultation: ConsultationModel) throws -> ConsultationParty {
        switch caller {
        case .key(let key):
            guard let hash = consultation.askerKeyHash, constantTimeEquals(hash, TokenHash.of(key)) else {
                throw AppError.refused("咨询", target: "consultation:\(consultation.id!)")
            }
            return .asker
        case .account(let account):
            if let asker = consultation.askerAccountID, asker == account.id { return .asker }
            guard let actor = account.actor, !account.isCitizen else { throw AppError.refused("咨询", target: "consultation:\(consultation.id!)") }
            return .staff(actor)
        }
    }

    /// Messages after `seq` (the last one the client has), oldest first, at most `limit`.
    func messages(of id: UUID, after seq: Int, limit: Int = 200) async throws -> [ConsultationMessageModel] {
        try await ConsultationMessageModel.query(on: db).filter(\.$consultationID == id).filter(\.$seq > seq)
            .sort(\.$seq).limit(limit).all()
    }

    /// Stores a message (it is stored before anyone is told of it) and announces it.
    func post(_ text: String, to id: UUID, by caller: ConsultationCaller, clientID: UUID?) async throws -> ConsultationMessageModel {
        let sending = try await prepareToSend(to: id, by: caller, clientID: clientID)
        if let resent = sending.resent { return resent }
        let body = try Self.messageText(text)
        let (author, account, name) = sending.author
        let message = try await services.transaction(on: db) { tx in
            try await Self.append(to: id, author: author, account: account, name: name, body: body, at: self.now, id: clientID, on: tx)
        }
        await announce(message, in: id)
        return message
    }

    /// Stores a file already checked and staged on disk (an image or a PDF) with the message that
    /// carries it, and announces it. If storing fails, the caller's `atomically` removes the file.
    func postFile(_ staged: StagedUploads, to id: UUID, by caller: ConsultationCaller, clientID: UUID?) async throws -> ConsultationMessageModel {
        let sending = try await prepareToSend(to: id, by: caller, clientID: clientID)
        if let resent = sending.resent { staged.discard(); return resent }
        guard let upload = staged.uploads.first else { throw AppError.invalid(field: "file", code: "required", "请选择要发送的图片或PDF文件") }
        let (author, account, name) = sending.author
        let message = try await services.transaction(on: db) { tx in
            let file = ConsultationFileModel()
            file.id = UUID()
            file.consultationID = id
            file.originalName = upload.originalName
            file.contentType = upload.contentType
            file.size = upload.size
            file.sha256 = upload.sha256
            file.storedName = upload.storedName
            file.createdAt = self.now
            try await file.create(on: tx)
            return try await Self.append(to: id, author: author, account: account, name: name, body: "发送了文件：\(upload.originalName)",
                                         at: self.now, id: clientID, attachment: file.id, on: tx)
        }
        await announce(message, in: id)
        return message
    }

    /// Tells the hub, carrying the message as the pages show it (a text message needs no query).
    private func announce(_ message: ConsultationMessageModel, in id: UUID) async {
        if let shown = try? await ConsultationView.messages([message], links: .pages, on: db).first {
            await hub.publish(shown, in: id)
        } else {
            await hub.publish(.message(consultation: id, seq: message.seq))
        }
    }

    private struct Sending {
        var resent: ConsultationMessageModel?
        var author: (ConsultationMessageModel.Author, AccountModel?, String)
    }

    /// What every message goes through: the caller may read and write here now, a resend of a
    /// message already stored is that message, and a flood from one client is refused.
    private func prepareToSend(to id: UUID, by caller: ConsultationCaller, clientID: UUID?) async throws -> Sending {
        let (consultation, party) = try await find(id, for: caller)
        let author = author(of: caller, party: party, consultation: consultation)
        if let clientID, let existing = try await ConsultationMessageModel.find(clientID, on: db) {
            guard existing.consultationID == id else { throw AppError.invalid(field: "clientId", code: "duplicateId", "消息编号重复") }
            return Sending(resent: existing, author: author) // a resend after a dropped connection: the same message, once
        }
        try check(.sendMessage, consultation, party)
        // A flood from one client is refused (per conversation and side, on every instance).
        let side = if case .staff(let actor) = party { actor.accountID.uuidString } else { "asker" }
        if let wait = try await services.limiter.hit("consultationMessage:\(id):\(side)", limit: services.settings.consultationMessagesPerMinute, per: 60, now: now, on: db) {
            var error = AppError(status: .tooManyRequests, code: "tooManyMessages", message: "消息发送过于频繁，请\(wait)秒后再试", field: "body")
            error.retryAfter = wait
            throw error
        }
        return Sending(resent: nil, author: author)
    }

    /// Refuses a caller who may not write in this conversation now (before a file is even read).
    func checkMaySend(to id: UUID, by caller: ConsultationCaller) async throws {
        let (consultation, party) = try await find(id, for: caller)
        try check(.sendMessage, consultation, party)
    }

    /// A file of this conversation, for a caller who may read it.
    func file(_ fileID: UUID, of id: UUID, for caller: ConsultationCaller) async throws -> (ConsultationFileModel, ConsultationParty) {
        let (_, party) = try await find(id, for: caller)
        guard let file = try await ConsultationFileModel.find(fileID, on: db), file.consultationID == id else { throw AppError.notFound("文件") }
        return (file, party)
    }

    /// A step by staff or the asker: take, hand over, reply, close, a call-back attempt, withdraw.
    @discardableResult
    func act(_ event: ConsultationEvent, on id: UUID, by caller: ConsultationCaller, detail: String = "", reply: String? = nil,
             outcomeNote: String? = nil, applicationPoint: UUID? = nil) async throws -> ConsultationModel {
        let (consultation, party) = try await find(id, for: caller)
        let desk = try await deskState(consultation.deskID)
        let transition = try ConsultationWorkflow.apply(event, to: consultation.snapshot, by: party, desk: desk, now: now, rules: rules)
            .mapError(AppError.init).get()
        let replyText = try reply.map(Self.messageText)
        let (author, account, name) = author(of: caller, party: party, consultation: consultation)
        let draft: ApplicationModel? = if case .close(.application) = event, let account {
            try await applicationDraft(for: consultation, point: applicationPoint, note: outcomeNote, by: account)
        } else { nil }
        let version = consultation.version
        try await services.transaction(on: db) { tx in
            try await Self.claim(id, version: version, on: tx)
            consultation.version = version + 1
            consultation.apply(transition.snapshot)
            if transition.from == .waiting, transition.snapshot.state == .active { consultation.takenAt = self.now }
            if case .close(let outcome) = event {
                consultation.outcome = outcome.code
                consultation.outcomeNote = outcomeNote
            }
            if case .reply = event { consultation.outcome = ConsultationOutcome.answered.code }
            if !transition.snapshot.state.isOpen { consultation.closedAt = self.now }
            try await consultation.save(on: tx)
            try await Self.event(consultation, event.code, from: transition.from.rawValue, actor: account, name: name, detail: detail, at: self.now, on: tx)
            if let replyText {
                _ = try await Self.append(to: id, author: author, account: account, name: name, body: replyText, at: self.now, on: tx)
            }
            if let draft, let account { try await self.fileApplication(draft, from: consultation, by: account, on: tx) }
            try await ConsultationNotices.carryOut(transition.effects, for: consultation, linkBase: self.services.settings.linkBase, on: tx)
        }
        if let account, case .staff = party {
            try await AuditLog.append(AuditRecord(account: account, event: "consultation.\(event.code)", target: "consultation:\(id)",
                                                  clientAddress: clientAddress, detail: "\(transition.from.chinese) → \(transition.snapshot.state.chinese)"),
                                      at: now, on: db)
        }
        await hub.publish(.changed(consultation: id, desk: consultation.deskID))
        return consultation
    }

    /// The person served rates it once, after it ended.
    func rate(_ id: UUID, _ rating: ConsultationRating, by caller: ConsultationCaller) async throws {
        let (consultation, party) = try await find(id, for: caller)
        guard case .asker = party else { throw AppError.forbidden }
        guard consultation.consultationState == .closed else {
            throw AppError(status: .conflict, code: "notClosed", message: "咨询结束后才能评价")
        }
        guard consultation.rating == nil else { throw AppError(status: .conflict, code: "alreadyRated", message: "您已评价过这次咨询，谢谢") }
        consultation.rating = rating.stars
        consultation.ratingComment = rating.comment
        try await consultation.save(on: db)
    }

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

    /// A call or a visit recorded by the staff member who took it (登记来电): stored already
    /// closed with its outcome, the question and the answer as its two messages.
    func logCall(_ input: CallLogInput, by account: AccountModel, desk: UUID) async throws -> ConsultationModel {
        guard let actor = account.actor, ConsultationWorkflow.servesDesk(actor) else { throw AppError.forbidden }
        let started = now.addingTimeInterval(-Double(input.minutes * 60))
        let record = ConsultationModel()
        record.id = UUID()
        record.channel = input.channel.rawValue
        record.topic = input.topic.rawValue
        record.state = ConsultationState.closed.rawValue
        record.version = 0
        record.deskID = desk
        record.askerName = input.name
        record.phone = input.phone?.value
        record.responsibleAccountID = account.id
        record.handledBy = [account.id!]
        record.queuedAt = started
        record.takenAt = started
        record.closedAt = now
        record.callbackAttempts = 0
        record.messageCount = 0
        record.outcome = input.outcome.code
        record.outcomeNote = input.note.isEmpty ? nil : input.note
        let draft: ApplicationModel? = if case .application = input.outcome, let point = input.communityPoint {
            try applications.newDraft(form: ApplicationPrefill.form(name: input.name, phone: input.phone?.value, topic: input.topic,
                                                                   askerSaid: [input.summary], staffNote: input.note),
                                      communityPointID: point, preReviewOrganisationID: nil, owner: nil, createdBy: account.id!,
                                      channel: "consultation", reference: try await services.referenceData(on: db))
        } else { nil }
        try await services.transaction(on: db) { tx in
            try await record.create(on: tx)
            try await Self.event(record, "logCall", from: "", actor: account, name: account.displayName,
                                 detail: "\(input.channel.chinese)，\(input.minutes)分钟，\(input.outcome.chinese)", at: self.now, on: tx)
            _ = try await Self.append(to: record.id!, author: .asker, account: nil, name: input.name, body: input.summary, at: started, on: tx)
            _ = try await Self.append(to: record.id!, author: .staff, account: account, name: account.displayName, body: input.answer, at: self.now, on: tx)
            if let draft { try await self.fileApplication(draft, from: record, by: account, on: tx) }
            if input.channel == .hotline {
                try await ConsultationNotices.carryOut([.askForRating], for: record, linkBase: self.services.settings.linkBase, on: tx)
            }
        }
        try await AuditLog.append(AuditRecord(account: account, event: "consultation.logCall", target: "consultation:\(record.id!)",
                                              clientAddress: clientAddress, detail: input.channel.chinese), at: now, on: db)
        await hub.publish(.changed(consultation: record.id!, desk: desk))
        return record
    }

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

    // MARK: Storage steps

    private func check(_ event: ConsultationEvent, _ consultation: ConsultationModel, _ party: ConsultationParty) throws {
        let desk = ConsultationWorkflow.Desk(onDuty: [], openChats: [:])
        _ = try ConsultationWorkflow.apply(event, to: consultation.snapshot, by: party, desk: desk, now: now, rules: rules).mapError(AppError.init).get()
    }

    private func author(of caller: ConsultationCaller, party: ConsultationParty,
                        consultation: ConsultationModel) -> (ConsultationMessageModel.Author, AccountModel?, String) {
        switch (caller, party) {
        case (.account(let account), .staff): (.staff, account, account.displayName)
        case (.account(let account), _): (.asker, account, consultation.askerName)
        case (.key, _): (.asker, nil, consultation.askerName)
        }
    }

    /// Takes the row for this step: refused if someone else changed it since it was read.
    static func claim(_ id: UUID, version: Int, on tx: Database) async throws {
        try await OptimisticLock.advance(ConsultationModel.schema, id: id, from: version, on: tx)
    }

    /// The next number in the conversation comes from the row itself, so two messages at once
    /// get two numbers and a reader never misses one.
    static func append(to id: UUID, author: ConsultationMessageModel.Author, account: AccountModel?, name: String, body: String,
                       at: Date, id messageID: UUID? = nil, attachment: UUID? = nil, on tx: Database) async throws -> ConsultationMessageModel {
        guard let sql = tx as? SQLDatabase,
              let seq = try await sql.raw("UPDATE consultations SET message_count = message_count + 1 WHERE id = \(bind: id) RETURNING message_count")
                .first()?.decode(column: "message_count", as: Int.self)
        else { throw AppError.notFound("咨询") }
        let message = ConsultationMessageModel()
        message.id = messageID ?? UUID()
        message.consultationID = id
        message.seq = seq
        message.author = author.rawValue
        message.authorAccountID = account?.id
        message.authorName = name
        message.body = body
        message.attachmentID = attachment
        message.at = at
        try await message.create(on: tx)
        return message
    }

    static func event(_ consultation: ConsultationModel, _ event: String, from: String, actor: AccountModel?, name: String, detail: String,
                      at: Date, on tx: Database) async throws {
        let entry = ConsultationEventModel()
        entry.consultationID = consultation.id!
        entry.event = event
        entry.fromState = from
        entry.toState = consultation.state
        entry.actorAccountID = actor?.id
        entry.actorName = actor?.displayName ?? name
        entry.detail = detail
        entry.at = at
        try await entry.create(on: tx)
    }

    static func messageText(_ text: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw AppError.invalid(field: "body", code: "required", "请输入消息内容") }
        guard trimmed.count <= 2000 else { throw AppError.invalid(field: "body", code: "tooLong", "一条消息不能超过2000字，请分几次发送") }
        return trimmed
    }

    private func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension AppError {
    init(_ error: ConsultationError) {
        let status: HTTPResponseStatus = switch error {
        case .notAllowed, .notResponsible: .forbidden
        case .handOverNeedsNote, .handOverToSelf, .recipientNotOnDuty: .unprocessableEntity
        default: .conflict
        }
        self.init(status: status, code: error.code, message: error.chinese, field: error.field,
                  fieldErrors: error.field.map { [FieldError(field: $0, code: error.code, message: error.chinese)] } ?? [])
    }
}
