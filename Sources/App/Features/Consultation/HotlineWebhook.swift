import Crypto
import Fluent
import LegalAidCore
import Vapor
import DeskCore

/// `POST /api/v1/hotline/events`: the 12348 PBX reports calls, so they appear on the desk
/// without typing (README: "12348 PBX webhook"). Each request carries
/// `X-Fayuan-Timestamp` (Unix seconds) and
/// `X-Fayuan-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + raw body)>`.
/// A wrong signature is refused (401), a timestamp more than five minutes away (401), an
/// event id seen before (409); nothing is stored for any of them.
struct HotlineWebhook: RouteCollection {
    static let freshness = WebhookFreshness(window: 300)

    func boot(routes: RoutesBuilder) throws {
        routes.on(.POST, .api(.hotlineEvents), body: .collect(maxSize: "64kb"), use: receive)
    }

    struct CallEvent: Content {
        var eventId: String?
        var callId: String?
        var type: String?
        /// The caller's number as the PBX saw it.
        var caller: String?
        /// The answering agent's username on the platform.
        var agent: String?
        var durationSeconds: Int?
        /// Where the PBX keeps the voicemail recording.
        var recording: String?
    }

    struct Accepted: Content {
        var consultationID: UUID?
        var state: String?
    }

    func receive(req: Request) async throws -> Response {
        guard let secret = req.fayuan.settings.pbxSecret else {
            throw AppError(status: .serviceUnavailable, code: "webhookNotConfigured", message: "未配置热线系统对接密钥（FAYUAN_PBX_SECRET）")
        }
        let body = req.body.data.map { Data(buffer: $0) } ?? Data()
        guard let stamp = req.headers.first(name: "X-Fayuan-Timestamp").flatMap(TimeInterval.init),
              let signature = req.headers.first(name: "X-Fayuan-Signature"),
              Self.verify(signature: signature, timestamp: req.headers.first(name: "X-Fayuan-Timestamp")!, body: body, secret: secret)
        else { throw AppError(status: .unauthorized, code: "badSignature", message: "签名无效") }
        let event = try req.content.decode(CallEvent.self)
        guard let eventID = event.eventId, !eventID.isEmpty, eventID.count <= 100 else {
            throw AppError.invalid(field: "eventId", code: "required", "缺少事件编号 eventId")
        }
        let seen = try await WebhookReceiptModel.query(on: req.db).filter(\.$eventID == eventID).count() > 0
        switch Self.freshness.check(timestamp: Date(timeIntervalSince1970: stamp), now: req.now, alreadySeen: seen) {
        case .stale: throw AppError(status: .unauthorized, code: "staleTimestamp", message: "时间戳超出允许范围（±5分钟）")
        case .replayed: throw AppError(status: .conflict, code: "replayed", message: "该事件已处理过")
        case .fresh: break
        }
        guard let kind = event.type.flatMap(CallEventKind.init(rawValue:)) else {
            throw AppError.invalid(field: "type", code: "invalidChoice", "type 应为 ringing、answered、ended、missed 或 voicemail")
        }
        guard let callID = event.callId, !callID.isEmpty, callID.count <= 100 else { throw AppError.invalid(field: "callId", code: "required", "缺少通话编号 callId") }
        let phone = event.caller.flatMap(MobileNumber.parse)
        let record = try await HotlineCalls(req).take(kind, callID: callID, eventID: eventID, phone: phone, agent: event.agent,
                                                       duration: event.durationSeconds, recording: event.recording)
        return try await Accepted(consultationID: record?.id, state: record?.state).encodeResponse(status: .accepted, for: req)
    }

    static func signature(timestamp: String, body: Data, secret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data((timestamp + ".").utf8) + body, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + mac.hexEncoded
    }

    static func verify(signature: String, timestamp: String, body: Data, secret: String) -> Bool {
        let expected = Array(Self.signature(timestamp: timestamp, body: body, secret: secret).utf8)
        let given = Array(signature.utf8)
        guard expected.count == given.count else { return false }
        return zip(expected, given).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// The call records a PBX keeps up to date, one consultation per call.
struct HotlineCalls {
    let req: Request
    init(_ req: Request) { self.req = req }

    func take(_ kind: CallEventKind, callID: String, eventID: String, phone: MobileNumber?, agent: String?, duration: Int?,
              recording: String?) async throws -> ConsultationModel? {
        let reference = try await req.referenceData()
        let desk = try ConsultationDesk.forCitizens(reference)
        let agentAccount = try await agent.asyncFlatMap { try await AccountModel.query(on: req.db).filter(\.$username == $0).first() }
        let now = req.now
        let services = req.fayuan
        let result = try await services.transaction(on: req.db) { tx -> ConsultationModel? in
            let receipt = WebhookReceiptModel()
            receipt.eventID = eventID
            receipt.receivedAt = now
            try await receipt.create(on: tx) // unique: a replay racing this one fails here
            let existing = try await ConsultationModel.query(on: tx).filter(\.$callID == callID).first()
            let from = existing?.consultationState
            let record = existing ?? Self.newCall(callID: callID, phone: phone, desk: desk.id, at: now)
            if existing == nil { try await record.create(on: tx) }
            var detail = kind.chinese
            if let duration { detail += "，通话\(duration)秒" }
            if let recording { detail += "，录音：\(recording)" }
            if let next = HotlineCallRule.next(kind, current: from) {
                if existing != nil { try await ConsultationService.claim(record.id!, version: record.version, on: tx); record.version += 1 }
                record.state = next.rawValue
                if next == .active, let agentAccount {
                    record.responsibleAccountID = agentAccount.id
                    record.handledBy = record.handledBy.union([agentAccount.id!])
                    record.takenAt = now
                }
                try await record.save(on: tx)
            }
            try await ConsultationService.event(record, kind.rawValue, from: from?.rawValue ?? "", actor: agentAccount, name: "12348热线系统",
                                                detail: detail, at: now, on: tx)
            if kind == .voicemail {
                _ = try await ConsultationService.append(to: record.id!, author: .system, account: nil, name: "12348热线系统",
                                                         body: "来电留言录音：\(recording ?? "（未提供）")，请回电。", at: now, on: tx)
            }
            return record
        }
        if let result { await req.application.consultationHub.publish(.changed(consultation: result.id!, desk: result.deskID)) }
        return result
    }

    static func newCall(callID: String, phone: MobileNumber?, desk: UUID, at now: Date) -> ConsultationModel {
        let record = ConsultationModel()
        record.id = UUID()
        record.channel = ConsultationChannel.hotline.rawValue
        record.topic = ConsultationTopic.other.rawValue
        record.state = ConsultationState.waiting.rawValue
        record.version = 0
        record.deskID = desk
        record.askerName = phone.map { "来电 尾号\($0.value.suffix(4))" } ?? "来电（未显示号码）"
        record.phone = phone?.value
        record.handledByText = ""
        record.queuedAt = now
        record.callbackAttempts = 0
        record.messageCount = 0
        record.callID = callID
        return record
    }
}

extension CallEventKind {
    var chinese: String {
        switch self {
        case .ringing: "来电振铃"
        case .answered: "已接听"
        case .ended: "通话结束"
        case .missed: "未接来电"
        case .voicemail: "来电留言"
        }
    }
}

extension Optional {
    func asyncFlatMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
