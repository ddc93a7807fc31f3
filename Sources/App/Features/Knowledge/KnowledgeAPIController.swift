import Fluent
import LegalAidCore
import Vapor
import KnowledgeCore

/// The knowledge base in the JSON API: search and read (anyone, no token needed), write,
/// publish and withdraw (editors, with a bearer token).
struct KnowledgeAPIController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        let api = routes.grouped(BearerAccountAuthenticator(), IdempotencyKeys())
        api.get(.api(.knowledge), use: list)
        // A law of 200 000 characters (the document's limit) is about 600 KB of UTF-8 in JSON.
        api.on(.POST, .api(.knowledge), body: .collect(maxSize: "1mb"), use: create)
        api.get(.api(.knowledgeEntry(.key)), use: show)
        api.on(.PUT, .api(.knowledgeEntry(.key)), body: .collect(maxSize: "1mb"), use: update)
        api.get(.api(.lawArticle(.key, .key)), use: article)
        for step in KnowledgeStep.allCases {
            api.post(.api(.knowledgeStep(.key, step)), use: { req in try await self.step(step, req: req) })
        }
        api.get(.api(.knowledgeVersions(.key)), use: versions)
        api.get(.api(.knowledgeAsk), use: ask)
        api.get(.api(.knowledgeQuestions), use: questions)
        api.post(.api(.knowledgeQuestionDone(.key)), use: questionDone)
    }

    /// 智能咨询: `q` in plain words; an unanswered question is kept (numbers out) for staff.
    func ask(req: Request) async throws -> API.KnowledgeAnswer {
        let typed = try req.queryText("q", label: "问题", max: KnowledgeQuestionLog.length)
        guard !typed.isEmpty else { throw AppError(status: .unprocessableEntity, code: "required", message: "请输入您的问题", field: "q") }
        let (question, results, answered) = try await KnowledgeController.ask(typed, req)
        return API.KnowledgeAnswer(answered: answered, items: results.map { $0.item(question.highlight) }, help: API.HelpLink.people)
    }

    func questions(req: Request) async throws -> PagedJSON<API.KnowledgeQuestionBody> {
        _ = try KnowledgeController.requireEditor(req)
        return PagedJSON(try await KnowledgeService(req).openQuestions(page: try ListPage.from(req)).map(\.body))
    }

    func questionDone(req: Request) async throws -> HTTPStatus {
        let editor = try KnowledgeController.requireEditor(req)
        try await KnowledgeService(req).markHandled(try req.parameters.id(), by: editor)
        return .noContent
    }

    /// `q` searches (every typed word must appear; best first); without it, the newest first.
    /// Editors add `drafts=true` to list drafts too.
    func list(req: Request) async throws -> PagedJSON<API.KnowledgeItem> {
        let kind = try KnowledgeController.kind(req)
        let page = try ListPage.from(req)
        let typed = try req.queryText("q", label: "搜索内容", max: 100)
        let drafts = try req.queryFlag("drafts", label: "包含草稿")
        let service = KnowledgeService(req)
        if !typed.isEmpty {
            let (query, results) = try await service.search(typed, kind: kind, page: page, answers: req.application.knowledgeAnswers)
            return PagedJSON(results.map { $0.item(query) })
        }
        if drafts { _ = try KnowledgeController.requireEditor(req) }
        return PagedJSON(try await service.list(kind: kind, includeDrafts: drafts, page: page).map { $0.item() })
    }

    func show(req: Request) async throws -> API.KnowledgeEntryBody {
        let id = try req.parameters.id()
        let editor = KnowledgeController.isEditor(req)
        let entry = try await KnowledgeService(req).find(id, editor: editor)
        KnowledgeController.countView(of: entry, req, editor: editor)
        return entry.body()
    }

    func article(req: Request) async throws -> API.LawArticleBody {
        let id = try req.parameters.id()
        let number = try KnowledgeController.articleNumber(req)
        let entry = try await KnowledgeService(req).find(id, editor: KnowledgeController.isEditor(req))
        guard entry.knowledgeKind == .law, let article = LawText.articles(entry.body).first(where: { $0.number == number }) else {
            throw AppError.notFound("法律条文")
        }
        return article.body(in: id)
    }

    func create(req: Request) async throws -> Response {
        let editor = try KnowledgeController.requireEditor(req)
        let body = try req.content.decode(API.KnowledgeWrite.self)
        let input = try KnowledgeInput.parse(kind: body.kind, title: body.title, body: body.body, note: body.note).mapError { AppError.invalid($0.errors) }.get()
        let entry = try await KnowledgeService(req).create(input, by: editor)
        return try await entry.body().encodeResponse(status: .created, for: req)
    }

    func update(req: Request) async throws -> API.KnowledgeEntryBody {
        let editor = try KnowledgeController.requireEditor(req)
        let id = try req.parameters.id()
        let body = try req.content.decode(API.KnowledgeWrite.self)
        let input = try KnowledgeInput.parse(kind: body.kind, title: body.title, body: body.body, note: body.note).mapError { AppError.invalid($0.errors) }.get()
        guard let version = body.version else {
            throw AppError(status: .unprocessableEntity, code: "required", message: "请给出所修改的版本号（version）", field: "version")
        }
        return try await KnowledgeService(req).update(id, input, expectedVersion: version, by: editor).body()
    }

    func step(_ step: KnowledgeStep, req: Request) async throws -> API.KnowledgeEntryBody {
        let editor = try KnowledgeController.requireEditor(req)
        let id = try req.parameters.id()
        guard let version = try req.content.decode(API.KnowledgeStepBody.self).version else {
            throw AppError(status: .unprocessableEntity, code: "required", message: "请给出当前版本号（version）", field: "version")
        }
        let service = KnowledgeService(req)
        switch step {
        case .publish: return try await service.publish(id, expectedVersion: version, by: editor).body()
        case .unpublish: return try await service.unpublish(id, expectedVersion: version, by: editor).body()
        }
    }

    func versions(req: Request) async throws -> PagedJSON<API.KnowledgeVersionBody> {
        _ = try KnowledgeController.requireEditor(req)
        let id = try req.parameters.id()
        let service = KnowledgeService(req)
        _ = try await service.find(id, editor: true)
        let versions = try await service.versions(of: id, page: try ListPage.from(req))
        let bodies = try await KnowledgeVersionsView.bodies(versions.items, on: req.db)
        return PagedJSON(Paged(items: bodies, page: versions.page, total: versions.total))
    }
}
