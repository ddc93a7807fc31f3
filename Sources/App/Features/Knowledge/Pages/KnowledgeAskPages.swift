import Foundation
import LegalAidCore

/// 智能咨询: a question in one's own words, the answers that fit best, and always a way to a
/// person (the live desk, the message board, 12348).
struct KnowledgeAskPage: PageView {
    var question: String
    var items: [API.KnowledgeItem]
    var answered: Bool
    /// Nothing but filler words was typed.
    var nothingToAsk = false
    /// Beside each answer, why it was chosen: the words the person used and the words found.
    var reasons: [[(said: String, found: String)]] = []

    var title: String { "智能咨询" }

    func body(in context: PageContext) -> HTML {
        let results: [HTML] = items.enumerated().map { index, item in
            let why = index < reasons.count ? reasons[index] : []
            let words = why.map { $0.said == $0.found ? "“\($0.found)”" : "“\($0.said)”（法律上称“\($0.found)”）" }
            return """
            <li class="result"><p class="result-kind">\(item.kindLabel)</p>
            <h2 class="result-title"><a href="\(item.url)">\(item.titlePieces.map(marked) ?? HTML(raw: HTML.escape(item.title)))</a></h2>
            <p class="result-snippet">\(item.snippetPieces.map(marked) ?? HTML(raw: HTML.escape(item.snippet)))</p>
            \(when(!words.isEmpty) { "<p class=\"hint\">推荐理由：含有\(words.joined(separator: "、"))</p>" })</li>
            """
        }
        let asked = !question.isEmpty
        let outcome: HTML
        if !asked {
            outcome = .empty
        } else if nothingToAsk {
            outcome = "<p class=\"notice\" role=\"status\">请说说遇到了什么事，例如“老板拖欠工资三个月怎么办”。</p>"
        } else if items.isEmpty {
            outcome = "<p class=\"notice\" role=\"status\">暂时没有找到现成的解答。我们已记下这个问题，工作人员会补充解答；您也可以马上找人咨询（见下方）。</p>"
        } else if answered {
            outcome = "<p role=\"status\">以下解答可能对您有帮助：</p>"
        } else {
            outcome = "<p role=\"status\">没有完全对应的解答，以下内容可能有关。我们已记下这个问题，工作人员会补充解答。</p>"
        }
        return """
        <p class="lead">用自己的话说说遇到的问题，系统会找出相关的法律规定和常见问题解答。</p>
        <form method="get" action="\(SiteURL.knowledgeAsk)" class="search-form" role="search">
          <label for="f-question">您的问题</label>
          <textarea id="f-question" name="q" rows="3" maxlength="100" aria-describedby="f-question-hint">\(question)</textarea>
          <p class="hint" id="f-question-hint">例如：老板拖欠工资三个月怎么办？请不要填写姓名、身份证号、电话等个人信息。</p>
          <button type="submit">找答案</button>
        </form>
        \(outcome)
        \(when(!results.isEmpty) { "<ol class=\"results\">\(results)</ol>" })
        <section class="panel" aria-labelledby="human-help">
          <h2 id="human-help">没有解决？找人帮您</h2>
          <ul>
            <li><a href="\(SiteURL.consult)">在线咨询</a>：工作时间与值班律师或工作人员文字交流；非工作时间可以留言，工作日24小时内答复（遇节假日顺延）。</li>
            <li>拨打<a href="tel:12348"><strong>12348</strong></a>公共法律服务热线。</li>
            <li>到就近的社区法律援助联系点或街道工作站当面咨询。</li>
          </ul>
        </section>
        """
    }
}

/// Questions 智能咨询 could not answer, most asked first, for editors to answer with an FAQ.
struct KnowledgeQuestionsPage: PageView {
    var questions: [API.KnowledgeQuestionBody]
    var pager: HTML

    var title: String { "待补充解答的问题" }

    func body(in context: PageContext) -> HTML {
        let rows: [HTML] = questions.map { q in
            let write = SiteURL.newKnowledgeEntry.path + "?kind=faq&title=" + (q.question.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            return """
            <tr><td>\(q.question)</td><td>\(q.timesAsked)次</td><td>\(TimeText.chinese(q.lastAskedAt))</td>
            <td><a href="\(write)">写解答</a>
            <form method="post" action="\(SiteURL.knowledgeQuestionDone(.value(q.id)))" class="inline">\(Fields.csrf(context.csrfToken))<button type="submit" class="secondary">标为已处理</button></form></td></tr>
            """
        }
        return """
        <p>市民在“智能咨询”中提出、没有找到满意解答的问题（已去掉电话、证件号码）。写好常见问题解答并发布后，请标为已处理；同一问题再有人问而仍无解答时会重新列出。</p>
        <p><a href="\(SiteURL.knowledgeManage)">返回普法内容</a></p>
        \(rows.isEmpty ? HTML("<p>目前没有待补充解答的问题。</p>") : HTML("""
        <div class="table-wrap"><table><caption class="visually-hidden">待补充解答的问题</caption>
        <thead><tr><th scope="col">问题</th><th scope="col">被问</th><th scope="col">最近</th><th scope="col">处理</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        """))
        \(pager)
        """
    }
}
