import LegalAidCore
import Vapor

/// A numbered document laid out for A4; the browser's print prints just the sheet.
struct DocumentPage: PageView {
    var content: DocumentContent
    var backTo: SiteURL

    var title: String { content.title }

    func body(in context: PageContext) -> HTML {
        let rows: [HTML] = content.rows.map { "<tr><th scope=\"row\">\($0.label)</th><td>\($0.value)</td></tr>" }
        let paragraphs: [HTML] = content.paragraphs.map { "<p>\($0)</p>" }
        let backLabel = backTo.path.hasPrefix(SiteURL.cases.path + "/") ? "返回案件" : "返回申请"
        return """
        <p class="no-print"><button type="button" data-print hidden>打印</button> <a href="\(backTo)">\(backLabel)</a>　<span class="hint">用浏览器的“打印”即可打印到A4纸。</span></p>
        <article class="document">
          <h2>\(content.title)</h2>
          <p class="number">\(content.number)</p>
          \(content.addressee.map { a -> HTML in "<p class=\"addressee\">\(a)：</p>" })
          \(when(!rows.isEmpty) { "<table>\(rows)</table>" })
          \(paragraphs)
          <p class="issuer">\(content.issuer)<br>\(content.issuedOn.chinese)</p>
        </article>
        """
    }
}
