import Fluent
import LegalAidCore
import Vapor

struct HomeController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.home, use: home)
        routes.post(.displayMode, use: displayMode)
        routes.get(.health, use: health)
    }

    func home(req: Request) async throws -> HTML {
        let account = req.auth.get(AccountModel.self)
        let reference = try await req.referenceData()
        let hours = reference.publicServiceHours
        let open = req.fayuan.settings.consultationAlwaysOpen || hours?.isOpen(at: req.now, calendar: reference.calendar) == true
        let staffCard: HTML = when(account.map { !$0.isCitizen } ?? false) {
            "<div class=\"card\"><h2>工作人员</h2><p>查看待办申请、期限和超期提醒。</p><p><a class=\"button\" href=\"\(SiteURL.workbench)\">进入工作台</a></p></div>"
        }
        return req.page("法律援助，就在身边", """
        \(staffCard)
        <div class="cards">
          <div class="card">
            <h2>申请法律援助</h2>
            <p>经济困难或符合法定条件的，可以在网上申请免费的律师帮助：讨要工资、工伤赔偿、赡养抚养、交通事故等。</p>
            \(when(account.map { $0.isCitizen || $0.roles?.contains(.communityStaff) == true } ?? true) {
                "<p><a class=\"button\" href=\"\(SiteURL.newApplication)\">开始申请</a></p>"
            })
            <p class="hint">不方便上网的，可以到所在社区（村）的法律援助联系点，请工作人员帮您填写。</p>
          </div>
          <div class="card">
            <h2>查询办理进度</h2>
            <p>凭申请编号和手机号码后四位，无需登录即可查询。</p>
            <p><a class="button secondary" href="\(SiteURL.lookup)">查询进度</a></p>
          </div>
          <div class="card">
            <h2>电话咨询</h2>
            <p>拨打公共法律服务热线 <strong>12348</strong>，全天有人接听。</p>
            \(hours.map { hours -> HTML in "<p>网上服务时间：\(hours.chineseDescription)。当前<strong>\(open ? "在线服务中" : "非服务时间，可先提交申请或留言")</strong>。</p>" })
          </div>
          <div class="card">
            <h2>谁可以申请</h2>
            <ul>
              <li>领取低保、特困、五保的，残疾人、老年人、未成年人无固定收入的；</li>
              <li>农民工讨要工资、工伤赔偿（绿色通道，即申即批）；</li>
              <li>遭受家庭暴力、虐待、遗弃的（不受经济条件限制）；</li>
              <li>家庭人均收入低于本地经济困难标准的。</li>
            </ul>
          </div>
        </div>
        """)
    }

    struct DisplayModeInput: Content {
        var mode: String
        var back: String?
    }

    /// Large text and high contrast without the browser's zoom (适老化), remembered in a cookie.
    func displayMode(req: Request) async throws -> Response {
        let input = try req.content.decode(DisplayModeInput.self)
        let mode = ["standard", "large", "contrast"].contains(input.mode) ? input.mode : "standard"
        let back = input.back.flatMap { $0.hasPrefix("/") && !$0.hasPrefix("//") ? $0 : nil } ?? "/"
        let response = req.redirect(to: back)
        response.cookies["fy_display"] = HTTPCookies.Value(string: mode, maxAge: 365 * 24 * 3600, path: "/", isSecure: req.fayuan.settings.secureCookies, isHTTPOnly: true, sameSite: .lax)
        return response
    }

    /// 200 when the database answers.
    func health(req: Request) async throws -> Response {
        _ = try await OrganisationModel.query(on: req.db).count()
        var headers = HTTPHeaders()
        headers.contentType = .plainText
        return Response(status: .ok, headers: headers, body: .init(string: "ok"))
    }
}
