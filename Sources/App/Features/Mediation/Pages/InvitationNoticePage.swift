import Foundation
import MediationCore

/// 人民调解邀请通知书: for the other side when a text may not reach them (no mobile number, an
/// elderly person) — handed over or posted. It says who asked, about what, that mediation is free
/// and voluntary, and by when and how to answer: the QR code opens their own page (the site's
/// public address; without one the notice prints no code, never a link to this machine), or a call
/// or a visit to the committee.
struct InvitationNoticePage: PageView {
    var number: String
    var respondent: String
    var applicant: String
    var type: String
    var committee: String
    var committeePhone: String
    var committeeAddress: String
    var replyDue: String
    var issuedOn: String
    var link: String?
    var backTo: UUID

    var title: String { "人民调解邀请通知书" }

    func body(in context: PageContext) -> HTML {
        let qr = link.flatMap { try? QRCode(text: $0) }?.svg
        let code: HTML = qr.map { "<div class=\"notice-qr\">\($0)<p>手机扫码答复</p></div>" } ?? ""
        let unset: HTML = link == nil
            ? "<p class=\"no-print field-error\" role=\"alert\">本站尚未设置对外网址（FAYUAN_PUBLIC_URL），通知书不印二维码，请对方打电话或到调解委员会答复。</p>"
            : ""
        return """
        <p class="no-print"><button type="button" data-print hidden>打印</button> <a href="\(SiteURL.mediation(.value(backTo)))">返回调解</a>　<span class="hint">送达后请在调解页面登记“已当面送达”。</span></p>
        \(unset)
        <article class="document">
          <h2>人民调解邀请通知书</h2>
          <p class="number">\(number)</p>
          <p class="addressee">\(respondent)：</p>
          <p>\(applicant)向本委员会申请调解你们之间的\(type)。人民调解<strong>不收费</strong>，由双方自愿参加；调解达成的协议具有法律约束力。</p>
          <p>请您在<strong>\(replyDue)</strong>前答复是否同意调解。逾期不答复的，视为不同意调解。</p>
          <p>答复方式：用手机扫描下方二维码答复；或拨打电话 \(committeePhone)；或到 \(committeeAddress)。</p>
          \(code)
          <p class="issuer">\(committee)<br>\(issuedOn)</p>
        </article>
        """
    }
}
