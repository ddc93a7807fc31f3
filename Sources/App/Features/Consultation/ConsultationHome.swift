import LegalAidCore
import Vapor

/// The hotline on the home page, and the limit on anonymous writes to the desk.
extension ConsultationFeature {
    func homeCards(_ home: HomeContext) -> [HomeCard] {
        let hours = home.reference.publicServiceHours
        let open = home.settings.consultationAlwaysOpen || hours?.isOpen(at: home.now, calendar: home.reference.calendar) == true
        return [HomeCard(rank: 30, html: """
          <div class="card">
            <h2>电话咨询</h2>
            <p>拨打公共法律服务热线 <strong>12348</strong>，全天有人接听。</p>
            \(hours.map { hours -> HTML in "<p>网上服务时间：\(hours.chineseDescription)。当前<strong>\(open ? "在线服务中" : "非服务时间，可先提交申请或留言")</strong>。</p>" })
          </div>
        """)]
    }

    /// Anyone may open a consultation and write in it without an account, and some of it sends an
    /// SMS: per address, beside the phone codes' own limits. Staff answering at the desk share
    /// their office's address and are not counted.
    func rateLimits(_ settings: Settings) -> [RateLimits.Rule] {
        let consultation = [SiteURL.consult.path, SiteURL.api(.consultations).path]
        return [RateLimits.Rule(bucket: "consult", limit: settings.consultationWritesPerTenMinutes, seconds: 600,
                                exempts: { $0.map { !$0.isCitizen } ?? false }) { method, path in
            (method == .POST || method == .PUT) && consultation.contains { RateLimits.path(path, isUnder: $0) }
        }]
    }
}
