import Fluent
import Foundation
import LegalAidCore
import SQLKit
import Vapor
import KnowledgeCore

/// The knowledge base's storage and steps: every saved edit is a new version row written with
/// the entry in one transaction (a stale version is refused, so two editors never overwrite each
/// other), and the search index follows the entry in that same transaction.
struct KnowledgeService: ScopedService {
    let scope: ServiceScope

    // MARK: reading

    /// A published entry, for anyone; a draft only for editors.
    func find(_ id: UUID, editor: Bool) async throws -> KnowledgeEntryModel {
        guard let entry = try await KnowledgeEntryModel.find(id, on: db), entry.published || editor else {
            throw AppError.notFound("文章")
        }
        return entry
    }

    /// The list, newest change first: published entries for the public; editors also see drafts.
    func list(kind: KnowledgeKind?, includeDrafts: Bool, page: ListPage) async throws -> Paged<KnowledgeEntryModel> {
        var query = KnowledgeEntryModel.query(on: db)
        if !includeDrafts { query = query.filter(\.$published == true) }
        if let kind { query = query.filter(\.$kind == kind.rawValue) }
        return try await query.sort(\.$updatedAt, .descending).sort(\.$id).paged(page)
    }

    func versions(of id: UUID, page: ListPage) async throws -> Paged<KnowledgeVersionModel> {
        try await KnowledgeVersionModel.query(on: db).filter(\.$entryID == id).sort(\.$at, .descending).sort(\.$version, .descending).paged(page)
    }

    /// One search result: an entry or one article of a law, with what to show of it.
    struct Result {
        var entry: KnowledgeEntryModel
        var article: LawText.Article?
        var title: String
        var text: String
        var isMarkdown: Bool
        /// The text as the snippet reads it, reduced from Markdown once when the answers are
        /// built (it was a third of a search page, reduced again for every result shown).
        let plainText: String

        init(entry: KnowledgeEntryModel, article: LawText.Article?, title: String, text: String, isMarkdown: Bool, plainText: String? = nil) {
            self.entry = entry
            self.article = article
            self.title = title
            self.text = text
            self.isMarkdown = isMarkdown
            let wholeLaw = article == nil && entry.knowledgeKind == .law
            self.plainText = plainText ?? (isMarkdown ? Markdown.plainText(wholeLaw ? String(text.prefix(Self.wholeLawRead)) : text) : text)
        }

        var isWholeLaw: Bool { article == nil && entry.knowledgeKind == .law }

        /// What the ranking and the snippet read. A whole law is read by its opening only: its
        /// articles are answers of their own, and reading all of 民法典 for every search that
        /// finds it cost tens of milliseconds.
        var candidate: SearchCandidate {
            let read = isWholeLaw ? String(text.prefix(Self.wholeLawRead)) : text
            return SearchCandidate(title: title, text: read, kind: entry.knowledgeKind, views: entry.views)
        }

        static let wholeLawRead = 2000
    }

    /// How many candidates the index hands over: more than anyone pages through.
    static let candidateLimit = 200
    /// How many of the index's best are ranked again by `SearchRanking` (the first pages); the
    /// rest follow in the index's own order.
    static let rankingWindow = 50

    /// Published entries and law articles holding every typed term, best first (`SearchRanking`).
    func search(_ typed: String, kind: KnowledgeKind?, page: ListPage, answers: KnowledgeAnswers) async throws -> (query: SearchQuery, results: Paged<Result>) {
        let query = SearchQuery(typed)
        let hits = try await KnowledgeIndex(db).candidates(query, kind: kind, limit: Self.candidateLimit)
        let built = try await answers.current(on: db)
        let window = Array(hits.prefix(Self.rankingWindow)).compactMap { built.result($0.entryID, article: $0.article) }
        let order = SearchRanking.rank(window.map(\.candidate), for: query)
        var ranked: [Result?] = order.map { window[$0] }
        ranked += hits.dropFirst(Self.rankingWindow).map { _ in nil }
        // The page shown: from the ranked window, or beyond it in the index's order.
        let slice = ranked.indices.dropFirst(page.offset).prefix(page.size)
        let beyond = slice.filter { ranked[$0] == nil }
        if !beyond.isEmpty {
            let resolved = beyond.map { hits[Self.rankingWindow + ($0 - order.count)] }.map { built.result($0.entryID, article: $0.article) }
            for (index, result) in zip(beyond, resolved) { ranked[index] = result }
        }
        var items = slice.compactMap { ranked[$0] }
        var total = hits.count
        // What the query names outright comes first on the first page.
        if kind == nil || kind == .law, let named = built.named(in: typed) {
            if page.offset == 0 { items = Array(([named] + items.filter { !$0.isSame(as: named) }).prefix(page.size)) }
            // Counted once: among the ranked window it was counted already (beyond it, rarely, twice).
            if !ranked.contains(where: { $0?.isSame(as: named) == true }) { total += 1 }
        }
        return (query, Paged(items: items, page: page, total: total))
    }

    /// 智能咨询: the FAQs and law articles that best answer a question in plain words, and
    /// whether the best of them answers it well enough (`SearchRanking.answers`).
    func ask(_ typed: String, limit: Int = 5, answers: KnowledgeAnswers) async throws -> (question: PlainQuestion, results: [Result], answered: Bool) {
        let built = try await answers.current(on: db)
        let question = built.question(typed)
        var best = built.index.answers(question, limit: limit).map { built.results[$0.document] }
        var answered = best.first.map { SearchRanking.answers($0.candidate, question) } ?? false
        // A cited article (民法典第1077条…) is the first answer, and answers the question.
        if let named = built.named(in: typed), named.article != nil {
            best = Array(([named] + best.filter { !$0.isSame(as: named) }).prefix(limit))
            answered = true
        }
        return (question, best, answered)
    }

    /// Every published entry, read as plain rows (no reflection), in one pass over the table —
    /// no list of ids to bind (PostgreSQL takes at most 65 535 parameters in a statement, which a
    /// knowledge base of 100 000 articles passed).
    static func allPublished(on db: Database) async throws -> [KnowledgeEntryModel] {
        struct Row: Decodable {
            var id: UUID
            var kind: String
            var title: String
            var body: String
            var version: Int
            var views: Int
            var updated_at: Date
            var published_at: Date?
            var published: Bool
        }
        let rows = try await (db as! any SQLDatabase).select()
            .columns("id", "kind", "title", "body", "version", "views", "updated_at", "published_at", "published")
            .from(KnowledgeEntryModel.schema)
            .where("published", .equal, true)
            .all(decoding: Row.self)
        return rows.map { row in
            let entry = KnowledgeEntryModel()
            entry.id = row.id
            entry.kind = row.kind
            entry.title = row.title
            entry.body = row.body
            entry.published = true
            entry.version = row.version
            entry.views = row.views
            entry.updatedAt = row.updated_at
            entry.publishedAt = row.published_at
            return entry
        }
    }

    /// Questions 智能咨询 could not answer, most asked first.
    func openQuestions(page: ListPage) async throws -> Paged<KnowledgeQuestionModel> {
        try await KnowledgeQuestionModel.query(on: db).filter(\.$handled == false)
            .sort(\.$timesAsked, .descending).sort(\.$lastAskedAt, .descending).sort(\.$id).paged(page)
    }

    func markHandled(_ id: UUID, by editor: AccountModel) async throws {
        try await services.transaction(on: db) { tx in
            guard let question = try await KnowledgeQuestionModel.find(id, on: tx) else { throw AppError.notFound("问题") }
            question.handled = true
            try await question.save(on: tx)
            try await AuditLog.append(AuditRecord(account: editor, event: "knowledge.questionHandled", target: "knowledge-question:\(id)",
                                                  clientAddress: clientAddress), at: now, on: tx)
        }
    }

    // MARK: writing

    /// A new draft (version 1).
    func create(_ input: KnowledgeInput, by editor: AccountModel, fromConsultation: UUID? = nil) async throws -> KnowledgeEntryModel {
        let entry = KnowledgeEntryModel()
        entry.id = UUID()
        entry.kind = input.kind.rawValue
        entry.title = input.title
        entry.body = input.body
        entry.published = false
        entry.version = 1
        entry.views = 0
        entry.sourceConsultationID = fromConsultation
        entry.createdAt = now
        entry.updatedAt = now
        try await services.transaction(on: db) { tx in
            try await entry.create(on: tx)
            try await record(entry, action: "created", note: input.note, by: editor, on: tx)
        }
        return entry
    }

    /// Saves an edit made on `expectedVersion`; refused when someone saved in between.
    func update(_ id: UUID, _ input: KnowledgeInput, expectedVersion: Int, by editor: AccountModel) async throws -> KnowledgeEntryModel {
        try await change(id, expectedVersion: expectedVersion, action: "edited", note: input.note, by: editor) { entry in
            entry.kind = input.kind.rawValue
            entry.title = input.title
            entry.body = input.body
        }
    }

    func publish(_ id: UUID, expectedVersion: Int, by editor: AccountModel) async throws -> KnowledgeEntryModel {
        try await change(id, expectedVersion: expectedVersion, action: "published", note: nil, by: editor) { entry in
            guard !entry.published else { throw AppError(status: .conflict, code: "alreadyPublished", message: "这篇内容已经发布") }
            entry.published = true
            entry.publishedAt = now
        }
    }

    func unpublish(_ id: UUID, expectedVersion: Int, by editor: AccountModel) async throws -> KnowledgeEntryModel {
        try await change(id, expectedVersion: expectedVersion, action: "unpublished", note: nil, by: editor) { entry in
            guard entry.published else { throw AppError(status: .conflict, code: "notPublished", message: "这篇内容尚未发布") }
            entry.published = false
        }
    }

    private func change(_ id: UUID, expectedVersion: Int, action: String, note: String?, by editor: AccountModel,
                        _ apply: @escaping @Sendable (KnowledgeEntryModel) throws -> Void) async throws -> KnowledgeEntryModel {
        try await services.transaction(on: db) { tx in
            guard let entry = try await KnowledgeEntryModel.find(id, on: tx) else { throw AppError.notFound("文章") }
            guard entry.version == expectedVersion else {
                throw AppError(status: .conflict, code: "staleVersion", message: "这篇内容已被他人修改（当前为第\(entry.version)版），请刷新后在最新版本上修改",
                               field: "version")
            }
            try apply(entry)
            entry.version += 1
            entry.updatedAt = now
            // Only the row still at the expected version moves: of two saves at once, the
            // second finds nothing to update and is refused as stale.
            let moved = try await (tx as! any SQLDatabase).update(KnowledgeEntryModel.schema)
                .set("kind", to: entry.kind).set("title", to: entry.title).set("body", to: entry.body)
                .set("published", to: entry.published).set("published_at", to: entry.publishedAt)
                .set("version", to: entry.version).set("updated_at", to: now)
                .where("id", .equal, entry.id!).where("version", .equal, expectedVersion)
                .returning("id").all()
            guard !moved.isEmpty else {
                throw AppError(status: .conflict, code: "staleVersion", message: "这篇内容已被他人修改，请刷新后在最新版本上修改", field: "version")
            }
            try await record(entry, action: action, note: note, by: editor, on: tx)
            try await KnowledgeIndex(tx).reindex(entry)
            return entry
        }
    }

    func record(_ entry: KnowledgeEntryModel, action: String, note: String?, by editor: AccountModel, on tx: Database) async throws {
        let version = KnowledgeVersionModel()
        version.id = UUID()
        version.entryID = entry.id!
        version.version = entry.version
        version.kind = entry.kind
        version.title = entry.title
        version.body = entry.body
        version.note = (note?.isEmpty ?? true) ? nil : note
        version.action = action
        version.editorAccountID = editor.id!
        version.at = now
        try await version.create(on: tx)
        try await KnowledgeGeneration.bump(.entries, on: tx)
        try await AuditLog.append(AuditRecord(account: editor, event: "knowledge.\(action)", target: "knowledge:\(entry.id!)",
                                              clientAddress: clientAddress, detail: "第\(entry.version)版"), at: now, on: tx)
    }
}

extension KnowledgeService {
    /// What loading one law did.
    enum LawLoad: String {
        case created, updated, unchanged
    }

    /// Loads one law of a corpus in one transaction: a new entry, or a new version of the law
    /// with the same title (never a second one), or nothing when its text is unchanged. Published
    /// when asked (a new version of a published law stays published).
    func load(_ law: LawCorpus.Law, publish: Bool, by editor: AccountModel) async throws -> LawLoad {
        let body = law.status == .inForce ? law.body : "> 时效性：\(law.status.rawValue)\n\n" + law.body
        return try await services.transaction(on: db) { tx in
            let existing = try await KnowledgeEntryModel.query(on: tx).filter(\.$kind == KnowledgeKind.law.rawValue)
                .filter(\.$title == law.title).sort(\.$createdAt).first()
            let entry: KnowledgeEntryModel
            let outcome: LawLoad
            if let existing {
                guard existing.body != body || (publish && !existing.published) else { return .unchanged }
                entry = existing
                entry.body = body
                entry.version += 1
                outcome = .updated
            } else {
                entry = KnowledgeEntryModel()
                entry.id = UUID()
                entry.kind = KnowledgeKind.law.rawValue
                entry.title = law.title
                entry.body = body
                entry.published = false
                entry.version = 1
                entry.views = 0
                entry.createdAt = now
                outcome = .created
            }
            if publish && !entry.published {
                entry.published = true
                entry.publishedAt = now
            }
            entry.updatedAt = now
            try await entry.save(on: tx)
            try await record(entry, action: outcome == .created ? "created" : "edited", note: "导入法律法规库（\(law.status.rawValue)）", by: editor, on: tx)
            try await KnowledgeIndex(tx).reindex(entry)
            return outcome
        }
    }
}
