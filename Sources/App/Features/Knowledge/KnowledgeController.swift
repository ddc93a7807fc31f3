import Fluent
import LegalAidCore
import Vapor
import KnowledgeCore

/// The knowledge base's pages: reading and searching (anyone), writing and publishing (editors).
/// Reading writes nothing: views are counted in memory (`KnowledgeViewCounter`).
struct KnowledgeController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.knowledge, use: list)
        routes.get(.knowledgeEntry(.key), use: show)
        routes.get(.lawArticle(.key, .key), use: lawArticle)
        routes.get(.knowledgeManage, use: manage)
        routes.get(.newKnowledgeEntry, use: new)
        routes.post(.newKnowledgeEntry, use: create)
        routes.get(.editKnowledgeEntry(.key), use: edit)
        routes.post(.editKnowledgeEntry(.key), use: save)
        for step in KnowledgeStep.allCases {
            routes.post(.knowledgeStep(.key, step), use: { req in try await self.step(step, req: req) })
        }
        routes.get(.knowledgeVersions(.key), use: versions)
        routes.get(.knowledgeAsk, use: ask)
        routes.get(.knowledgeQuestions, use: questions)
        routes.post(.knowledgeQuestionDone(.key), use: questionDone)
    }

    /// An editor of the knowledge base, or nobody (a 403 for other staff and citizens).
    static func requireEditor(_ req: Request) throws -> AccountModel {
        let account = try req.requireStaff()
        guard let actor = account.actor, KnowledgeRules.mayEdit(actor) else { throw AppError.forbidden }
        return account
    }

    static func isEditor(_ req: Request) -> Bool {
        guard let actor = req.auth.get(AccountModel.self)?.actor else { return false }
        return KnowledgeRules.mayEdit(actor)
    }

    /// A public reading, counted in memory (an editor's own reading is not counted).
    static func countView(of entry: KnowledgeEntryModel, _ req: Request, editor: Bool) {
        if entry.published && !editor { req.application.knowledgeViews.record(entry.id!) }
    }

    /// 智能咨询, for the page and the API alike: a question nothing answers well is noted (in
    /// memory, numbers out) for staff.
    static func ask(_ typed: String, _ req: Request) async throws -> (question: PlainQuestion, results: [KnowledgeService.Result], answered: Bool) {
        let answer = try await KnowledgeService(req).ask(typed, answers: req.application.knowledgeAnswers)
        if !answer.answered && !answer.question.isEmpty { req.application.knowledgeQuestions.record(typed, at: req.now) }
        return answer
    }

    /// The article in the address: `31`, or `133-1` for 第一百三十三条之一.
    static func articleNumber(_ req: Request) throws -> ArticleNumber {
        guard let number = req.parameters.get("article").flatMap(ArticleNumber.init) else { throw AppError.notFound("法律条文") }
        return number
    }

    static func kind(_ req: Request) throws -> KnowledgeKind? {
        guard let raw = req.query[String.self, at: "kind"], !raw.isEmpty else { return nil }
        guard let kind = KnowledgeKind(rawValue: raw) else {
            throw AppError(status: .unprocessableEntity, code: "invalidChoice", message: "栏目只能是 article、law、typicalCase 或 faq", field: "kind")
        }
        return kind
    }

    // MARK: reading

    func list(req: Request) async throws -> Response {
        let kind = try Self.kind(req)
        let page = try ListPage.from(req)
        let typed = (req.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let service = KnowledgeService(req)
        if !typed.isEmpty {
            let typed = String(typed.prefix(100))
            let (query, results) = try await service.search(typed, kind: kind, page: page, answers: req.application.knowledgeAnswers)
            // The same box finds institutions too (first page only, from memory).
            let places = page.number == 1 ? try await DirectoryController.catalogue(req) : nil
            let institutions = places.map { catalogue in catalogue.institutions(.init(query: typed)).prefix(3).compactMap { catalogue.body($0) } } ?? []
            return try await KnowledgeListPage(query: typed, kind: kind, items: results.items.map { $0.item(query) }, total: results.total,
                                               pager: Pager.render(results, req), searching: true, nothingToSearch: query.isEmpty,
                                               institutions: institutions)
                .render(req).encodeResponse(for: req)
        }
        let entries = try await service.list(kind: kind, includeDrafts: false, page: page)
        return try await KnowledgeListPage(query: "", kind: kind, items: entries.items.map { $0.item() }, total: entries.total,
                                           pager: Pager.render(entries, req), searching: false)
            .render(req).encodeResponse(for: req)
    }

    func show(req: Request) async throws -> Response {
        let id = try req.parameters.id()
        let editor = Self.isEditor(req)
        let entry = try await KnowledgeService(req).find(id, editor: editor)
        Self.countView(of: entry, req, editor: editor)
        return try await KnowledgeEntryPage(entry: entry.body(), rendered: Markdown.html(entry.body), editor: editor)
            .render(req).encodeResponse(for: req)
    }

    func lawArticle(req: Request) async throws -> Response {
        let id = try req.parameters.id()
        let number = try Self.articleNumber(req)
        let entry = try await KnowledgeService(req).find(id, editor: Self.isEditor(req))
        let articles = entry.knowledgeKind == .law ? LawText.articles(entry.body) : []
        guard let index = articles.firstIndex(where: { $0.number == number }) else { throw AppError.notFound("法律条文") }
        Self.countView(of: entry, req, editor: Self.isEditor(req))
        return try await LawArticlePage(law: entry.body(articles: false), article: articles[index].body(in: id),
                                        previous: index > 0 ? articles[index - 1].body(in: id) : nil,
                                        next: index + 1 < articles.count ? articles[index + 1].body(in: id) : nil)
            .render(req).encodeResponse(for: req)
    }

    /// 智能咨询 (a GET: the question unanswered is only noted in memory).
    func ask(req: Request) async throws -> Response {
        let typed = req.typedWords(limit: KnowledgeQuestionLog.length)
        guard !typed.isEmpty else {
            return try await KnowledgeAskPage(question: "", items: [], answered: false).render(req).encodeResponse(for: req)
        }
        let (question, results, answered) = try await Self.ask(typed, req)
        return try await KnowledgeAskPage(question: typed, items: results.map { $0.item(question.highlight) }, answered: answered,
                                          nothingToAsk: question.isEmpty, reasons: results.map { question.reasons(in: $0.title, $0.plainText) })
            .render(req).encodeResponse(for: req)
    }

    func questions(req: Request) async throws -> Response {
        _ = try Self.requireEditor(req)
        let open = try await KnowledgeService(req).openQuestions(page: try ListPage.from(req))
        return try await KnowledgeQuestionsPage(questions: open.items.map(\.body), pager: Pager.render(open, req, unit: "个"))
            .render(req).encodeResponse(for: req)
    }

    func questionDone(req: Request) async throws -> Response {
        let editor = try Self.requireEditor(req)
        try await KnowledgeService(req).markHandled(try req.parameters.id(), by: editor)
        req.flash("已标为已处理")
        return req.redirect(to: SiteURL.knowledgeQuestions.path)
    }

    // MARK: writing

    func manage(req: Request) async throws -> Response {
        _ = try Self.requireEditor(req)
        let kind = try Self.kind(req)
        let entries = try await KnowledgeService(req).list(kind: kind, includeDrafts: true, page: try ListPage.from(req))
        return try await KnowledgeManagePage(kind: kind, items: entries.items.map { $0.item() }, pager: Pager.render(entries, req, unit: "篇"))
            .render(req).encodeResponse(for: req)
    }

    func new(req: Request) async throws -> Response {
        _ = try Self.requireEditor(req)
        // "写解答" on a kept question opens with it as the title.
        let title = String((req.query[String.self, at: "title"] ?? "").prefix(KnowledgeRules.titleLength.upperBound))
        return try await KnowledgeEditPage(entry: nil, form: .init(kind: req.query[String.self, at: "kind"] ?? "", title: title))
            .render(req).encodeResponse(for: req)
    }

    struct FormInput: Content {
        var kind: String?
        var title: String?
        var body: String?
        var note: String?
        var version: String?
        var fromConsultation: String?
    }

    func create(req: Request) async throws -> Response {
        let editor = try Self.requireEditor(req)
        let form = try req.content.decode(FormInput.self)
        let source = form.fromConsultation.flatMap(UUID.init(uuidString:))
        do {
            let input = try KnowledgeInput.parse(kind: form.kind, title: form.title, body: form.body, note: form.note)
                .mapError { AppError.invalid($0.errors) }.get()
            let entry = try await KnowledgeService(req).create(input, by: editor, fromConsultation: source)
            req.flash("已保存为草稿。检查无误后请按“发布”。")
            return req.redirect(to: SiteURL.editKnowledgeEntry(.value(entry.id!)).path)
        } catch let error as AppError where error.refusesForm {
            return try await KnowledgeEditPage(entry: nil, form: .init(kind: form.kind ?? "", title: form.title ?? "", body: form.body ?? "", note: form.note ?? ""),
                                               errors: FormErrors(error.formErrors), fromConsultation: source)
                .render(req).response(req, status: error.status)
        }
    }

    func edit(req: Request) async throws -> Response {
        _ = try Self.requireEditor(req)
        let id = try req.parameters.id()
        let entry = try await KnowledgeService(req).find(id, editor: true)
        return try await KnowledgeEditPage(entry: entry.body(articles: false),
                                           form: .init(kind: entry.kind, title: entry.title, body: entry.body, note: "", version: entry.version),
                                           fromConsultation: nil)
            .render(req).encodeResponse(for: req)
    }

    func save(req: Request) async throws -> Response {
        let editor = try Self.requireEditor(req)
        let id = try req.parameters.id()
        let form = try req.content.decode(FormInput.self)
        let service = KnowledgeService(req)
        do {
            let input = try KnowledgeInput.parse(kind: form.kind, title: form.title, body: form.body, note: form.note)
                .mapError { AppError.invalid($0.errors) }.get()
            let entry = try await service.update(id, input, expectedVersion: Int(form.version ?? "") ?? -1, by: editor)
            req.flash(entry.published ? "已保存，公众页面已更新。" : "已保存为草稿。")
            return req.redirect(to: SiteURL.editKnowledgeEntry(.value(id)).path)
        } catch let error as AppError where error.refusesForm || error.code == "staleVersion" {
            let current = try await service.find(id, editor: true)
            return try await KnowledgeEditPage(entry: current.body(articles: false),
                                               form: .init(kind: form.kind ?? "", title: form.title ?? "", body: form.body ?? "", note: form.note ?? "",
                                                           version: Int(form.version ?? "") ?? current.version),
                                               errors: FormErrors(error.formErrors))
                .render(req).response(req, status: error.status)
        }
    }

    func step(_ step: KnowledgeStep, req: Request) async throws -> Response {
        let editor = try Self.requireEditor(req)
        let id = try req.parameters.id()
        let version = Int((try? req.content.get(String.self, at: "version")) ?? "") ?? -1
        let service = KnowledgeService(req)
        switch step {
        case .publish:
            _ = try await service.publish(id, expectedVersion: version, by: editor)
            req.flash("已发布，公众现在可以看到和搜索到这篇内容。")
        case .unpublish:
            _ = try await service.unpublish(id, expectedVersion: version, by: editor)
            req.flash("已撤回，公众不再看到这篇内容。")
        }
        return req.redirect(to: SiteURL.editKnowledgeEntry(.value(id)).path)
    }

    func versions(req: Request) async throws -> Response {
        _ = try Self.requireEditor(req)
        let id = try req.parameters.id()
        let service = KnowledgeService(req)
        let entry = try await service.find(id, editor: true)
        let versions = try await service.versions(of: id, page: try ListPage.from(req))
        let bodies = try await KnowledgeVersionsView.bodies(versions.items, on: req.db)
        return try await KnowledgeVersionsPage(entry: entry.body(articles: false), versions: bodies, pager: Pager.render(versions, req, unit: "次"))
            .render(req).encodeResponse(for: req)
    }
}

enum KnowledgeVersionsView {
    /// The versions with their editors' names (one query for the names).
    static func bodies(_ versions: [KnowledgeVersionModel], on db: Database) async throws -> [API.KnowledgeVersionBody] {
        let names = try await AccountModel.displayNames(versions.map(\.editorAccountID), on: db)
        return versions.map {
            API.KnowledgeVersionBody(version: $0.version, action: $0.action, actionLabel: KnowledgeText.action($0.action), title: $0.title,
                                     note: $0.note, editorName: names[$0.editorAccountID] ?? "", at: $0.at)
        }
    }
}
