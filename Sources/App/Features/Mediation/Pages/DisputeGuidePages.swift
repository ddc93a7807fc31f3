import Foundation
import KnowledgeCore
import MediationCore

/// 纠纷怎么办: choose the kind of dispute.
struct DisputeKindsPage: PageView {
    var title: String { "矛盾纠纷怎么办" }

    func body(in context: PageContext) -> HTML {
        let kinds: [HTML] = DisputeType.allCases.map { type in
            let guide = DisputeGuide.guide(type)
            return """
            <li class="card"><h2><a href="\(SiteURL.dispute(.value(type)))">\(type.chinese)</a></h2>
            <p class="hint">例如：\(guide.examples.joined(separator: "；"))</p></li>
            """
        }
        return """
        <p>请选择您遇到的纠纷类型。我们会告诉您法律怎么规定、自己可以先怎么做，以及到哪里免费调解。不用注册，不用登录。</p>
        <p><a href="\(SiteURL.applyMediation)">在线申请人民调解</a> · <a href="\(SiteURL.myMediations)">我申请的调解</a></p>
        <ul class="cards plain">\(kinds)</ul>
        \(askPeople())
        """
    }
}

/// One kind of dispute: the law for the person's own words, what they can do first, mediation,
/// and the other routes.
struct DisputeGuidePage: PageView {
    var guide: DisputeGuide
    var typed: String
    var law: [API.KnowledgeItem]
    var routes: [RoutesStillOpen.Route]

    var title: String { "\(guide.type.chinese)怎么办" }

    func body(in context: PageContext) -> HTML {
        let answers: [HTML] = law.map { item in
            let snippet = item.snippetPieces.map(marked) ?? HTML(raw: HTML.escape(item.snippet))
            return "<li class=\"result\"><h3 class=\"result-title\"><a href=\"\(item.url)\">\(item.title)</a></h3><p class=\"result-snippet\">\(snippet)</p></li>"
        }
        let lawList: HTML = answers.isEmpty ? "<p>暂时没有找到相关的法律条文。</p>" : "<ol class=\"results\">\(answers)</ol>"
        let steps: [HTML] = guide.selfHelp.map { "<li>\($0)</li>" }
        let others: [HTML] = routes.map { "<li><strong>\($0.title)</strong>：\($0.detail)</li>" }
        let askMore = SiteURL.knowledgeAsk.path + "?q=" + (typed.isEmpty ? guide.type.chinese : typed).addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        return """
        <p><a href="\(SiteURL.disputes)">选择其他纠纷类型</a></p>
        <form method="get" action="\(SiteURL.dispute(.value(guide.type)))" class="search-form">
          <label for="f-q">用自己的话说说发生了什么（可以不填）</label>
          <div class="search-row"><input type="search" id="f-q" name="q" value="\(typed)" placeholder="例如：\(guide.examples[0])">
          <button type="submit">看看法律怎么说</button></div>
        </form>
        <section aria-labelledby="law"><h2 id="law">法律怎么说</h2>
        \(lawList)
        <p><a href="\(askMore)">用智能咨询查找更多</a></p></section>
        <section aria-labelledby="self"><h2 id="self">您可以先这样做</h2>
        <ol>\(steps)</ol>
        \(guide.letter.map(letterTemplate) ?? .empty)</section>
        <section aria-labelledby="mediate"><h2 id="mediate">请人民调解委员会调解（免费）</h2>
        <p>村（居）委会、街道（乡镇）和一些行业都设有人民调解委员会。人民调解<strong>不收费</strong>，双方自愿参加；调解达成的协议具有法律约束力，双方可以在协议生效后30日内共同申请人民法院司法确认。</p>
        <p><a class="button" href="\(SiteURL.applyMediation)?type=\(guide.type.rawValue)">在线申请调解</a>
        <a href="\(SiteURL.directory)?kind=\(OrganisationKind.mediationCommittee.rawValue)">查看本区的人民调解委员会</a></p>
        <p>也可以拨打公共法律服务热线 <a href="tel:12348">12348</a>，或到所在社区（村）的公共法律服务点，请工作人员帮助联系调解。</p></section>
        <section aria-labelledby="other"><h2 id="other">其他途径</h2>
        <ul>\(others)</ul>
        <p><a href="\(SiteURL.newApplication)">申请法律援助</a> · <a href="\(SiteURL.consult)">在线咨询律师</a></p></section>
        """
    }

    private func letterTemplate(_ letter: String) -> HTML {
        """
        <details><summary>可以参考的书面通知（把【】里的内容换成自己的）</summary>
        <label for="f-letter" class="visually-hidden">书面通知范本</label>
        <textarea id="f-letter" rows="6" readonly>\(letter)</textarea></details>
        """
    }
}

/// Where a person can always ask someone.
private func askPeople() -> HTML {
    "<p class=\"hint\">拿不准的，可以<a href=\"\(SiteURL.consult)\">在线咨询</a>或拨打<a href=\"tel:12348\">12348</a>公共法律服务热线。</p>"
}
