import Fluent
import LegalAidCore
import NIOCore
import Vapor
import DeskCore

/// The live side of the pages, over WebSocket. A conversation's socket is opened only after
/// the same check as its page; it then sends every stored message the client has not seen
/// (resuming after `?after=N`, so a reload or a new network loses and repeats nothing), and
/// again whenever the hub says the conversation changed. The client sends its messages here
/// too: each is stored before it is acknowledged (`ack` carries its number), and a resend with
/// the same `clientId` is stored once.
///
/// A browser's socket must come from one of this site's pages (`SocketOrigin`). While a socket
/// is open, the caller's standing is checked again before anything is sent or stored
/// (`LiveConversation.stillAllowed`): at once when this instance hears the account changed,
/// otherwise when the last check is older than `recheckAfter`. A socket whose caller was signed
/// out, locked, lost the role or lost access to the conversation is closed.
struct ConsultationLive: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.consultationLive(.key), use: conversation)
        routes.get(.deskLive, use: desk)
    }

    func conversation(req: Request) async throws -> Response {
        let id = try req.parameters.id()
        try SocketOrigin.check(req)
        let caller = try ConsultationController.caller(req, for: id)
        let credential = SocketCredential(req)
        if credential.accountID != nil, case .revoked = try await credential.standing(on: req.db, now: req.now) { throw AppError.notFound("咨询") }
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
            let session = LiveConversation(id: id, caller: caller, credential: credential, side: side, lastSent: after, app: app, services: services,
                                           clientAddress: address, ws: ws)
            let subscription = app.consultationHub.subscribe(.consultation(id)) { signal in Task { await session.heard(signal) } }
            let watch = credential.accountID.map { services.accountWatch.watch($0) { Task { await session.accountChanged() } } }
            ws.pingInterval = .seconds(30)
            // Frames are handled one at a time, in the order they arrived: the framework's async
            // callback starts a task per frame, and tasks need not start in order, so two quick
            // messages could be stored (and one refused as a flood) out of the order they were sent.
            let (frames, arriving) = AsyncStream<String>.makeStream()
            ws.onText { (_: WebSocket, text: String) -> Void in arriving.yield(text) }
            Task { for await text in frames { await session.received(text) } }
            ws.onClose.whenComplete { _ in
                arriving.finish()
                app.consultationHub.unsubscribe(subscription)
                if let watch { services.accountWatch.stop(watch) }
            }
            Task { await session.catchUp() }
        })
    }

    func desk(req: Request) async throws -> Response {
        try SocketOrigin.check(req)
        let account = try ConsultationAPIController.requireDesk(req, orSupervisor: true)
        guard req.headers.connection?.value.lowercased().contains("upgrade") == true else {
            throw AppError(status: .badRequest, code: "webSocketOnly", message: "此地址仅供实时连接使用")
        }
        let desk = try ConsultationDesk.forStaff(account, try await req.referenceData())
        let hub = req.application.consultationHub
        let services = req.fayuan, db = req.db
        let credential = SocketCredential(req)
        return req.webSocket(onUpgrade: { _, ws in
            // The desk's socket carries only "the queue changed" (the page then reads through
            // its own checks); it still closes once its account is signed out or loses the desk.
            let subscription = hub.subscribe(.desk(desk.id)) { _ in ws.send(#"{"type":"desk"}"#) }
            let watch = services.accountWatch.watch(account.id!) {
                Task {
                    guard case .account(let current)? = try? await credential.standing(on: db, now: services.clock.now()),
                          ConsultationAPIController.mayUseDesk(current, orSupervisor: true)
                    else { try? await ws.close(code: .policyViolation); return }
                }
            }
            ws.onClose.whenComplete { _ in
                hub.unsubscribe(subscription)
                services.accountWatch.stop(watch)
            }
        })
    }
}

/// One open conversation socket: sends what is new, in order, once.
actor LiveConversation {
    let id: UUID
    var caller: ConsultationCaller
    let credential: SocketCredential
    let side: String
    var lastSent: Int
    let app: Application
    let services: FayuanServices
    let clientAddress: String
    let ws: WebSocket
    var lastState = ""
    /// A client sending faster than this is refused (a person types far slower).
    var recent: [Date] = []
    /// When the caller's standing was last read from the database (the upgrade itself checked it).
    var checkedAt = Date()
    var closed = false
    /// Frames not yet written out: a socket too far behind is closed, not fed without bound.
    let backlog = SendBacklog()
    /// How stale a check may be before anything more is sent or stored on this socket.
    static let recheckAfter: TimeInterval = 5
    /// A person types far slower than this: more messages than `floodLimit` within `floodWindow`
    /// seconds are refused (and the page puts the text back).
    static let floodLimit = 10
    static let floodWindow: TimeInterval = 10

    init(id: UUID, caller: ConsultationCaller, credential: SocketCredential, side: String, lastSent: Int, app: Application, services: FayuanServices,
         clientAddress: String, ws: WebSocket) {
        self.id = id
        self.caller = caller
        self.credential = credential
        self.side = side
        self.lastSent = lastSent
        self.app = app
        self.services = services
        self.clientAddress = clientAddress
        self.ws = ws
    }

    private var service: ConsultationService {
        ConsultationService(scope: ServiceScope(db: app.db, services: services, now: services.clock.now()), hub: app.consultationHub)
    }

    /// Whether the caller may still use this socket: read again when the last check is stale (or
    /// this instance heard the account change); closes the socket when not.
    func stillAllowed() async -> Bool {
        if closed { return false }
        if Date().timeIntervalSince(checkedAt) < Self.recheckAfter { return true }
        do {
            switch try await credential.standing(on: app.db, now: services.clock.now()) {
            case .revoked:
                return await close(reason: "您已退出登录或账号已变更，实时连接已断开，请重新登录。")
            case .account(let account):
                caller = .account(account)
            case .anonymous:
                break
            }
            _ = try await service.find(id, for: caller)
            checkedAt = Date()
            return true
        } catch {
            return await close(reason: "这条咨询已无法查看")
        }
    }

    func accountChanged() async {
        checkedAt = .distantPast
        _ = await stillAllowed()
    }

    private func close(reason: String) async -> Bool {
        if !closed {
            send(["type": "error", "code": "gone", "message": reason])
            closed = true
            try? await ws.close(code: .policyViolation)
        }
        return false
    }

    func heard(_ signal: ConsultationHub.Signal) async {
        guard await stillAllowed() else { return }
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
        guard await stillAllowed() else { return }
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
            _ = await close(reason: "这条咨询已无法查看")
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
        guard await stillAllowed() else { return }
        switch type {
        case "message":
            let clientID = (frame["clientId"] as? String).flatMap(UUID.init(uuidString:))
            // Ids go back as the page wrote them (lower case); the page compares them as such.
            let echoed = clientID?.uuidString.lowercased() ?? ""
            let now = Date()
            recent = recent.filter { now.timeIntervalSince($0) < Self.floodWindow }
            if recent.count >= Self.floodLimit {
                let wait = max(1, Int((Self.floodWindow - now.timeIntervalSince(recent[0])).rounded(.up)))
                return send(["type": "error", "code": "tooManyMessages", "message": "消息发送过于频繁，这条消息未发送，已放回输入框，请\(wait)秒后再发。",
                             "retryAfter": wait, "clientId": echoed])
            }
            recent.append(now)
            do {
                let message = try await service.post(frame["body"] as? String ?? "", to: id, by: caller, clientID: clientID)
                send(["type": "ack", "clientId": echoed, "seq": message.seq, "id": message.id!.uuidString])
            } catch let error as AppError {
                var frame: [String: Any] = ["type": "error", "code": error.code, "message": error.message, "field": error.field ?? "", "clientId": echoed]
                if let wait = error.retryAfter { frame["retryAfter"] = wait }
                send(frame)
            } catch {
                send(["type": "error", "code": "notStored", "message": "消息未能发送，请重试", "clientId": echoed])
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
        guard !closed, let data = try? JSONSerialization.data(withJSONObject: object), let text = String(data: data, encoding: .utf8) else { return }
        guard backlog.admit() else {
            // The client reads far slower than it is written to: closed with a code of its own; it
            // comes back with `?after=` the last number it shows and gets the rest then.
            closed = true
            ws.close(code: .unknown(SendBacklog.closeCode), promise: nil)
            return
        }
        let written = ws.eventLoop.makePromise(of: Void.self)
        let backlog = self.backlog
        written.futureResult.whenComplete { _ in backlog.written() }
        ws.send(text, promise: written)
    }
}
