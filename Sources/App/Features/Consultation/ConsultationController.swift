import Fluent
import LegalAidCore
import Vapor
import DeskCore

/// The consultation pages: asking (citizens, signed in or not), the conversation (both sides),
/// and the staff's desk. Every form works without JavaScript; `ConsultationLive` adds the
/// live updates.
struct ConsultationController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.consult, use: start)
        routes.post(.consult, use: create)
        routes.get(.consultation(.key), use: show)
        routes.post(.consultationMessages(.key), use: send)
        routes.on(.POST, .consultationFiles(.key), body: .collect(maxSize: "12mb"), use: sendFile)
        routes.get(.consultationFile(.key, .key), use: file)
        for step in ConsultationStep.allCases {
            routes.post(.consultationStep(.key, step), use: { req in try await self.step(step, req: req) })
        }
        routes.get(.desk, use: desk)
        routes.post(.deskDuty, use: duty)
        routes.post(.deskNext, use: next)
        routes.post(.deskCalls, use: logCall)
        routes.get(.consultationToFAQ(.key), use: faqDraft)
        routes.get(.consultationOpen(.key), use: openPage)
        routes.post(.consultationOpen(.key), use: open)
        try routes.register(collection: ConsultationLive())
    }

    /// The person on a page: an account, or an anonymous asker whose key this browser's session
    /// holds (or, on a socket an app opens, its `X-Consultation-Key` header).
    static func caller(_ req: Request, for id: UUID) throws -> ConsultationCaller {
        if let account = req.auth.get(AccountModel.self) { return .account(account) }
        if req.hasSession, let key = req.session.data[keyName(id)] { return .key(key) }
        if let key = linkKey(req) { return .key(key) }
        // An app's socket (or the benchmark's) shows the key as the API takes it.
        if let key = req.headers.first(name: "X-Consultation-Key"), !key.isEmpty { return .key(key) }
        throw AppError.notFound("咨询")
    }

    static func keyName(_ id: UUID) -> String { "consult." + id.uuidString }

    /// A key that came with a link sent by SMS (a caller rating a 12348 call): in the address
    /// when the page is opened, in a hidden field when its form is posted. Opening the page
    /// stores nothing; the page carries the key on to its own forms.
    static func linkKey(_ req: Request) -> String? {
        let key = req.method == .GET ? req.query[String.self, at: "key"] : (try? req.content.get(String.self, at: "key"))
        guard let key, !key.isEmpty, key.count <= 100 else { return nil }
        return key
    }

    /// Where to send the person back to after a step: the conversation, with the link's key if
    /// that is how they came.
    static func back(_ req: Request, to id: UUID) -> String {
        let path = SiteURL.consultation(.value(id)).path
        guard req.auth.get(AccountModel.self) == nil, !(req.hasSession && req.session.data[keyName(id)] != nil),
              let key = linkKey(req) else { return path }
        return path + "?key=" + key
    }

    // MARK: Asking

    func start(req: Request) async throws -> Response {
        try await consultPage(req, form: .init(), errors: FormErrors()).encodeResponse(for: req)
    }

    private func consultPage(_ req: Request, form: ConsultPage.Form, errors: FormErrors, codeSentTo: String? = nil) async throws -> HTML {
        let account = req.auth.get(AccountModel.self)
        if let account, !account.isCitizen { throw AppError(status: .forbidden, code: "staffCannotAsk", message: "工作人员请在“咨询服务台”接待咨询") }
        let reference = try await req.referenceData()
        let desk = try ConsultationDesk.forCitizens(reference)
        var earlier: [API.ConsultationSummary] = []
        if let account {
            let view = ConsultationView(req)
            earlier = try await ConsultationModel.query(on: req.db).filter(\.$askerAccountID == account.id!).sort(\.$queuedAt, .descending)
                .limit(10).all().map(view.summary)
        }
        return ConsultPage(deskName: desk.name, availability: ConsultationDesk.availability(desk, reference, settings: req.fayuan.settings, now: req.now),
                           signedIn: account != nil, form: form, errors: errors, earlier: earlier, codeSentTo: codeSentTo).render(req)
    }

    struct AskForm: Content {
        var channel: String?
        var topic: String?
        var question: String?
        var name: String?
        var phone: String?
        var phoneCode: String?
        /// `resendCode`: send the confirmation code again.
        var intent: String?
    }

    func create(req: Request) async throws -> Response {
        let input = try req.content.decode(AskForm.self)
        let form = ConsultPage.Form(channel: input.channel ?? "live", topic: input.topic ?? "", question: input.question ?? "",
                                    name: input.name ?? "", phone: input.phone ?? "", phoneCode: input.phoneCode ?? "")
        let account = req.auth.get(AccountModel.self)
        do {
            if let account, !account.isCitizen { throw AppError.forbidden }
            let reference = try await req.referenceData()
            let desk = try ConsultationDesk.forCitizens(reference)
            let parsed = try ConsultationRequestInput.parse(channel: input.channel, topic: input.topic, question: input.question, name: input.name,
                                                            phone: input.phone, phoneRequired: account == nil)
                .mapError { AppError.invalid($0.errors) }.get()
            let availability = ConsultationDesk.availability(desk, reference, settings: req.fayuan.settings, now: req.now)
            if parsed.channel == .live, !availability.isOpen {
                throw AppError(status: .conflict, code: "deskClosed", message: availability.chinese, field: "channel")
            }
            // An anonymous asker confirms their number first: the code is sent, then typed.
            if account == nil, let phone = parsed.phone {
                let codes = PhoneCodes(req)
                if input.intent == "resendCode" || (input.phoneCode ?? "").isEmpty {
                    try await codes.send(to: phone, for: .consultation, clientAddress: req.clientAddress)
                    var sent = form
                    sent.phoneCode = ""
                    return try await consultPage(req, form: sent, errors: FormErrors(), codeSentTo: "尾号\(phone.lastFour)").encodeResponse(for: req)
                }
                try await codes.confirm(phone, code: input.phoneCode, for: .consultation)
            }
            if let wait = try await req.fayuan.limiter.hit("consultationStart:\(req.clientAddress)", limit: 10, per: 600, now: req.now, on: req.db) {
                throw AppError(status: .tooManyRequests, code: "tooManyConsultations", message: "提交过于频繁，请\(wait)秒后再试；紧急情况请拨打12348")
            }
            let started = try await ConsultationService(req).start(parsed, asker: account, desk: desk.id)
            if let key = started.askerKey { req.session.data[Self.keyName(started.consultation.id!)] = key }
            return req.redirect(to: SiteURL.consultation(.value(started.consultation.id!)).path)
        } catch let error as AppError where error.refusesForm || error.status == .tooManyRequests {
            return try await consultPage(req, form: form, errors: FormErrors(error.formErrors)).response(req, status: error.status)
        }
    }

    // MARK: The conversation

    func show(req: Request) async throws -> Response {
        let id = try req.parameters.id()
        return try await conversation(req, id: id, errors: FormErrors()).encodeResponse(for: req)
    }

    private func conversation(_ req: Request, id: UUID, errors: FormErrors) async throws -> HTML {
        let caller = try Self.caller(req, for: id)
        let service = ConsultationService(req)
        let (consultation, party) = try await service.find(id, for: caller)
        let view = ConsultationView(req)
        let detail = try await view.detail(consultation, party: party, after: 0, links: .pages)
        var viewer = ConversationPage.Viewer.asker
        var colleagues: [(id: UUID, name: String)] = []
        if case .staff(let actor) = party {
            try await req.audit("consultation.view", target: "consultation:\(id)")
            if ConsultationWorkflow.servesDesk(actor) {
                let members = try await service.dutyMembers(consultation.deskID)
                viewer = .staff(responsible: consultation.responsibleAccountID == actor.accountID, onDuty: members.contains { $0.accountID == actor.accountID })
                let ids = members.map(\.accountID).filter { $0 != actor.accountID }
                colleagues = try await AccountModel.query(on: req.db).filter(\.$id ~~ ids).all().map { ($0.id!, $0.displayName) }
            } else {
                viewer = .supervisor
            }
        }
        var points: [(value: String, label: String)] = []
        if case .staff(responsible: true, _) = viewer { points = ApplicationFormPage.choices(reference: try await req.referenceData()).points }
        let owns = consultation.askerAccountID != nil && party == .asker
        return ConversationPage(consultation: detail.summary, messages: detail.messages, viewer: viewer, queueText: detail.queueText,
                                canRate: detail.canRate, rating: detail.rating, colleagues: colleagues, callbackPhone: detail.callbackPhone,
                                communityPoints: points, ownsApplication: owns,
                                canPublishFAQ: party != .asker && KnowledgeController.isEditor(req),
                                linkKey: Self.back(req, to: id).contains("?key=") ? Self.linkKey(req) : nil,
                                maxUploadMB: req.fayuan.settings.maxUploadBytes / 1_048_576, errors: errors).render(req)
    }

    struct MessageForm: Content {
        var body: String?
        var clientId: UUID?
    }

    func send(req: Request) async throws -> Response {
        let id = try req.parameters.id()
        let caller = try Self.caller(req, for: id)
        let input = try req.content.decode(MessageForm.self)
        do {
            _ = try await ConsultationService(req).post(input.body ?? "", to: id, by: caller, clientID: input.clientId)
            return req.redirect(to: Self.back(req, to: id) + "#composer")
        } catch let error as AppError where error.refusesForm || error.status == .tooManyRequests {
            return try await conversation(req, id: id, errors: FormErrors(error.formErrors)).response(req, status: error.status)
        }
    }

    func sendFile(req: Request) async throws -> Response {
        let id = try req.parameters.id()
        let caller = try Self.caller(req, for: id)
        do {
            _ = try await ConsultationFileUpload.receive(req, to: id, by: caller)
            return req.redirect(to: Self.back(req, to: id) + "#composer")
        } catch let error as AppError where error.refusesForm || error.status == .tooManyRequests {
            return try await conversation(req, id: id, errors: FormErrors(error.formErrors)).response(req, status: error.status)
        }
    }

    func file(req: Request) async throws -> Response {
        let id = try req.parameters.id()
        return try await ConsultationFileUpload.send(req, caller: try Self.caller(req, for: id))
    }

    struct StepForm: Content {
        var to: UUID?
        var note: String?
        var outcome: String?
        var consent: Bool?
        var communityPointID: String?
        var reply: String?
        var result: String?
        var stars: Int?
        var comment: String?
    }

    func step(_ step: ConsultationStep, req: Request) async throws -> Response {
        let id = try req.parameters.id()
        let caller = try Self.caller(req, for: id)
        let service = ConsultationService(req)
        let (_, party) = try await service.find(id, for: caller)
        try ConsultationAPIController.require(step, party: party)
        let input = try req.content.decode(StepForm.self)
        do {
            if step == .rate {
                let rating = try ConsultationRating.parse(stars: input.stars, comment: input.comment).mapError { AppError.invalid([$0]) }.get()
                try await service.rate(id, rating, by: caller)
                req.flash("感谢您的评价")
            } else {
                let request = try ConsultationStepInput.event(for: step, to: input.to, note: input.note, outcome: input.outcome, consent: input.consent,
                                                              communityPoint: input.communityPointID.flatMap { UUID(uuidString: $0) },
                                                              reply: input.reply, result: input.result)
                try await service.act(request.event, on: id, by: caller, detail: request.detail, reply: request.reply, outcomeNote: request.note,
                                      applicationPoint: request.communityPoint)
            }
            if step == .handOver { return req.redirect(to: SiteURL.desk.path) }
            return req.redirect(to: Self.back(req, to: id))
        } catch let error as AppError where error.refusesForm {
            return try await conversation(req, id: id, errors: FormErrors(error.formErrors)).response(req, status: error.status)
        }
    }

    // MARK: The desk

    func desk(req: Request) async throws -> Response {
        let account = try ConsultationAPIController.requireDesk(req, orSupervisor: true)
        return try await deskPage(req, account: account).encodeResponse(for: req)
    }

    private func deskPage(_ req: Request, account: AccountModel, call: DeskPage.CallForm = .init(), errors: FormErrors = FormErrors()) async throws -> HTML {
        let state = try await ConsultationView(req).desk(for: account)
        let watching = !(account.actor.map(ConsultationWorkflow.servesDesk) ?? false)
        let points = watching ? [] : ApplicationFormPage.choices(reference: try await req.referenceData()).points
        return DeskPage(desk: state, now: req.now, rules: req.fayuan.settings.deskRules, watching: watching, call: call, errors: errors,
                        communityPoints: points).render(req)
    }

    struct CallLogForm: Content {
        var channel: String?
        var phone: String?
        var name: String?
        var topic: String?
        var summary: String?
        var answer: String?
        var minutes: String?
        var outcome: String?
        var note: String?
        var consent: String?
        var communityPointID: String?
    }

    func logCall(req: Request) async throws -> Response {
        let account = try ConsultationAPIController.requireDesk(req)
        let input = try req.content.decode(CallLogForm.self)
        let form = DeskPage.CallForm(channel: input.channel ?? "hotline", phone: input.phone ?? "", name: input.name ?? "", topic: input.topic ?? "",
                                     summary: input.summary ?? "", answer: input.answer ?? "", minutes: input.minutes ?? "",
                                     outcome: input.outcome ?? "", note: input.note ?? "", consent: input.consent == "true",
                                     communityPoint: input.communityPointID ?? "")
        do {
            let parsed = try CallLogInput.parse(channel: input.channel, phone: input.phone, name: input.name, topic: input.topic, summary: input.summary,
                                                answer: input.answer, minutes: input.minutes, outcome: input.outcome, note: input.note,
                                                consent: input.consent == "true", communityPoint: input.communityPointID).mapError { AppError.invalid($0.errors) }.get()
            let desk = try ConsultationDesk.forStaff(account, try await req.referenceData())
            _ = try await ConsultationService(req).logCall(parsed, by: account, desk: desk.id)
            req.flash("已登记本次咨询")
            return req.redirect(to: SiteURL.desk.path)
        } catch let error as AppError where error.refusesForm {
            return try await deskPage(req, account: account, call: form, errors: FormErrors(error.formErrors)).response(req, status: error.status)
        }
    }

    struct DutyForm: Content { var onDuty: String? }

    func duty(req: Request) async throws -> Response {
        let account = try ConsultationAPIController.requireDesk(req)
        let input = try req.content.decode(DutyForm.self)
        let desk = try ConsultationDesk.forStaff(account, try await req.referenceData())
        let service = ConsultationService(req)
        if input.onDuty == "true" {
            try await service.goOnDuty(account, desk: desk.id)
            req.flash("已开始值班")
        } else {
            try await service.goOffDuty(account, desk: desk.id)
            req.flash("已结束值班")
        }
        return req.redirect(to: SiteURL.desk.path)
    }

    func next(req: Request) async throws -> Response {
        let account = try ConsultationAPIController.requireDesk(req)
        let desk = try ConsultationDesk.forStaff(account, try await req.referenceData())
        guard let taken = try await ConsultationService(req).takeNext(account, desk: desk.id) else {
            req.flash("当前没有等待接入的咨询")
            return req.redirect(to: SiteURL.desk.path)
        }
        return req.redirect(to: SiteURL.consultation(.value(taken.id!)).path)
    }

    // MARK: Opening a conversation from an SMS link

    /// The page an SMS link opens (`/consult/{id}/open#key=…`): it reads nothing and shows
    /// nothing of the conversation; its script posts the key from the fragment, once.
    func openPage(req: Request) async throws -> HTML {
        let id = try req.parameters.id()
        return ConsultationOpenPage(id: id).render(req)
    }

    /// Checks the posted key against the conversation and keeps it in this browser's session,
    /// then shows the conversation at its plain address (no key in any URL).
    func open(req: Request) async throws -> Response {
        let id = try req.parameters.id()
        struct Posted: Content { var key: String? }
        guard let key = try req.content.decode(Posted.self).key, !key.isEmpty, key.count <= 100 else { throw AppError.notFound("咨询") }
        _ = try await ConsultationService(req).find(id, for: .key(key))
        req.session.data[Self.keyName(id)] = key
        return req.redirect(to: SiteURL.consultation(.value(id)).path)
    }
}
