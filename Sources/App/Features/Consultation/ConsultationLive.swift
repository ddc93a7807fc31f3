import Fluent
import LegalAidCore
import NIOCore
import Vapor

/// The live side of the pages, over WebSocket. A conversation's socket is opened only after
/// the same check as its page; it then sends every stored message the client has not seen
/// (resuming after `?after=N`, so a reload or a new network loses and repeats nothing), and
/// again whenever the hub says the conversation changed. The client sends its messages here
/// too: each is stored before it is acknowledged (`ack` carries its number), and a resend with
/// the same `clientId` is stored once.
struct ConsultationLive: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.consultationLive(.key), use: conversation)
        routes.get(.deskLive, use: desk)
    }

    func conversation(req: Request) async throws -> Response {
        let id = try req.parameters.require("id", as: UUID.self)
        let caller = try ConsultationController.caller(req, for: id)
        let (_, party) = try await ConsultationService(req).find(id, for: caller)
        guard req.headers.connection?.value.lowercased().contains("upgrade") == true else {
            throw AppError(status: .badRequest, code: "webSocketOnly", message: "此地址仅供实时连接使用")
        }
        let after = Int(req.query[String.self, at: "after"] ?? "") ?? 0
        let side = if case .staff = party { "staff" } else { "asker" }
        let app = req.application
        let services = req.fayuan
        let address = req.clientAddress
        return req.webSocket(maxFrameSize: .init(integerLiteral: 64 * 1024), onUpgrade: { _, ws in
            let session = LiveConversation(id: id, caller: caller, side: side, lastSent: after, app: app, services: services, clientAddress: address, ws: ws)
            let subscription = app.consultationHub.subscribe(.consultation(id)) { signal in Task { await session.heard(signal) } }
            ws.onText { _, text in await session.received(text) }
            ws.onClose.whenComplete { _ in app.consultationHub.unsubscribe(subscription) }
            Task { await session.catchUp() }
        })
    }

    func desk(req: Request) async throws -> Response {
        let account = try ConsultationAPIController.requireDesk(req, orSupervisor: true)
        guard req.headers.connection?.value.lowercased().contains("upgrade") == true else {
            throw AppError(status: .badRequest, code: "webSocketOnly", message: "此地址仅供实时连接使用")
        }
        let desk = try ConsultationDesk.forStaff(account, try await req.referenceData())
        let hub = req.application.consultationHub
        return req.webSocket(onUpgrade: { _, ws in
            let subscription = hub.subscribe(.desk(desk.id)) { _ in ws.send(#"{"type":"desk"}"#) }
            ws.onClose.whenComplete { _ in hub.unsubscribe(subscription) }
        })
    }
}

/// One open conversation socket: sends what is new, in order, once.
actor LiveConversation {
    let id: UUID
    let caller: ConsultationCaller
    let side: String
    var lastSent: Int
    let app: Application
    let services: FayuanServices
    let clientAddress: String
    let ws: WebSocket
    var lastState = ""
    /// A client sending faster than this is refused (a person types far slower).
    var recent: [Date] = []

    init(id: UUID, caller: ConsultationCaller, side: String, lastSent: Int, app: Application, services: FayuanServices, clientAddress: String, ws: WebSocket) {
        self.id = id
        self.caller = caller
        self.side = side
        self.lastSent = lastSent
        self.app = app
        self.services = services
        self.clientAddress = clientAddress
        self.ws = ws
    }

    private var service: ConsultationService {
        ConsultationService(db: app.db, services: services, hub: app.consultationHub, now: services.clock.now())
    }

    func heard(_ signal: ConsultationHub.Signal) async {
        switch signal {
        case .typing(_, let who) where who != side:
            send(["type": "typing", "who": who])
        case .read(_, let who, let seq) where who != side:
            send(["type": "read", "who": who, "seq": seq])
        case .message(_, let seq) where seq == lastSent + 1:
            // The next message, carried by the hub when it was stored here: sent as it is.
            if let message = app.consultationHub.stored(id, seq: seq) {
                lastSent = seq
                send(["type": "update", "messages": [Self.frame(message)]])
            } else {
                await catchUp()
            }
        case .message, .changed:
            await catchUp()
        default:
            break
        }
    }

    /// Sends every message after the last one sent, and the state when it changed.
    func catchUp() async {
        do {
            let (consultation, party) = try await service.find(id, for: caller)
            let messages = try await service.messages(of: id, after: lastSent)
            var update: [String: Any] = ["type": "update"]
            if !messages.isEmpty {
                update["messages"] = try await ConsultationView.messages(messages, links: .pages, on: service.db).map(Self.frame)
                lastSent = messages.last!.seq
            }
            if consultation.state != lastState {
                lastState = consultation.state
                update["state"] = consultation.state
                update["stateLabel"] = consultation.consultationState.chinese
            }
            if consultation.consultationState == .waiting {
                let waiting = try await service.waiting(at: consultation.deskID).map { WaitingRequest(id: $0.id!, queuedAt: $0.queuedAt) }
                let duty = try await service.dutyMembers(consultation.deskID)
                update["queueText"] = DeskQueue.position(of: id, waiting: waiting, duty: duty, rules: services.settings.deskRules, averageChat: nil)?
                    .chinese(escalateAfter: services.settings.deskRules.escalateAfter)
            }
            _ = party
            if update.count > 1 { send(update) }
        } catch {
            send(["type": "error", "code": "gone", "message": "这条咨询已无法查看"])
            try? await ws.close(code: .policyViolation)
        }
    }

    /// One message as the page's script shows it.
    static func frame(_ m: API.ConsultationMessage) -> [String: Any] {
        var frame: [String: Any] = ["id": m.id.uuidString, "seq": m.seq, "author": m.author, "authorName": m.authorName, "body": m.body,
                                    "at": ISO8601DateFormatter().string(from: m.at), "clock": TimeText.clock(m.at)]
        if let file = m.file {
            frame["file"] = ["name": file.name, "url": file.url, "image": file.contentType.hasPrefix("image/"), "size": ConversationPage.size(file.size)]
        }
        return frame
    }

    func received(_ text: String) async {
        guard let data = text.data(using: .utf8), let frame = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let type = frame["type"] as? String
        else { return send(["type": "error", "code": "badFrame", "message": "无法识别的消息格式"]) }
        switch type {
        case "message":
            let clientID = (frame["clientId"] as? String).flatMap(UUID.init(uuidString:))
            let now = Date()
            recent = recent.filter { now.timeIntervalSince($0) < 10 } + [now]
            if recent.count > 10 {
                return send(["type": "error", "code": "tooManyMessages", "message": "消息发送过于频繁，请稍后再试", "clientId": clientID?.uuidString ?? ""])
            }
            do {
                let message = try await service.post(frame["body"] as? String ?? "", to: id, by: caller, clientID: clientID)
                send(["type": "ack", "clientId": clientID?.uuidString ?? "", "seq": message.seq, "id": message.id!.uuidString])
            } catch let error as AppError {
                send(["type": "error", "code": error.code, "message": error.message, "field": error.field ?? "", "clientId": clientID?.uuidString ?? ""])
            } catch {
                send(["type": "error", "code": "notStored", "message": "消息未能发送，请重试", "clientId": clientID?.uuidString ?? ""])
            }
        case "typing":
            await app.consultationHub.publish(.typing(consultation: id, who: side))
        case "read":
            if let seq = frame["seq"] as? Int { await app.consultationHub.publish(.read(consultation: id, who: side, seq: seq)) }
        default:
            send(["type": "error", "code": "badFrame", "message": "无法识别的消息类型"])
        }
    }

    private func send(_ object: [String: Any]) {
        guard let data = try? JSONSerialization.data(withJSONObject: object), let text = String(data: data, encoding: .utf8) else { return }
        ws.send(text)
    }
}
