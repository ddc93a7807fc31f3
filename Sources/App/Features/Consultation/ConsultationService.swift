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
struct ConsultationService: ServiceScoped {
    let scope: ServiceScope
    let hub: ConsultationHub

    init(scope: ServiceScope, hub: ConsultationHub) {
        self.scope = scope
        self.hub = hub
    }

    init(_ req: Request) {
        self.init(scope: ServiceScope(req), hub: req.application.consultationHub)
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
            guard let hash = consultation.askerKeyHash, ConstantTime.equal(hash, TokenHash.of(key)) else {
                throw AppError.refused("咨询", target: "consultation:\(consultation.id!)")
            }
            return .asker
        case .account(let account):
            if let asker = consultation.askerAccountID, asker == account.id { return .asker }
            guard let actor = account.actor, !account.isCitizen else { throw AppError.refused("咨询", target: "consultation:\(consultation.id!)") }
            return .staff(actor)
        }
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

    // MARK: Storage steps

    func check(_ event: ConsultationEvent, _ consultation: ConsultationModel, _ party: ConsultationParty) throws {
        let desk = ConsultationWorkflow.Desk(onDuty: [], openChats: [:])
        _ = try ConsultationWorkflow.apply(event, to: consultation.snapshot, by: party, desk: desk, now: now, rules: rules).mapError(AppError.init).get()
    }

    func author(of caller: ConsultationCaller, party: ConsultationParty,
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
