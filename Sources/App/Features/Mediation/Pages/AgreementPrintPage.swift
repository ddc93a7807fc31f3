import Foundation
import MediationCore

/// 人民调解协议书 laid out for A4 (人民调解法 第29条: parties, the dispute's main facts and issues,
/// the agreed terms with how and when each is performed; signed by each party and the mediator,
/// sealed by the committee; one copy each and one for the file). Printed from the browser.
struct AgreementPrintPage: PageView {
    struct Party: Sendable {
        var side: String
        var name: String
        var organisation: Bool
        var agent: String?
        var signedAt: Date?
        var onPaper: Bool
    }

    var number: String
    var version: Int
    var committee: String
    var type: String
    var parties: [Party]
    var facts: String
    var terms: String
    var mediator: String
    var mediatorSignedAt: Date?
    var sealedAt: Date?
    var superseded: Bool
    var confirmationDue: String?

    var title: String { "人民调解协议书" }

    func body(in context: PageContext) -> HTML {
        let partyRows: [HTML] = parties.map { p in
            "<tr><th scope=\"row\">\(p.side)</th><td>\(p.name)\(p.organisation ? "（单位）" : "")\(p.agent.map { a -> HTML in "；代理人：\(a)" })</td></tr>"
        }
        let signatures: [HTML] = parties.map { p in
            "<p>\(p.side)（签名）：\(p.name)　\(p.signedAt.map { "\(p.onPaper ? "纸面签字" : "已电子签名") \(TimeText.chinese($0))" } ?? "________")</p>"
        }
        return """
        <p class="no-print"><button type="button" data-print hidden>打印</button>　<span class="hint">用浏览器的“打印”即可打印到A4纸，一式\(parties.count + 1)份。</span></p>
        \(when(superseded) { "<p class=\"notice\" role=\"alert\">这一版已被新版本取代。</p>" })
        <article class="document">
          <h2>人民调解协议书</h2>
          <p class="number">\(number)（第\(version)版）</p>
          <table>\(partyRows)<tr><th scope="row">纠纷类型</th><td>\(type)</td></tr></table>
          <h3>纠纷的主要事实、争议事项</h3>
          <p class="prewrap">\(facts)</p>
          <h3>经调解，双方自愿达成如下协议</h3>
          <p class="prewrap">\(terms)</p>
          <p>本协议自各方当事人签名、人民调解员签名并加盖人民调解委员会印章之日起生效，具有法律约束力，当事人应当按照约定履行。双方当事人可以自本协议生效之日起三十日内共同向人民法院申请司法确认\(confirmationDue.map { d -> HTML in "（即\(d)前）" })。本协议一式\(parties.count + 1)份，当事人各执一份，人民调解委员会留存一份。</p>
          \(signatures)
          <p>人民调解员（签名）：\(mediator)　\(mediatorSignedAt.map { "已电子签名 \(TimeText.chinese($0))" } ?? "________")</p>
          <p class="issuer">\(committee)（印章）\(sealedAt.map { d -> HTML in "<br>\(LocalDate(d).chinese)" } ?? "<br>____年__月__日")</p>
        </article>
        """
    }
}
