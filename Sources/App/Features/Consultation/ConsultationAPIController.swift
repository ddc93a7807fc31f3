import Fluent
import LegalAidCore
import Vapor
import DeskCore

/// The consultation desk's JSON API (an app or WeChat mini-program is the other client): start
/// a consultation, read and write its messages, every staff step, the desk and the duty roster.
struct ConsultationAPIController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        let api = routes.grouped(BearerAccountAuthenticator(), IdempotencyKeys(), ConsultationKeyRefusal())
        api.post(.api(.consultations), use: start)
        api.post(.api(.consultationPhoneCode), use: phoneCode)
        api.get(.api(.consultations), use: list)
        api.get(.api(.consultation(.key)), use: show)
        api.post(.api(.consultationMessages(.key)), use: post)
        api.on(.POST, .api(.consultationFiles(.key)), body: .collect(maxSize: "12mb"), use: postFile)
        api.get(.api(.consultationFile(.key, .key)), use: file)
        for step in ConsultationStep.allCases {
            api.post(.api(.consultationStep(.key, step)), use: { req in try await self.step(step, req: req) })
        }
        api.get(.api(.desk), use: desk)
        api.post(.api(.deskDuty), use: duty)
        api.post(.api(.deskNext), use: next)
        api.post(.api(.deskCalls), use: logCall)
    }

    static func caller(_ req: Request) throws -> ConsultationCaller {
        if let account = req.auth.get(AccountModel.self) { return .account(account) }
        if let key = req.headers.first(name: "X-Consultation-Key"), !key.isEmpty { return .key(key) }
        throw AppError.unauthenticated
    }

    func start(req: Request) async throws -> Response {
        let input = try req.content.decode(API.ConsultationRequest.self)
        let account = req.auth.get(AccountModel.self)
        if let account, !account.isCitizen { throw AppError(status: .forbidden, code: "staffCannotAsk", message: "工作人员请在服务台登记来电或窗口咨询") }
        let reference = try await req.referenceData()
        let desk = try ConsultationDesk.forCitizens(reference)
        let parsed = try ConsultationRequestInput.parse(channel: input.channel, topic: input.topic, question: input.question, name: input.name,
                                                        phone: input.phone, phoneRequired: account == nil)
            .mapError { AppError.invalid($0.errors) }.get()
        if parsed.channel == .live, case .closed = ConsultationDesk.availability(desk, reference, settings: req.fayuan.settings, now: req.now) {
            throw AppError(status: .conflict, code: "deskClosed",
                           message: ConsultationDesk.availability(desk, reference, settings: req.fayuan.settings, now: req.now).chinese, field: "channel")
        }
        if account == nil, let phone = parsed.phone {
            try await PhoneCodes(req).confirm(phone, code: input.phoneCode, for: .consultation)
        }
        let started = try await ConsultationService(req).start(parsed, asker: account, desk: desk.id)
        let detail = try await ConsultationView(req).detail(started.consultation, party: .asker, after: 0)
        return try await API.ConsultationCreated(consultation: detail, askerKey: started.askerKey).encodeResponse(status: .created, for: req)
    }

    /// `POST /api/v1/consultations/phone-code`: an anonymous asker's number is confirmed by a
    /// 6-digit code sent to it, typed into `phoneCode` when the consultation starts.
    func phoneCode(req: Request) async throws -> Response {
        let input = try req.content.decode(API.PhoneCodeRequest.self)
        let raw = (input.phone ?? "").trimmingCharacters(in: .whitespaces)
        guard !raw.isEmpty else { throw AppError.invalid(field: "phone", code: "required", "请填写手机号") }
        guard let phone = MobileNumber.parse(raw) else { throw AppError.invalid(field: "phone", code: "invalidPhone", "手机号应为11位数字，以1开头") }
        try await PhoneCodes(req).send(to: phone, for: .consultation, clientAddress: req.clientAddress)
        return try await API.PhoneCodeSent(sentTo: "尾号\(phone.lastFour)", validForSeconds: Int(PhoneCodes.validFor))
            .encodeResponse(status: .accepted, for: req)
    }

    func list(req: Request) async throws -> PagedJSON<API.ConsultationSummary> {
        let account = try req.requireAccount()
        let page = try ListPage.from(req)
        let query = ConsultationModel.query(on: req.db)
        if account.isCitizen {
            query.filter(\.$askerAccountID == account.id!)
        } else {
            guard let actor = account.actor, ConsultationWorkflow.servesDesk(actor) || actor.has(.supervisor) else { throw AppError.forbidden }
            let desk = try ConsultationDesk.forStaff(account, try await req.referenceData())
            query.filter(\.$deskID == desk.id)
            if !actor.has(.supervisor) {
                // Their own, and what waits for anyone at the desk.
                query.group(.or) { either in
                    either.filter(\.$responsibleAccountID == account.id!)
                    either.filter(\.$handledByText ~~ account.id!.uuidString)
                    either.group(.and) { open in
                        open.filter(\.$responsibleAccountID == nil)
                        open.filter(\.$state ~~ [ConsultationState.waiting, .callback, .awaitingReply].map(\.rawValue))
                    }
                }
            }
        }
        if let state = req.query[String.self, at: "state"] {
            guard ConsultationState(rawValue: state) != nil else { throw AppError.invalid(field: "state", code: "invalidChoice", "未知的咨询状态：\(state)") }
            query.filter(\.$state == state)
        }
        let rows = try await query.sort(\.$queuedAt, .descending).paged(page)
        let view = ConsultationView(req)
        return PagedJSON(Paged(items: rows.items.map(view.summary), page: rows.page, total: rows.total))
    }

    func show(req: Request) async throws -> API.ConsultationDetail {
        let id = try req.parameters.id()
        let after = try Self.after(req)
        let (consultation, party) = try await ConsultationService(req).find(id, for: try Self.caller(req))
        if case .staff = party { try await req.audit("consultation.view", target: "consultation:\(id)") }
        return try await ConsultationView(req).detail(consultation, party: party, after: after)
    }

    func post(req: Request) async throws -> Response {
        let id = try req.parameters.id()
        let caller = try Self.caller(req)
        let input = try req.content.decode(API.MessageRequest.self)
        let message = try await ConsultationService(req).post(input.body ?? "", to: id, by: caller, clientID: input.clientId)
        return try await ConsultationView.messages([message], links: .api, on: req.db)[0].encodeResponse(status: .created, for: req)
    }

    /// `POST /api/v1/consultations/{id}/files`: an image or PDF sent as `multipart/form-data`
    /// (`file`, optional `clientId`), checked by its content before anything is stored.
    func postFile(req: Request) async throws -> Response {
        let id = try req.parameters.id()
        let caller = try Self.caller(req)
        let message = try await ConsultationFileUpload.receive(req, to: id, by: caller)
        return try await ConsultationView.messages([message], links: .api, on: req.db)[0].encodeResponse(status: .created, for: req)
    }

    func file(req: Request) async throws -> Response {
        try await ConsultationFileUpload.send(req, caller: try Self.caller(req))
    }

    func step(_ step: ConsultationStep, req: Request) async throws -> API.ConsultationDetail {
        let id = try req.parameters.id()
        let caller = try Self.caller(req)
        let service = ConsultationService(req)
        // Who may take this step at all is settled before the input is read.
        let (_, party) = try await service.find(id, for: caller)
        try Self.require(step, party: party)
        // Taking a request carries nothing: a step may come without a body.
        let input = req.body.data == nil ? API.ConsultationStepRequest() : try req.content.decode(API.ConsultationStepRequest.self)
        if step == .rate {
            let rating = try ConsultationRating.parse(stars: input.stars, comment: input.comment).mapError { AppError.invalid([$0]) }.get()
            try await service.rate(id, rating, by: caller)
        } else {
            let request = try ConsultationStepInput.event(for: step, to: input.to, note: input.note, outcome: input.outcome, consent: input.consent,
                                                          communityPoint: input.communityPointID, reply: input.reply, result: input.result)
            try await service.act(request.event, on: id, by: caller, detail: request.detail, reply: request.reply, outcomeNote: request.note,
                                  applicationPoint: request.communityPoint)
        }
        let (consultation, viewer) = try await service.find(id, for: caller)
        return try await ConsultationView(req).detail(consultation, party: viewer, after: 0)
    }

    func desk(req: Request) async throws -> API.DeskState {
        let account = try Self.requireDesk(req, orSupervisor: true)
        return try await ConsultationView(req).desk(for: account)
    }

    func duty(req: Request) async throws -> API.DeskState {
        let account = try Self.requireDesk(req)
        let input = try req.content.decode(API.DutyRequest.self)
        guard let onDuty = input.onDuty else { throw AppError.invalid(field: "onDuty", code: "required", "请说明开始值班（true）还是结束值班（false）") }
        let desk = try ConsultationDesk.forStaff(account, try await req.referenceData())
        let service = ConsultationService(req)
        if onDuty { try await service.goOnDuty(account, desk: desk.id) } else { try await service.goOffDuty(account, desk: desk.id) }
        return try await ConsultationView(req).desk(for: account)
    }

    func next(req: Request) async throws -> Response {
        let account = try Self.requireDesk(req)
        let desk = try ConsultationDesk.forStaff(account, try await req.referenceData())
        guard let taken = try await ConsultationService(req).takeNext(account, desk: desk.id) else {
            throw AppError(status: .notFound, code: "queueEmpty", message: "当前没有等待接入的咨询")
        }
        let (consultation, party) = try await ConsultationService(req).find(taken.id!, for: .account(account))
        return try await ConsultationView(req).detail(consultation, party: party, after: 0).encodeResponse(for: req)
    }

    /// `POST /api/v1/desk/calls`: a call or a visit recorded by hand (登记来电).
    func logCall(req: Request) async throws -> Response {
        let account = try Self.requireDesk(req)
        let body = try req.content.decode(API.CallLogRequest.self)
        let input = try CallLogInput.parse(channel: body.channel, phone: body.phone, name: body.name, topic: body.topic, summary: body.summary,
                                           answer: body.answer, minutes: body.minutes.map(String.init), outcome: body.outcome, note: body.note,
                                           consent: body.consent ?? false, communityPoint: body.communityPointID?.uuidString).mapError { AppError.invalid($0.errors) }.get()
        let desk = try ConsultationDesk.forStaff(account, try await req.referenceData())
        let record = try await ConsultationService(req).logCall(input, by: account, desk: desk.id)
        return try await ConsultationView(req).summary(record).encodeResponse(status: .created, for: req)
    }

    /// Someone who serves the desk (or, to watch it, a supervisor).
    static func requireDesk(_ req: Request, orSupervisor: Bool = false) throws -> AccountModel {
        let account = try req.requireStaff()
        guard mayUseDesk(account, orSupervisor: orSupervisor) else { throw AppError.forbidden }
        return account
    }

    /// Staff who serve at the desk (and, where asked, the supervisor watching it).
    static func mayUseDesk(_ account: AccountModel, orSupervisor: Bool) -> Bool {
        guard let actor = account.actor, !account.isCitizen else { return false }
        return ConsultationWorkflow.servesDesk(actor) || (orSupervisor && actor.has(.supervisor))
    }

    /// The asker withdraws and rates; the desk takes every other step.
    static func require(_ step: ConsultationStep, party: ConsultationParty) throws {
        switch (step, party) {
        case (.withdraw, .asker), (.rate, .asker): return
        case (.withdraw, _), (.rate, _): throw AppError.forbidden
        case (_, .staff(let actor)) where ConsultationWorkflow.servesDesk(actor): return
        default: throw AppError.forbidden
        }
    }

    static func after(_ req: Request) throws -> Int {
        guard let raw = req.query[String.self, at: "after"] else { return 0 }
        guard let value = Int(raw), value >= 0 else { throw AppError.invalid(field: "after", code: "notANumber", "“after”须为非负整数（已收到的最后一条消息序号）") }
        return value
    }
}

/// A step's input, checked and turned into the rules' event (pages and API alike).
struct ConsultationStepInput {
    var event: ConsultationEvent
    var detail: String
    var reply: String?
    var note: String?
    /// For an application: the community point whose workstation will pre-review it.
    var communityPoint: UUID?

    static func event(for step: ConsultationStep, to: UUID?, note: String?, outcome: String?, consent: Bool?, communityPoint: UUID? = nil,
                      reply: String?, result: String?) throws -> ConsultationStepInput {
        let note = (note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        switch step {
        case .take: return ConsultationStepInput(event: .take, detail: "")
        case .withdraw: return ConsultationStepInput(event: .withdraw, detail: "咨询人离开")
        case .handOver:
            guard let to else { throw AppError.invalid(field: "to", code: "required", "请选择接手的同事") }
            return ConsultationStepInput(event: .handOver(to: to, note: note), detail: "转交：\(note)")
        case .close:
            let parsed = try ConsultationOutcome.parse(code: outcome ?? "", note: note, consent: consent ?? false).mapError { AppError.invalid([$0]) }.get()
            if case .application = parsed, communityPoint == nil { throw ConsultationStepInput.pointRequired }
            return ConsultationStepInput(event: .close(parsed), detail: parsed.chinese + (note.isEmpty ? "" : "：\(note)"), note: note.isEmpty ? nil : note,
                                         communityPoint: communityPoint)
        case .reply:
            let text = (reply ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard text.count >= 5 else { throw AppError.invalid(field: "reply", code: "tooShort", "请写出答复内容（至少5个字）") }
            return ConsultationStepInput(event: .reply, detail: "书面答复", reply: text)
        case .callback:
            guard let result = result.flatMap(CallbackResult.init(rawValue:)) else {
                throw AppError.invalid(field: "result", code: "invalidChoice", "请选择回电结果")
            }
            return ConsultationStepInput(event: .callbackAttempt(result, note: note), detail: result.chinese + (note.isEmpty ? "" : "：\(note)"))
        case .rate:
            throw AppError.invalid(field: "step", code: "invalidChoice", "评价不是办理步骤")
        }
    }

    static let pointRequired = AppError.invalid(field: "communityPointID", code: "required", "请选择咨询人所在的社区（村），申请将由该社区所属的工作站初审")
}

/// An anonymous asker's `X-Consultation-Key` that opens nothing is a failed credential: 401
/// `invalidConsultationKey`, the same whether the conversation exists or not (so the answer
/// reveals nothing). Pages keep answering "not found" for a key in a session.
struct ConsultationKeyRefusal: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let error as AppError where error.status == .notFound {
            guard request.auth.get(AccountModel.self) == nil, request.headers.first(name: "X-Consultation-Key")?.isEmpty == false else { throw error }
            var refused = AppError(status: .unauthorized, code: "invalidConsultationKey", message: "咨询凭证无效或已失效，请重新打开短信中的链接")
            refused.deniedTarget = error.deniedTarget
            throw refused
        }
    }
}
