import Fluent
import LegalAidCore
import SQLKit
import Vapor
import DeskCore

/// Messages and files in a conversation: stored once (a resend is the same message), announced after they are stored, a flood refused.
extension ConsultationService {
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
    func announce(_ message: ConsultationMessageModel, in id: UUID) async {
        if let shown = try? await ConsultationView.messages([message], links: .pages, on: db).first {
            await hub.publish(shown, in: id)
        } else {
            await hub.publish(.message(consultation: id, seq: message.seq))
        }
    }

    struct Sending {
        var resent: ConsultationMessageModel?
        var author: (ConsultationMessageModel.Author, AccountModel?, String)
    }

    /// What every message goes through: the caller may read and write here now, a resend of a
    /// message already stored is that message, and a flood from one client is refused.
    func prepareToSend(to id: UUID, by caller: ConsultationCaller, clientID: UUID?) async throws -> Sending {
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

}
