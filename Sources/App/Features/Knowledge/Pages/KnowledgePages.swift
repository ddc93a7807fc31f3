import Foundation
import LegalAidCore
import KnowledgeCore

/// Matched words shown marked (`<mark>`), the rest as written; every piece escaped.
func marked(_ pieces: [API.TextPiece]) -> HTML {
    HTML(raw: pieces.map { $0.matched ? "<mark>\(HTML.escape($0.text))</mark>" : HTML.escape($0.text) }.joined())
}

/// 法律知识: one search box over the whole knowledge base, the four sections, and results with
/// the matched words marked.
struct KnowledgeListPage: PageView {
    var query: String
    var kind: KnowledgeKind?
    var items: [API.KnowledgeItem]
    var total: Int
    var pager: HTML
    /// A search was made (as opposed to browsing a section).
    var searching: Bool
    /// Only punctuation was typed.
    var nothingToSearch = false
    /// Institutions of the directory the same words find.
    var institutions: [API.DirectoryInstitution] = []

    var title: String { searching ? "搜索：\(query)" : (kind.map { "法律知识 · \($0.chinese)" } ?? "法律知识") }

    func body(in context: PageContext) -> HTML {
        let kinds: [HTML] = KnowledgeKind.allCases.map { k in
            let current = k == kind
            return "<li><a href=\"\(SiteURL.knowledge)?kind=\(k.rawValue)\"\(HTML(raw: current ? " aria-current=\"page\"" : ""))>\(k.chinese)</a></li>"
        }
        let options: [HTML] = KnowledgeKind.allCases.map { k in
            "<option value=\"\(k.rawValue)\"\(HTML(raw: k == kind ? " selected" : ""))>\(k.chinese)</option>"
        }
        // A search's answers come first under their own heading, the institutions after under
        // theirs (on a phone, an institution above the answers was read as the answer).
        let sectioned = searching && !institutions.isEmpty
        let level = sectioned ? "h3" : "h2"
        let results: [HTML] = items.map { item in
            let title = item.titlePieces.map(marked) ?? HTML(raw: HTML.escape(item.title))
            let snippet = item.snippetPieces.map(marked) ?? HTML(raw: HTML.escape(item.snippet))
            return """
            <li class="result"><p class="result-kind">\(item.kindLabel)</p>
            <\(level) class="result-title"><a href="\(item.url)">\(title)</a></\(level)>
            <p class="result-snippet">\(snippet)</p></li>
            """
        }
        let heading: HTML = searching
            ? (nothingToSearch ? "<p class=\"notice\" role=\"status\">请输入要查找的字词，例如“工伤”“离婚”“拖欠工资”。</p>"
               : "<p role=\"status\">找到\(total)条与“\(query)”有关的内容\(HTML(raw: total >= KnowledgeService.candidateLimit ? "（显示最相关的\(KnowledgeService.candidateLimit)条）" : ""))。</p>")
            : .empty
        let empty: HTML = items.isEmpty && !nothingToSearch
            ? (searching ? """
               <div class="notice"><p>没有找到包含这些字词的内容。可以换个说法，或只输入两个字的关键词；也可以<a href="\(SiteURL.knowledgeAsk.path + "?q=" + (query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))">用“智能咨询”按意思查找</a>。</p>
               <p>也可以直接问人：<a href="\(SiteURL.consult)">在线咨询或留言</a>，或拨打<a href="tel:12348">12348</a>公共法律服务热线。</p></div>
               """ : "<p>这个栏目暂时还没有内容。</p>")
            : .empty
        return """
        <form method="get" action="\(SiteURL.knowledge)" class="search-form" role="search">
          <label for="f-q">搜索法律知识</label>
          <div class="search-row">
            <input type="search" id="f-q" name="q" value="\(query)" placeholder="例如：工伤、离婚、拖欠工资" aria-describedby="f-q-hint">
            <label for="f-kind" class="visually-hidden">栏目</label>
            <select id="f-kind" name="kind"><option value="">全部栏目</option>\(options)</select>
            <button type="submit">搜索</button>
          </div>
          <p class="hint" id="f-q-hint">输入关键词，例如“工伤”。想用自己的话描述问题，请用<a href="\(SiteURL.knowledgeAsk)">智能咨询</a>。</p>
        </form>
        <nav aria-label="栏目"><ul class="tabs">\(kinds)</ul></nav>
        \(heading)
        \(empty)
        \(when(!results.isEmpty) {
            sectioned ? "<section aria-labelledby=\"answers\"><h2 id=\"answers\">法律知识</h2><ol class=\"results\">\(results)</ol>\(pager)</section>"
                : "<ol class=\"results\">\(results)</ol>\(pager)"
        })
        \(when(!institutions.isEmpty) {
            let cards: [HTML] = institutions.map { institutionCard($0, highlight: SearchQuery(query), level: "h3") }
            return "<section aria-labelledby=\"places\"><h2 id=\"places\">相关机构</h2><ol class=\"results plain\">\(cards)</ol><p><a href=\"\(SiteURL.directory)?q=\(query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")\">查看全部相关机构</a></p></section>"
        })
        \(askPeople(context))
        """
    }

    /// The way to a person, for those the consultation desk serves (the public and citizens);
    /// staff answer it at `/desk` and would be turned away from `/consult`.
    private func askPeople(_ context: PageContext) -> HTML {
        guard context.account.map(\.isCitizen) ?? true else { return "" }
        return "<p class=\"hint\">没有找到答案？<a href=\"\(SiteURL.consult)\">向律师咨询</a>或拨打<a href=\"tel:12348\">12348</a>。</p>"
    }
}

/// One entry: a law with its articles, an article, a typical case or an FAQ.
struct KnowledgeEntryPage: PageView {
    var entry: API.KnowledgeEntryBody
    var rendered: HTML
    var editor: Bool

    var title: String { entry.title }

    func body(in context: PageContext) -> HTML {
        let contents: [HTML] = (entry.articles ?? []).map { a in
            "<li><a href=\"\(a.url)\">\(a.label)</a> \(String(a.text.prefix(30)))\(a.text.count > 30 ? "…" : "")</li>"
        }
        return """
        <p class="result-kind">\(entry.kindLabel)\(HTML(raw: entry.published ? "" : " · <strong>未发布（仅工作人员可见）</strong>"))</p>
        <p class="hint">\(entry.publishedAt.map { "发布于" + LocalDate($0).chinese } ?? "")\(entry.published ? " · 阅读\(entry.views)次" : "")</p>
        \(when(editor) { "<p><a class=\"button secondary\" href=\"\(SiteURL.editKnowledgeEntry(.value(entry.id)))\">修改</a></p>" })
        <article class="knowledge-body">\(rendered)</article>
        \(when(!contents.isEmpty) { "<h2>逐条查看</h2><ol class=\"plain article-list\">\(contents)</ol>" })
        <p><a href="\(SiteURL.knowledge)?kind=\(entry.kind)">返回\(entry.kindLabel)</a> · <a href="\(SiteURL.consult)">还有疑问？向律师咨询</a></p>
        """
    }
}

/// One article of a law, at its own address (cited and shared by article).
struct LawArticlePage: PageView {
    var law: API.KnowledgeEntryBody
    var article: API.LawArticleBody
    var previous: API.LawArticleBody?
    var next: API.LawArticleBody?

    var title: String { "\(law.title) \(article.label)" }

    func body(in context: PageContext) -> HTML {
        let paragraphs: [HTML] = article.text.split(whereSeparator: \.isNewline).map { "<p>\(String($0))</p>" }
        return """
        \(article.chapter.map { c -> HTML in "<p class=\"hint\">\(c)\(article.section.map { "　\($0)" } ?? "")</p>" })
        <article class="knowledge-body law-article"><p><strong>\(article.label)</strong></p>\(paragraphs)</article>
        <nav class="pager" aria-label="条文">
          \(previous.map { p -> HTML in "<a href=\"\(p.url)\" rel=\"prev\">上一条（\(p.label)）</a>" })
          <a href="\(law.url)">全文</a>
          \(next.map { n -> HTML in "<a href=\"\(n.url)\" rel=\"next\">下一条（\(n.label)）</a>" })
        </nav>
        """
    }
}

/// 普法内容 for editors: every entry, drafts included, newest change first.
struct KnowledgeManagePage: PageView {
    var kind: KnowledgeKind?
    var items: [API.KnowledgeItem]
    var pager: HTML

    var title: String { "普法内容管理" }

    func body(in context: PageContext) -> HTML {
        let rows: [HTML] = items.map { item in
            """
            <tr><td><a href="\(SiteURL.editKnowledgeEntry(.value(item.id)))">\(item.title)</a></td><td>\(item.kindLabel)</td>
            <td>\(item.published ? "已发布" : "草稿")</td><td>第\(item.version)版</td><td>\(TimeText.chinese(item.updatedAt))</td><td>\(item.views)</td></tr>
            """
        }
        let kinds: [HTML] = KnowledgeKind.allCases.map { k in
            "<li><a href=\"\(SiteURL.knowledgeManage)?kind=\(k.rawValue)\"\(HTML(raw: k == kind ? " aria-current=\"page\"" : ""))>\(k.chinese)</a></li>"
        }
        return """
        <p><a class="button" href="\(SiteURL.newKnowledgeEntry)">新建内容</a> <a href="\(SiteURL.knowledgeQuestions)">待补充解答的问题</a> · <a href="\(SiteURL.lawImport)">导入法律法规</a> · <a href="\(SiteURL.knowledgeSynonyms)">智能咨询口语词表</a> · <a href="\(SiteURL.knowledge)">查看公众页面</a></p>
        <nav aria-label="栏目"><ul class="tabs"><li><a href="\(SiteURL.knowledgeManage)"\(HTML(raw: kind == nil ? " aria-current=\"page\"" : ""))>全部</a></li>\(kinds)</ul></nav>
        \(table(rows))
        \(pager)
        """
    }
}

extension KnowledgeManagePage {
    private func table(_ rows: [HTML]) -> HTML {
        guard !rows.isEmpty else { return "<p>还没有内容。</p>" }
        return """
        <div class="table-wrap"><table><caption class="visually-hidden">普法内容</caption>
        <thead><tr><th scope="col">标题</th><th scope="col">栏目</th><th scope="col">状态</th><th scope="col">版本</th><th scope="col">最近修改</th><th scope="col">阅读</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        """
    }
}

/// Writing or editing an entry, and publishing or withdrawing it.
struct KnowledgeEditPage: PageView {
    struct Form {
        var kind = ""
        var title = ""
        var body = ""
        var note = ""
        var version = 0
    }

    /// Nil while creating.
    var entry: API.KnowledgeEntryBody?
    var form: Form
    var errors = FormErrors()
    /// Written from this consultation (publish as FAQ).
    var fromConsultation: UUID?

    var title: String { entry == nil ? "新建内容" : "修改：\(entry!.title)" }

    func body(in context: PageContext) -> HTML {
        let kinds = KnowledgeKind.allCases.map { (value: $0.rawValue, label: $0.chinese) }
        let action: SiteURL = entry.map { .editKnowledgeEntry(.value($0.id)) } ?? .newKnowledgeEntry
        let steps: HTML = entry.map { e -> HTML in
            let step: KnowledgeStep = e.published ? .unpublish : .publish
            return """
            <section class="panel" aria-label="发布状态">
              <p>当前：\(e.published ? "已发布（公众可见）" : "草稿（公众不可见）") · 第\(e.version)版 · <a href="\(SiteURL.knowledgeVersions(.value(e.id)))">修改记录</a>\(HTML(raw: e.published ? " · <a href=\"\(HTML.escape(e.url))\">查看公众页面</a>" : ""))</p>
              <form method="post" action="\(SiteURL.knowledgeStep(.value(e.id), step))">
                \(Fields.csrf(context.csrfToken))\(Fields.hidden("version", String(e.version)))
                <button type="submit"\(HTML(raw: e.published ? " class=\"secondary\"" : ""))>\(e.published ? "撤回（不再公开）" : "发布")</button>
              </form>
            </section>
            """
        } ?? .empty
        return """
        \(steps)
        \(when(fromConsultation != nil) { "<p class=\"notice\">内容取自一次咨询，已去掉手机号、身份证号和咨询人的称呼。发布前请再通读一遍，删去其他可能识别个人的信息（如单位、住址、人名）。</p>" })
        \(errors.summary(labels: ["kind": "栏目", "title": "标题", "body": "正文", "note": "修改说明", "version": "版本"]))
        <form method="post" action="\(action)" class="knowledge-form">
          \(Fields.csrf(context.csrfToken))
          \(when(entry != nil) { Fields.hidden("version", String(form.version)) })
          \(fromConsultation.map { Fields.hidden("fromConsultation", $0.uuidString) })
          \(Fields.select("kind", "栏目", options: kinds, selected: form.kind, errors: errors))
          \(Fields.text("title", "标题", value: form.title, errors: errors, hint: "2到80个字，如“被拖欠工资怎么办？”"))
          \(Fields.textarea("body", "正文", value: form.body, errors: errors,
                            hint: "可用Markdown：## 小标题、- 列表、**加粗**、[链接文字](https://…)。法律法规请逐条另起一行，以“第一条　”开头。"))
          \(Fields.text("note", "修改说明", value: form.note, errors: errors, hint: "选填，如“根据新规修订第三段”", required: false))
          <button type="submit">保存</button>
        </form>
        """
    }
}

/// Every saved state of an entry: who changed, published or withdrew it, and when.
struct KnowledgeVersionsPage: PageView {
    var entry: API.KnowledgeEntryBody
    var versions: [API.KnowledgeVersionBody]
    var pager: HTML

    var title: String { "修改记录：\(entry.title)" }

    func body(in context: PageContext) -> HTML {
        let rows: [HTML] = versions.map { v in
            "<tr><td>第\(v.version)版</td><td>\(v.actionLabel)</td><td>\(v.title)</td><td>\(v.note ?? "")</td><td>\(v.editorName)</td><td>\(TimeText.chinese(v.at))</td></tr>"
        }
        return """
        <p><a href="\(SiteURL.editKnowledgeEntry(.value(entry.id)))">返回修改</a></p>
        <div class="table-wrap"><table><caption class="visually-hidden">修改记录</caption>
        <thead><tr><th scope="col">版本</th><th scope="col">操作</th><th scope="col">标题</th><th scope="col">说明</th><th scope="col">操作人</th><th scope="col">时间</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        \(pager)
        """
    }
}
