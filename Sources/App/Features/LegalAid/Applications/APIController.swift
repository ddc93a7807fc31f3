import Fluent
import LegalAidCore
import Vapor

/// The JSON API for a mobile app or a WeChat front end: the same steps as the pages.
struct APIController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        let api = routes
        api.get(.api(.communityPoints), use: communityPoints)
        api.get(.api(.status), use: status)
        let authed = api.grouped(BearerAccountAuthenticator(), IdempotencyKeys())
        authed.get(.api(.applications), use: list)
        authed.post(.api(.applications), use: create)
        authed.get(.api(.application(.key)), use: show)
        authed.put(.api(.application(.key)), use: update)
        authed.post(.api(.applicationEvents(.key)), use: event)
        authed.on(.POST, .api(.applicationAttachments(.key)), body: .collect(maxSize: "12mb"), use: upload)
        authed.get(.api(.document(.key)), use: document)
        authed.get(.api(.overdue), use: overdue)
    }

    /// Reference data, from memory; paged like every list (a county may have hundreds of villages).
    func communityPoints(req: Request) async throws -> PagedJSON<API.Place> {
        let reference = try await req.referenceData()
        let page = try ListPage.from(req, defaultSize: ListPage.maxSize)
        let all = (reference.tree.all(.communityPoint) + reference.tree.all(.departmentLiaison)).map {
            API.Place(id: $0.id, name: $0.name, kind: $0.kind.rawValue, parentID: $0.parentID, hours: $0.hours.chineseDescription)
        }
        return PagedJSON(Paged(items: Array(all.dropFirst(page.offset).prefix(page.size)), page: page, total: all.count))
    }

    func status(req: Request) async throws -> API.Status {
        let number = req.query[String.self, at: "number"]
        let digits = req.query[String.self, at: "phoneLast4"]
        let lookup = StatusLookup(req)
        switch try await lookup.find(number: number, phoneLast4: digits) {
        case .refused(let errors):
            let status: HTTPResponseStatus = errors.first?.code == "notFound" ? .notFound : .unprocessableEntity
            throw AppError(status: status, code: errors[0].code, message: errors[0].message, field: errors[0].field, fieldErrors: errors)
        case let .locked(problem, retryAfter):
            var error = AppError(status: .tooManyRequests, code: problem.code, message: problem.message, field: problem.field)
            error.retryAfter = retryAfter
            throw error
        case let .found(app, record):
            let summary = try await lookup.summary(of: app, case: record)
            let clock = summary.decisionClock
            return API.Status(number: app.number, state: app.state, stateLabel: app.applicationState.chinese,
                              nextStep: summary.nextStep,
                              caseState: summary.caseState?.rawValue, caseStateLabel: summary.caseState?.chinese,
                              decisionDue: clock?.lastDay?.iso, decisionClock: API.DecisionClock(clock),
                              materialsRequested: summary.openMaterialsRequest?.items, supplyBy: app.supplyBy,
                              events: summary.events.map { Self.event($0, detailed: false) })
        }
    }

    func list(req: Request) async throws -> PagedJSON<API.Summary> {
        let account = try req.requireAccount()
        let reference = try await req.referenceData()
        let page = try await ApplicationService(req).visible(to: account, reference: reference, page: try ListPage.from(req))
        let items = WorkItem.build(page.items, account: account, reference: reference, now: req.now).map(summary)
        return PagedJSON(Paged(items: items, page: page.page, total: page.total))
    }

    /// Applications at the centre past their decision day (法律援助法 第43条), oldest due first.
    func overdue(req: Request) async throws -> PagedJSON<API.Summary> {
        let account = try req.requireStaff()
        let reference = try await req.referenceData()
        let today = LocalDate(req.now).iso
        let page = try await ApplicationService(req).visible(to: account, reference: reference, page: try ListPage.from(req)) { query in
            query.filter(\.$state ~~ ApplicationState.allCases.filter(\.isAtCentre).map(\.rawValue))
                .filter(\.$decisionDue != nil).filter(\.$decisionDue < today).sort(\.$decisionDue)
        }
        let items = WorkItem.build(page.items, account: account, reference: reference, now: req.now).map(summary)
        return PagedJSON(Paged(items: items, page: page.page, total: page.total))
    }

    func create(req: Request) async throws -> Response {
        let account = try req.requireFiler()
        let input = try req.content.decode(API.DraftRequest.self)
        let reference = try await req.referenceData()
        let app = try await ApplicationService(req).createDraft(form: input.form, communityPointID: input.communityPointID,
                                                                preReviewOrganisationID: input.preReviewOrganisationID, by: account, reference: reference)
        return try await detail(app, account: account, reference: reference, req: req).encodeResponse(status: .created, for: req)
    }

    func show(req: Request) async throws -> API.Application {
        let account = try req.requireAccount()
        let reference = try await req.referenceData()
        let app = try await ApplicationService(req).find(try req.parameters.id(), for: account, reference: reference)
        try await req.audit("personalData.view", target: "application:\(app.number)")
        return try await detail(app, account: account, reference: reference, req: req)
    }

    func update(req: Request) async throws -> API.Application {
        let account = try req.requireAccount()
        let input = try req.content.decode(API.DraftRequest.self)
        let reference = try await req.referenceData()
        let service = ApplicationService(req)
        let app = try await service.find(try req.parameters.id(), for: account, reference: reference)
        try await service.updateDraft(app, form: input.form, communityPointID: input.communityPointID, preReviewOrganisationID: input.preReviewOrganisationID,
                                      expectedVersion: input.version, by: account, reference: reference)
        return try await detail(app, account: account, reference: reference, req: req)
    }

    func event(req: Request) async throws -> API.Application {
        let account = try req.requireAccount()
        let input = try req.content.decode(API.EventRequest.self)
        guard let kind = ApplicationEventKind(rawValue: input.type) else {
            throw AppError.invalid(field: "type", code: "invalidChoice", "未知的办理动作：\(input.type)")
        }
        let (app, _) = try await ApplicationService(req).perform(try input.actionInput.event(kind), on: try req.parameters.id(),
                                                                 expectedVersion: input.version, by: account)
        return try await detail(app, account: account, reference: try await req.referenceData(), req: req)
    }

    struct UploadRequest: Content {
        var file: File
    }

    func upload(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let reference = try await req.referenceData()
        let app = try await ApplicationService(req).find(try req.parameters.id(), for: account, reference: reference)
        guard AttachmentStore.mayUpload(to: app, account: account, reference: reference) else { throw AppError.forbidden }
        let file = try req.content.decode(UploadRequest.self).file
        if file.data.readableBytes == 0 { throw AppError.invalid(field: "file", code: "required", "请选择要上传的文件") }
        if let problem = AttachmentStore.check(file, field: "file", maxBytes: req.fayuan.settings.maxUploadBytes) { throw AppError.invalid([problem]) }
        let uploads = try await AttachmentStore.stage([file], request: req)
        let stored = try await uploads.atomically { try await ApplicationService(req).addEvidence($0, to: app, by: account) }
        return try await Self.attachment(AttachmentRecord(stored[0])).encodeResponse(status: .created, for: req)
    }

    func document(req: Request) async throws -> DocumentContent {
        let account = try req.requireAccount()
        guard let doc = try await DocumentModel.find(try req.parameters.id(), on: req.db) else { throw AppError.notFound("文书") }
        let app = try await ApplicationService(req).find(doc.applicationID, for: account, reference: try await req.referenceData())
        try await req.audit("personalData.view", target: "application:\(app.number)", detail: "文书 \(doc.number)")
        return doc.content
    }

    // MARK: Mapping

    private func summary(_ item: WorkItem) -> API.Summary {
        API.Summary(id: item.app.id, number: item.app.number, state: item.app.applicationState.rawValue, stateLabel: item.app.applicationState.chinese,
                    applicantName: item.app.applicantName, matterType: item.app.form.matter.type?.rawValue,
                    decisionDue: item.lastDay?.iso, overdue: item.overdue, decisionClock: API.DecisionClock(item.clock))
    }

    private static func event(_ model: ApplicationEventRecord, detailed: Bool) -> API.Event {
        API.Event(seq: model.seq, at: model.at, type: model.event, label: ApplicationEventKind(rawValue: model.event)?.chinese ?? model.event,
                  from: model.fromState, to: model.toState, actorName: detailed ? model.actorName : nil,
                  reasonCode: model.reasonCode, payload: detailed ? model.payload : nil)
    }

    private static func attachment(_ file: AttachmentRecord) -> API.Attachment {
        API.Attachment(id: file.id, name: file.originalName, contentType: file.contentType, size: file.size, sha256: file.sha256)
    }

    private func detail(_ app: ApplicationModel, account: AccountModel, reference: ReferenceData, req: Request) async throws -> API.Application {
        let page = try await ApplicationDetailPage.query(req, app: app, account: account, reference: reference)
        return Self.body(of: page, supplyBy: app.supplyBy, mayReveal: account.actor.map(PersonalDataPolicy.mayReveal) == true)
    }

    /// The application as the API shows it to this viewer: the same facts as its page.
    private static func body(of page: ApplicationDetailPage, supplyBy: String?, mayReveal: Bool) -> API.Application {
        let app = page.app
        let summary = page.summary
        let clock = summary.decisionClock
        let detailed = page.isStaff
        return API.Application(
            id: app.id, number: app.number, state: app.applicationState.rawValue, stateLabel: app.applicationState.chinese,
            nextStep: summary.nextStep, version: app.version, channel: app.channel, communityPointID: app.communityPointID,
            preReviewOrganisationID: app.preReviewOrganisationID, centreID: app.centreID,
            form: mayReveal ? app.form : PersonalDataPolicy.masked(app.form),
            eligibility: detailed ? app.eligibility : nil,
            decisionDue: clock?.lastDay?.iso, decisionClock: API.DecisionClock(clock), supplyBy: supplyBy,
            availableEvents: page.availableEvents.map(\.rawValue),
            events: page.events.map { event($0, detailed: detailed) },
            documents: page.documents.map { API.DocumentSummary(id: $0.id, kind: $0.kind, title: $0.content.title, number: $0.number, issuedAt: $0.issuedAt) },
            attachments: page.attachments.map(attachment))
    }
}

extension DocumentContent: Content {}
