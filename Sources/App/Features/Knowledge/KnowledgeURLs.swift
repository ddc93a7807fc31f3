import Foundation
import KnowledgeCore
import LegalAidCore

/// The knowledge base's addresses: search, entries, laws by article, 智能咨询, editing and law import.
extension SiteURL {
    static let knowledge = SiteURL("/knowledge")
    static func knowledgeEntry(_ id: Parameter<UUID>) -> SiteURL { SiteURL("/knowledge/\(id.segment("id"))") }
    static func lawArticle(_ id: Parameter<UUID>, _ number: Parameter<ArticleNumber>) -> SiteURL { SiteURL("/knowledge/\(id.segment("id"))/articles/\(number.segment("article") { $0.description })") }
    static let knowledgeManage = SiteURL("/knowledge/manage")
    static let newKnowledgeEntry = SiteURL("/knowledge/new")
    static func editKnowledgeEntry(_ id: Parameter<UUID>) -> SiteURL { SiteURL("/knowledge/\(id.segment("id"))/edit") }
    static func knowledgeStep(_ id: Parameter<UUID>, _ step: KnowledgeStep) -> SiteURL { SiteURL("/knowledge/\(id.segment("id"))/\(step.rawValue)") }
    static func knowledgeVersions(_ id: Parameter<UUID>) -> SiteURL { SiteURL("/knowledge/\(id.segment("id"))/versions") }
    static let knowledgeAsk = SiteURL("/knowledge/ask")
    static let knowledgeQuestions = SiteURL("/knowledge/questions")
    static func knowledgeQuestionDone(_ id: Parameter<UUID>) -> SiteURL { SiteURL("/knowledge/questions/\(id.segment("id"))/done") }
    static let lawImport = SiteURL("/knowledge/import")
    static let lawCorpusImport = SiteURL("/knowledge/import/corpus")
    static let knowledgeSynonyms = SiteURL("/knowledge/synonyms")
    static func knowledgeSynonym(_ id: Parameter<UUID>) -> SiteURL { SiteURL("/knowledge/synonyms/\(id.segment("id"))") }
    static func removeKnowledgeSynonym(_ id: Parameter<UUID>) -> SiteURL { SiteURL("/knowledge/synonyms/\(id.segment("id"))/remove") }
    static let knowledgeSynonymHistory = SiteURL("/knowledge/synonyms/history")
}

extension APIPath {
    static let knowledge = APIPath("/knowledge")
    static func knowledgeEntry(_ id: Parameter<UUID>) -> APIPath { APIPath("/knowledge/\(id.segment("id"))") }
    static func lawArticle(_ id: Parameter<UUID>, _ number: Parameter<ArticleNumber>) -> APIPath { APIPath("/knowledge/\(id.segment("id"))/articles/\(number.segment("article") { $0.description })") }
    static func knowledgeStep(_ id: Parameter<UUID>, _ step: KnowledgeStep) -> APIPath { APIPath("/knowledge/\(id.segment("id"))/\(step.rawValue)") }
    static func knowledgeVersions(_ id: Parameter<UUID>) -> APIPath { APIPath("/knowledge/\(id.segment("id"))/versions") }
    static let knowledgeAsk = APIPath("/knowledge/ask")
    static let knowledgeQuestions = APIPath("/knowledge/questions")
    static func knowledgeQuestionDone(_ id: Parameter<UUID>) -> APIPath { APIPath("/knowledge/questions/\(id.segment("id"))/done") }
}

/// Steps on a knowledge-base entry (page and API alike).
enum KnowledgeStep: String, Sendable, CaseIterable {
    case publish
    case unpublish
}
