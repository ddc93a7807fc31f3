import LegalAidCore
import Vapor

enum Layout {
    static func render(context: PageContext, title: String, body: HTML) -> HTML {
        let classes = context.displayMode.split(separator: " ").map { "mode-\($0)" }.joined(separator: " ")
        return """
        <!DOCTYPE html>
        <html lang="zh-CN" class="\(classes)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) - 法援在线</title>
        <link rel="icon" href="\(SiteURL.favicon)" sizes="32x32">
        <link rel="stylesheet" href="\(SiteURL.stylesheet)">
        <script src="\(SiteURL.script)" defer></script>
        </head>
        <body>
        <a class="skip" href="#main">跳到正文</a>
        <header class="site-header">
          <div class="bar">
            <a class="brand" href="\(SiteURL.home)">法援在线<span class="brand-sub">公共法律服务平台</span></a>
            \(navigation(context))
          </div>
          \(displayModeForm(context))
        </header>
        <main id="main" tabindex="-1">
        \(context.flash.map { flash -> HTML in "<p class=\"notice\" role=\"status\">\(flash)</p>" })
        <h1>\(title)</h1>
        \(body)
        </main>
        <footer class="site-footer">
          <p>公共法律服务热线 <strong>12348</strong>（全天）\(context.serviceHours.map { hours -> HTML in "　网上服务时间：\(hours)" })</p>
          <p>法律援助是国家为经济困难公民和符合法定条件的其他当事人无偿提供的法律服务。</p>
        </footer>
        </body>
        </html>
        """
    }

    /// Every feature's links for this viewer, then who is signed in and 退出.
    static func navigation(_ context: PageContext) -> HTML {
        var links: [HTML] = context.navigation.map { link in
            let badge: HTML = link.badge.map { "<span class=\"badge\">\($0)</span>" } ?? ""
            return "<a href=\"\(link.url)\">\(link.title)\(badge)</a>"
        }
        if let account = context.account {
            links.append("""
            <form method="post" action="\(SiteURL.logout)" class="inline"><input type="hidden" name="_csrf" value="\(context.csrfToken)"><a class="who" href="\(SiteURL.account)">\(account.displayName)</a><button type="submit" class="link">退出</button></form>
            """)
        }
        return "<nav aria-label=\"主导航\">\(links)</nav>"
    }

    static func displayModeForm(_ context: PageContext) -> HTML {
        """
        <form method="post" action="\(SiteURL.displayMode)" class="display-mode" aria-label="显示设置">
          <input type="hidden" name="_csrf" value="\(context.csrfToken)">
          <input type="hidden" name="back" value="\(context.path)">
          <span>显示：</span>
          <button type="submit" name="mode" value="standard" aria-pressed="\(context.displayMode == "standard" ? "true" : "false")">标准</button>
          <button type="submit" name="mode" value="large" aria-pressed="\(context.displayMode == "large" ? "true" : "false")">大字</button>
          <button type="submit" name="mode" value="contrast" aria-pressed="\(context.displayMode == "contrast" ? "true" : "false")">高对比</button>
        </form>
        """
    }
}

/// A page that explains what went wrong, in Chinese, and what to do next.
struct ErrorPage: PageView {
    var status: HTTPResponseStatus
    var message: String

    var title: String {
        switch status {
        case .notFound: "页面不存在"
        case .forbidden: "无权访问"
        case .tooManyRequests: "操作过于频繁"
        default: status.code >= 500 ? "系统繁忙" : "无法完成操作"
        }
    }

    func body(in context: PageContext) -> HTML {
        """
        <div class="panel error-panel" role="alert"><p>\(message)</p></div>
        <p><a class="button" href="\(SiteURL.home)">返回首页</a>　如需帮助，请拨打公共法律服务热线 <strong>12348</strong>。</p>
        """
    }
}
