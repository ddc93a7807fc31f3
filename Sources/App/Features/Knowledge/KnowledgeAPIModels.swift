import Foundation
import LegalAidCore
import Vapor
import KnowledgeCore

extension API {
    /// A piece of a title or snippet, marked when it matched what was searched.
    struct TextPiece: Content, Equatable {
        var text: String
        var matched: Bool
    }

    /// One line of a knowledge list or of search results: an entry, or one article of a law.
    struct KnowledgeItem: Content {
        var id: UUID
        var kind: String
        var kindLabel: String
        var title: String
        /// Set when the item is one article of a law (31 for 第三十一条).
        var article: Int?
        var url: String
        var snippet: String
        /// When searching: the title and snippet cut into matched and unmatched pieces.
        var titlePieces: [TextPiece]?
        var snippetPieces: [TextPiece]?
        var published: Bool
        var version: Int
        var views: Int
        var updatedAt: Date
        var publishedAt: Date?
    }

    struct LawArticleBody: Content {
        var number: Int
        var label: String
        var chapter: String?
        /// The section (第一节…) within the chapter, when the law has sections.
        var section: String?
        var text: String
        var url: String
    }

    /// An entry whole: its Markdown, and for a law its articles.
    struct KnowledgeEntryBody: Content {
        var id: UUID
        var kind: String
        var kindLabel: String
        var title: String
        var body: String
        var published: Bool
        var version: Int
        var views: Int
        var updatedAt: Date
        var publishedAt: Date?
        var url: String
        var articles: [LawArticleBody]?
    }

    /// What an editor sends to create (no version) or save (the version edited) an entry.
    struct KnowledgeWrite: Content {
        var kind: String?
        var title: String?
        var body: String?
        var note: String?
        var version: Int?
    }

    /// Publishing or withdrawing: the version the editor saw.
    struct KnowledgeStepBody: Content {
        var version: Int?
    }

    /// 智能咨询's answer: the best-fitting items, whether they answer it, and where people help.
    struct KnowledgeAnswer: Content {
        var answered: Bool
        var items: [KnowledgeItem]
        var help: [HelpLink]
    }

    struct HelpLink: Content {
        var label: String
        var url: String
    }

    struct KnowledgeQuestionBody: Content {
        var id: UUID
        var question: String
        var timesAsked: Int
        var firstAskedAt: Date
        var lastAskedAt: Date
        var handled: Bool
    }

    struct KnowledgeVersionBody: Content {
        var version: Int
        var action: String
        var actionLabel: String
        var title: String
        var note: String?
        var editorName: String
        var at: Date
    }
}

extension KnowledgeEntryModel {
    var pageURL: String { SiteURL.knowledgeEntry(.value(id!)).path }

    var plainSnippet: String {
        let text = Markdown.plainText(body).split(whereSeparator: \.isNewline).joined(separator: " ")
        return text.count > 120 ? String(text.prefix(120)) + "…" : text
    }

    /// The entry in a list; `snippet` when the caller has one already (an article's), else the
    /// start of the body (reduced from Markdown: costly for a whole law).
    func item(snippet: String? = nil) -> API.KnowledgeItem {
        API.KnowledgeItem(id: id!, kind: kind, kindLabel: knowledgeKind.chinese, title: title, article: nil, url: pageURL, snippet: snippet ?? plainSnippet,
                          titlePieces: nil, snippetPieces: nil, published: published, version: version, views: views,
                          updatedAt: updatedAt, publishedAt: publishedAt)
    }

    func body(articles withArticles: Bool = true) -> API.KnowledgeEntryBody {
        API.KnowledgeEntryBody(
            id: id!, kind: kind, kindLabel: knowledgeKind.chinese, title: title, body: body, published: published, version: version,
            views: views, updatedAt: updatedAt, publishedAt: publishedAt, url: pageURL,
            articles: knowledgeKind == .law && withArticles ? LawText.articles(body).map { $0.body(in: id!) } : nil)
    }
}

extension LawText.Article {
    func body(in law: UUID) -> API.LawArticleBody {
        API.LawArticleBody(number: number.number, label: label, chapter: chapter, section: section, text: text, url: SiteURL.lawArticle(.value(law), .value(number)).path)
    }
}

extension KnowledgeService.Result {
    func item(_ query: SearchQuery) -> API.KnowledgeItem {
        let snippet = Highlight.snippet(plainText, query)
        var item = entry.item(snippet: snippet.map(\.text).joined())
        item.title = title
        item.article = article?.number.number
        if let article { item.url = SiteURL.lawArticle(.value(entry.id!), .value(article.number)).path }
        item.titlePieces = Highlight.pieces(title, query).map { API.TextPiece(text: $0.text, matched: $0.matched) }
        item.snippetPieces = snippet.map { API.TextPiece(text: $0.text, matched: $0.matched) }
        return item
    }
}

enum KnowledgeText {
    static func action(_ action: String) -> String {
        switch action {
        case "created": "新建"
        case "edited": "修改"
        case "published": "发布"
        case "unpublished": "撤回"
        default: action
        }
    }
}

extension KnowledgeQuestionModel {
    var body: API.KnowledgeQuestionBody {
        API.KnowledgeQuestionBody(id: id!, question: question, timesAsked: timesAsked, firstAskedAt: firstAskedAt, lastAskedAt: lastAskedAt, handled: handled)
    }
}

extension API.HelpLink {
    /// The ways to a person, always offered beside automatic answers.
    static let people: [API.HelpLink] = [
        API.HelpLink(label: "在线咨询或留言", url: SiteURL.consult.path),
        API.HelpLink(label: "拨打12348公共法律服务热线", url: "tel:12348"),
    ]
}
