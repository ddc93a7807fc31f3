import Foundation

/// Opens a conversation from an SMS link. The key is in the address's fragment, which the
/// browser keeps to itself; `consult.js` posts it with this form and the page moves on.
struct ConsultationOpenPage: PageView {
    var id: UUID

    var title: String { "打开咨询" }

    func body(in context: PageContext) -> HTML {
        """
        <form method="post" action="\(SiteURL.consultationOpen(.value(id)))" id="consult-open" class="panel">
          \(Fields.csrf(context.csrfToken))
          <input type="hidden" name="key" value="">
          <p role="status">正在打开您的咨询记录……</p>
          <noscript><p class="notice">请允许浏览器运行脚本后，重新点开短信中的链接；也可以拨打<a href="tel:12348">12348</a>。</p></noscript>
        </form>
        <script src="\(SiteURL.consultScript)" defer></script>
        """
    }
}
