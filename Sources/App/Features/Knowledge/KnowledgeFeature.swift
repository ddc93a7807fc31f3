import Fluent
import LegalAidCore
import Vapor
import KnowledgeCore

/// The knowledge base (普法): legal publicity articles, laws cut to the article, typical cases
/// and FAQs; staff write them in Markdown and publish them; anyone reads and searches them in
/// Chinese. The rules (terms, ranking, highlighting, the law by article) live in
/// `LegalAidCore/Knowledge`; this folder stores, indexes and serves them.
struct KnowledgeFeature: Feature {
    var migrations: [any Migration] { [CreateKnowledgeEntries(), CreateKnowledgeSearch(), CreateKnowledgeQuestions(), IndexKnowledgeTitles(), CreateKnowledgeSynonyms(), CreateKnowledgeGeneration()] }

    func prepare(_ app: Application) throws {
        app.knowledgeViews = KnowledgeViewCounter()
        app.knowledgeAnswers = KnowledgeAnswers()
        app.knowledgeQuestions = KnowledgeQuestionLog()
    }

    func boot(routes: RoutesBuilder) throws {
        try routes.register(collection: KnowledgeController())
        try routes.register(collection: KnowledgeSynonymController())
        try routes.register(collection: KnowledgeImportController())
        try routes.register(collection: KnowledgeAPIController())
    }

    func commands(_ app: Application) {
        app.asyncCommands.use(BenchSearchCommand(), as: "bench-search")
        app.asyncCommands.use(ImportLawCorpusCommand(), as: "import-laws")
    }

    func seedDemo(_ app: Application) async throws {
        try await KnowledgeDemo.seedIfEmpty(app)
    }

    func navigation(for viewer: NavigationViewer) -> [NavigationLink] {
        if let actor = viewer.account?.actor, KnowledgeRules.mayEdit(actor) {
            return [NavigationLink("普法内容", .knowledgeManage, rank: 41)]
        }
        return viewer.isStaff ? [] : [NavigationLink("法律知识", .knowledge, rank: 7)]
    }

    func jobs(_ settings: Settings) -> [PeriodicJob] {
        [PeriodicJob("knowledge-views", every: .seconds(5), runsAgainOnShutdown: true) { app in
            _ = try await app.knowledgeViews.flush(services: app.fayuan, on: app.db)
            _ = try await app.knowledgeQuestions.flush(services: app.fayuan, on: app.db)
            return nil
        }]
    }
}
