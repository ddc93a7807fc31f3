import Foundation
import KnowledgeCore
import LegalAidCore

/// One word of the list as the pages show it.
struct KnowledgeSynonymRow: Sendable, Equatable {
    var id: UUID
    var word: String
    var terms: [String]
    var version: Int
    var updatedAt: Date
}

/// One change to the list as the pages show it.
struct KnowledgeSynonymChangeRow: Sendable, Equatable {
    var synonymID: UUID
    var word: String
    var actionLabel: String
    var before: String?
    var after: String?
    var note: String?
    var editorName: String
    var at: Date
}

/// What an editor typed into the word form, shown again with the errors when refused.
struct KnowledgeSynonymForm: Sendable, Equatable {
    var word = ""
    var terms = ""
    var note = ""
    var version = 0
}

/// 口语词表: the words people use and what the law calls them, which 智能咨询 reads every
/// question with; a box to see how a question is read; a form to add a word.
struct KnowledgeSynonymsPage: PageView {
    var query: String
    var items: [KnowledgeSynonymRow]
    var total: Int
    var pager: HTML
    var form = KnowledgeSynonymForm()
    var errors = FormErrors([])
    /// A question typed into 试一试 and how it was read: each idea's words.
    var tried: (question: String, ideas: [[String]])?

    var title: String { "智能咨询口语词表" }

    func body(in context: PageContext) -> HTML {
        let rows: [HTML] = items.map { item in
            """
            <tr><th scope="row"><a href="\(SiteURL.knowledgeSynonym(.value(item.id)))">\(item.word)</a></th>
            <td>\(item.terms.joined(separator: "、"))</td><td>第\(item.version)版</td><td>\(TimeText.chinese(item.updatedAt))</td></tr>
            """
        }
        let listing: HTML = rows.isEmpty ? "<p>没有找到。</p>" : """
            <div class="table-wrap"><table><caption class="visually-hidden">口语词表</caption>
            <thead><tr><th scope="col">口语词</th><th scope="col">法律上的说法</th><th scope="col">版本</th><th scope="col">最后修改</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """
        return """
        <p>群众提问时常用口语（如“老板”“工资”），法律条文用的是“用人单位”“劳动报酬”。智能咨询读问题时，把这里的口语词当作对应的法律用语来找答案。修改后立即生效，每次修改都有记录。</p>
        <p><a href="\(SiteURL.knowledgeSynonymHistory)">全部修改记录</a> · <a href="\(SiteURL.knowledgeQuestions)">待补充解答的问题</a> · <a href="\(SiteURL.knowledgeManage)">普法内容管理</a></p>
        <section aria-labelledby="try"><h2 id="try">试一试：智能咨询怎样理解一个问题</h2>
        <form method="get" action="\(SiteURL.knowledgeSynonyms)" class="search-form">
          <label for="f-try">群众的问题</label>
          <div class="search-row"><input type="search" id="f-try" name="try" value="\(tried?.question ?? "")" placeholder="例如：老板不给工资怎么办">
          <button type="submit">看看怎样理解</button></div>
        </form>
        \(tried.map(triedList) ?? .empty)
        </section>
        <section aria-labelledby="add"><h2 id="add">新增口语词</h2>
        \(errors.summary())
        <form method="post" action="\(SiteURL.knowledgeSynonyms)">
          \(Fields.csrf(context.csrfToken))
          \(Fields.text("word", "群众常说的词", value: form.word, errors: errors, hint: "一个词，例如：包工头"))
          \(Fields.text("terms", "法律上的说法", value: form.terms, errors: errors, hint: "多个用顿号隔开，例如：施工总承包单位、分包单位"))
          \(Fields.text("note", "说明（可不填）", value: form.note, errors: errors, required: false))
          <button type="submit">加入词表</button>
        </form></section>
        <section aria-labelledby="list"><h2 id="list">词表（共\(total)个）</h2>
        <form method="get" action="\(SiteURL.knowledgeSynonyms)" class="search-form" role="search">
          <label for="f-q">查找口语词或法律用语</label>
          <div class="search-row"><input type="search" id="f-q" name="q" value="\(query)"><button type="submit">查找</button></div>
        </form>
        \(listing)
        \(pager)</section>
        """
    }

    private func triedList(_ tried: (question: String, ideas: [[String]])) -> HTML {
        guard !tried.ideas.isEmpty else { return "<p class=\"notice\" role=\"status\">这句话里没有可以查找的字词。</p>" }
        let ideas: [HTML] = tried.ideas.map { phrases in
            phrases.count > 1 ? "<li>“\(phrases[0])” → 按“\(phrases.dropFirst().joined(separator: "”“"))”查找</li>" : "<li>“\(phrases[0])”（按原词查找）</li>"
        }
        return "<div role=\"status\"><p>智能咨询从这句话里找出\(tried.ideas.count)个要点：</p><ul>\(ideas)</ul></div>"
    }
}

/// One word: change or remove it, and its history.
struct KnowledgeSynonymPage: PageView {
    var synonym: KnowledgeSynonymRow
    var form: KnowledgeSynonymForm
    var errors = FormErrors([])
    var history: [KnowledgeSynonymChangeRow]
    var pager: HTML

    var title: String { "口语词：\(synonym.word)" }

    func body(in context: PageContext) -> HTML {
        """
        <p><a href="\(SiteURL.knowledgeSynonyms)">返回口语词表</a></p>
        \(errors.summary())
        <form method="post" action="\(SiteURL.knowledgeSynonym(.value(synonym.id)))">
          \(Fields.csrf(context.csrfToken))
          \(Fields.hidden("version", String(form.version)))
          \(Fields.text("word", "群众常说的词", value: form.word, errors: errors))
          \(Fields.text("terms", "法律上的说法", value: form.terms, errors: errors, hint: "多个用顿号隔开"))
          \(Fields.text("note", "修改说明（可不填）", value: form.note, errors: errors, required: false))
          <button type="submit">保存修改</button>
        </form>
        <form method="post" action="\(SiteURL.removeKnowledgeSynonym(.value(synonym.id)))">
          \(Fields.csrf(context.csrfToken))
          \(Fields.hidden("version", String(synonym.version)))
          <button type="submit" class="secondary">从词表中删除</button>
        </form>
        <h2>修改记录</h2>
        \(synonymHistoryTable(history, showWord: false))
        \(pager)
        """
    }
}

/// Every change to the list, newest first.
struct KnowledgeSynonymHistoryPage: PageView {
    var history: [KnowledgeSynonymChangeRow]
    var pager: HTML

    var title: String { "口语词表修改记录" }

    func body(in context: PageContext) -> HTML {
        """
        <p><a href="\(SiteURL.knowledgeSynonyms)">返回口语词表</a></p>
        \(synonymHistoryTable(history, showWord: true))
        \(pager)
        """
    }
}

private func synonymHistoryTable(_ history: [KnowledgeSynonymChangeRow], showWord: Bool) -> HTML {
    guard !history.isEmpty else { return "<p>还没有修改记录。</p>" }
    let rows: [HTML] = history.map { change in
        let word: HTML = showWord ? "<td>\(change.word)</td>" : .empty
        return """
        <tr>\(word)<td>\(change.actionLabel)</td><td>\(change.before ?? "—")</td><td>\(change.after ?? "—")</td>
        <td>\(change.note ?? "")</td><td>\(change.editorName.isEmpty ? "系统" : change.editorName)</td><td>\(TimeText.chinese(change.at))</td></tr>
        """
    }
    let wordHead: HTML = showWord ? "<th scope=\"col\">口语词</th>" : .empty
    return """
    <div class="table-wrap"><table><caption class="visually-hidden">修改记录</caption>
    <thead><tr>\(wordHead)<th scope="col">操作</th><th scope="col">修改前</th><th scope="col">修改后</th><th scope="col">说明</th><th scope="col">操作人</th><th scope="col">时间</th></tr></thead>
    <tbody>\(rows)</tbody></table></div>
    """
}
