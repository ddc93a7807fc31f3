import Fluent
import KnowledgeCore
import LegalAidCore
import Vapor

/// 口语词表 (issue #25): editors keep the words 智能咨询 reads questions with, on pages.
/// Reading the list writes nothing; a change takes effect on the next question.
struct KnowledgeSynonymController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.knowledgeSynonyms, use: list)
        routes.post(.knowledgeSynonyms, use: add)
        routes.get(.knowledgeSynonymHistory, use: history)
        routes.get(.knowledgeSynonym(.key), use: show)
        routes.post(.knowledgeSynonym(.key), use: change)
        routes.post(.removeKnowledgeSynonym(.key), use: remove)
    }

    struct FormInput: Content {
        var word: String?
        var terms: String?
        var note: String?
        var version: String?
    }

    func list(req: Request) async throws -> Response {
        _ = try KnowledgeController.requireEditor(req)
        return try await listPage(req).render(req).encodeResponse(for: req)
    }

    private func listPage(_ req: Request, form: KnowledgeSynonymForm = .init(), errors: FormErrors = FormErrors([])) async throws -> KnowledgeSynonymsPage {
        let typed = req.typedWords(limit: SynonymList.termLength.upperBound)
        let words = try await KnowledgeSynonymService(req).list(matching: typed, page: try ListPage.from(req))
        var tried: (question: String, ideas: [[String]])?
        let question = String((req.query[String.self, at: "try"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(KnowledgeQuestionLog.length))
        if !question.isEmpty {
            let built = try await req.application.knowledgeAnswers.current(on: req.db)
            tried = (question, built.question(question).ideas.map(\.phrases))
        }
        return KnowledgeSynonymsPage(query: typed, items: words.items.map(\.row), total: words.total, pager: Pager.render(words, req, unit: "个"),
                                     form: form, errors: errors, tried: tried)
    }

    func add(req: Request) async throws -> Response {
        let editor = try KnowledgeController.requireEditor(req)
        let form = try req.content.decode(FormInput.self)
        do {
            let input = try KnowledgeSynonymInput.parse(word: form.word, terms: form.terms, note: form.note).mapError { AppError.invalid($0.errors) }.get()
            let synonym = try await KnowledgeSynonymService(req).add(input, by: editor)
            req.flash("已加入词表：“\(synonym.word)”按“\(synonym.terms.joined(separator: "”“"))”查找，下一个问题起生效。")
            return req.redirect(to: SiteURL.knowledgeSynonyms.path)
        } catch let error as AppError where error.refusesForm {
            return try await listPage(req, form: form.page, errors: FormErrors(error.formErrors)).render(req).response(req, status: error.status)
        }
    }

    func show(req: Request) async throws -> Response {
        _ = try KnowledgeController.requireEditor(req)
        let synonym = try await KnowledgeSynonymService(req).find(try req.parameters.id())
        return try await page(req, synonym, form: KnowledgeSynonymForm(word: synonym.word, terms: synonym.terms.joined(separator: "、"), version: synonym.version))
            .render(req).encodeResponse(for: req)
    }

    private func page(_ req: Request, _ synonym: KnowledgeSynonymModel, form: KnowledgeSynonymForm, errors: FormErrors = FormErrors([])) async throws -> KnowledgeSynonymPage {
        let history = try await KnowledgeSynonymService(req).history(of: synonym.id!, page: try ListPage.from(req))
        return KnowledgeSynonymPage(synonym: synonym.row, form: form, errors: errors, history: try await Self.rows(history.items, on: req.db),
                                    pager: Pager.render(history, req, unit: "次"))
    }

    func change(req: Request) async throws -> Response {
        let editor = try KnowledgeController.requireEditor(req)
        let id = try req.parameters.id()
        let form = try req.content.decode(FormInput.self)
        let service = KnowledgeSynonymService(req)
        do {
            let input = try KnowledgeSynonymInput.parse(word: form.word, terms: form.terms, note: form.note).mapError { AppError.invalid($0.errors) }.get()
            let synonym = try await service.change(id, input, expectedVersion: Int(form.version ?? "") ?? -1, by: editor)
            req.flash("已保存，下一个问题起生效。")
            return req.redirect(to: SiteURL.knowledgeSynonym(.value(synonym.id!)).path)
        } catch let error as AppError where error.refusesForm {
            let synonym = try await service.find(id)
            return try await page(req, synonym, form: form.page, errors: FormErrors(error.formErrors)).render(req).response(req, status: error.status)
        }
    }

    func remove(req: Request) async throws -> Response {
        let editor = try KnowledgeController.requireEditor(req)
        let id = try req.parameters.id()
        let form = try req.content.decode(FormInput.self)
        let service = KnowledgeSynonymService(req)
        do {
            let synonym = try await service.remove(id, expectedVersion: Int(form.version ?? "") ?? -1, note: "", by: editor)
            req.flash("已从词表中删除“\(synonym.word)”。")
            return req.redirect(to: SiteURL.knowledgeSynonyms.path)
        } catch let error as AppError where error.refusesForm {
            let synonym = try await service.find(id)
            return try await page(req, synonym, form: KnowledgeSynonymForm(word: synonym.word, terms: synonym.terms.joined(separator: "、"), version: synonym.version),
                                  errors: FormErrors(error.formErrors)).render(req).response(req, status: error.status)
        }
    }

    func history(req: Request) async throws -> Response {
        _ = try KnowledgeController.requireEditor(req)
        let history = try await KnowledgeSynonymService(req).history(of: nil, page: try ListPage.from(req))
        return try await KnowledgeSynonymHistoryPage(history: try await Self.rows(history.items, on: req.db), pager: Pager.render(history, req, unit: "次"))
            .render(req).encodeResponse(for: req)
    }

    /// The changes with their editors' names (one query for the names).
    static func rows(_ changes: [KnowledgeSynonymChangeModel], on db: Database) async throws -> [KnowledgeSynonymChangeRow] {
        let names = try await AccountModel.displayNames(changes.compactMap(\.editorAccountID), on: db)
        return changes.map {
            KnowledgeSynonymChangeRow(synonymID: $0.synonymID, word: $0.word, actionLabel: $0.changeAction.label, before: $0.termsBefore,
                                      after: $0.termsAfter, note: $0.note, editorName: $0.editorAccountID.flatMap { names[$0] } ?? "", at: $0.at)
        }
    }
}

extension KnowledgeSynonymController.FormInput {
    var page: KnowledgeSynonymForm { KnowledgeSynonymForm(word: word ?? "", terms: terms ?? "", note: note ?? "", version: Int(version ?? "") ?? 0) }
}

extension KnowledgeSynonymModel {
    var row: KnowledgeSynonymRow { KnowledgeSynonymRow(id: id!, word: word, terms: terms, version: version, updatedAt: updatedAt) }
}
