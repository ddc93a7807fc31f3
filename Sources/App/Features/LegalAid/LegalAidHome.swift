import LegalAidCore
import Vapor

/// Legal aid on the home page, where people land, and the limits in front of its public writes.
extension LegalAidFeature {
    func homeCards(_ home: HomeContext) -> [HomeCard] {
        let account = home.viewer.account
        var cards: [HomeCard] = []
        if home.viewer.isStaff {
            cards.append(HomeCard(rank: 10, placement: .top, html: """
            <div class="card"><h2>工作人员</h2><p>查看待办申请、期限和超期提醒。</p><p><a class="button" href="\(SiteURL.workbench)">进入工作台</a></p></div>
            """))
        }
        cards.append(HomeCard(rank: 10, html: """
          <div class="card">
            <h2>申请法律援助</h2>
            <p>经济困难或符合法定条件的，可以在网上申请免费的律师帮助：讨要工资、工伤赔偿、赡养抚养、交通事故等。</p>
            \(when(account.map { $0.isCitizen || $0.roles?.contains(.communityStaff) == true } ?? true) {
                "<p><a class=\"button\" href=\"\(SiteURL.newApplication)\">开始申请</a></p>"
            })
            <p class="hint">不方便上网的，可以到所在社区（村）的法律援助联系点，请工作人员帮您填写。</p>
          </div>
        """))
        cards.append(HomeCard(rank: 20, html: """
          <div class="card">
            <h2>查询办理进度</h2>
            <p>凭申请编号和手机号码后四位，无需登录即可查询。</p>
            <p><a class="button secondary" href="\(SiteURL.lookup)">查询进度</a></p>
          </div>
        """))
        cards.append(HomeCard(rank: 40, html: """
          <div class="card">
            <h2>谁可以申请</h2>
            <ul>
              <li>领取低保、特困、五保的，残疾人、老年人、未成年人无固定收入的；</li>
              <li>农民工讨要工资、工伤赔偿（绿色通道，即申即批）；</li>
              <li>遭受家庭暴力、虐待、遗弃的（不受经济条件限制）；</li>
              <li>家庭人均收入低于本地经济困难标准的。</li>
            </ul>
          </div>
        """))
        return cards
    }

    /// Citizens land on their applications (a new one just after registering), staff on the workbench.
    func landing(for viewer: NavigationViewer, justRegistered: Bool) -> Landing? {
        if viewer.isCitizen { return Landing(url: justRegistered ? .newApplication : .myApplications, rank: 10) }
        return viewer.isStaff ? Landing(url: .workbench, rank: 10) : nil
    }

    func rateLimits(_ settings: Settings) -> [RateLimits.Rule] {
        [
            RateLimits.Rule(bucket: "lookup", limit: settings.lookupsPerMinute, seconds: 60) { method, path in
                (method == .POST && path == SiteURL.lookup.path) || (method == .GET && path == SiteURL.api(.status).path)
            },
            RateLimits.Rule(bucket: "apply", limit: settings.applicationWritesPerTenMinutes, seconds: 600) { method, path in
                (method == .POST || method == .PUT)
                    && (RateLimits.path(path, isUnder: SiteURL.applicationsRoot.path) || RateLimits.path(path, isUnder: SiteURL.api(.applications).path))
            },
        ]
    }
}
