import Foundation
import LegalAidCore

/// 村（居）法律顾问公示牌: one A4 sheet for the village notice board, with a QR code to the
/// village's page (where the details stay current). Printed from the browser; on screen it
/// shows as a preview with a print button.
struct AdviserNoticePage: PageView {
    var village: API.DirectoryInstitution
    var advisers: [API.DirectoryPerson]
    /// The village page's full public address, for the QR code; nil where the site was not told
    /// its public address (`FAYUAN_PUBLIC_URL`), so that no notice prints a link to this machine.
    var pageAddress: String?

    var title: String { "\(village.name)法律顾问公示牌" }

    func body(in context: PageContext) -> HTML {
        let qr = pageAddress.flatMap { try? QRCode(text: $0) }?.svg
        let cards: [HTML] = advisers.map(adviserCard)
        let link: HTML = if let pageAddress, let qr {
            "<div class=\"notice-qr\">\(qr)<p>扫码查看最新信息</p></div>"
        } else {
            ""
        }
        let address: HTML = pageAddress.map { "<p class=\"hint\">\($0)</p>" } ?? ""
        let unset: HTML = pageAddress == nil
            ? "<p class=\"no-print field-error\" role=\"alert\">本站尚未设置对外网址（FAYUAN_PUBLIC_URL），公示牌暂不印二维码和网址，以免印出只能在本机打开的链接。请系统管理员设置后再打印。</p>"
            : ""
        return """
        <p class="no-print"><button type="button" data-print hidden>打印</button> <a href="\(village.url)">返回\(village.name)</a></p>
        \(unset)
        <article class="document notice-board">
          <h2 class="notice-title">\(village.name)<br>法律顾问公示</h2>
          \(advisers.isEmpty ? "<p>本村（社区）法律顾问正在选聘中。有法律问题请拨打12348。</p>" : cards.joined())
          <div class="notice-foot">
            \(link)
            <div><p>法律顾问为村（居）民免费提供法律咨询、参与人民调解、协助申请法律援助。</p>
            <p>公共法律服务热线：<strong>12348</strong>（全天24小时）</p>
            \(address)</div>
          </div>
        </article>
        """
    }
}
