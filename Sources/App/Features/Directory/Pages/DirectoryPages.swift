import Foundation
import LegalAidCore
import DirectoryCore
import KnowledgeCore

/// The options of the directory's filters, shared by its pages.
enum DirectoryOptions {
    static let kinds = DirectoryCatalogue.listedKinds.map { (value: $0.rawValue, label: $0.chinese) }
    static let services = LegalServiceKind.allCases.map { (value: $0.rawValue, label: $0.chinese) }
    static let areas = ConsultationTopic.allCases.filter { $0 != .other }.map { (value: $0.rawValue, label: $0.chinese) }
    static let roles = DirectoryRole.allCases.map { (value: $0.rawValue, label: $0.chinese) }

    static func select(_ name: String, _ label: String, _ options: [(value: String, label: String)], _ selected: String?, all: String) -> HTML {
        let items: [HTML] = options.map { "<option value=\"\($0.value)\"\(HTML(raw: $0.value == selected ? " selected" : ""))>\($0.label)</option>" }
        return "<div class=\"field\"><label for=\"f-\(name)\">\(label)</label><select id=\"f-\(name)\" name=\"\(name)\"><option value=\"\">\(all)</option>\(items)</select></div>"
    }
}

/// Open now, or closed now and when it next opens ("现在关闭，明天09:00开放"): never only the
/// next opening, which reads as if the place were open.
func openStatus(_ item: API.DirectoryInstitution) -> HTML {
    item.openNow ? "<span class=\"status status-open\">正在开放</span>" : "<span class=\"status status-closed\">现在关闭，\(item.opening)</span>"
}

/// One institution as a card in a list: what to know before going there.
func institutionCard(_ item: API.DirectoryInstitution, distance: String? = nil, number: Int? = nil, highlight: SearchQuery? = nil, level: String = "h2") -> HTML {
    let name = highlight.map { marked(Highlight.pieces(item.name, $0).map { API.TextPiece(text: $0.text, matched: $0.matched) }) } ?? HTML(raw: HTML.escape(item.name))
    let status = openStatus(item)
    return """
    <li class="result place">
      <p class="result-kind">\(number.map { n -> HTML in "<span class=\"place-number\">\(n)</span> " })\(item.kindLabel)\(item.street.isEmpty ? "" : " · \(item.street)")</p>
      <\(HTML(raw: level)) class="result-title"><a href="\(item.url)">\(name)</a></\(HTML(raw: level))>
      <p>\(distance.map { d -> HTML in "<strong>距离约\(d)</strong>，" })\(status)</p>
      \(when(!item.address.isEmpty) { "<p>地址：\(item.address)</p>" })
      \(when(!item.phone.isEmpty) { "<p>电话：<a href=\"tel:\(item.phone.filter { $0.isNumber || $0 == "-" })\">\(item.phone)</a></p>" })
      <p class="hint">\(item.hours)\(item.serviceLabels.isEmpty ? "" : " · " + item.serviceLabels.joined(separator: "、"))</p>
    </li>
    """
}

/// 法律服务机构: every legal service of the district, filtered by kind, service, street and area.
struct DirectoryListPage: PageView {
    var filter: DirectoryCatalogue.Filter
    var streets: [String]
    var items: [API.DirectoryInstitution]
    var pager: HTML
    var total: Int

    var title: String { filter.query.isEmpty ? "法律服务机构" : "查找机构：\(filter.query)" }

    func body(in context: PageContext) -> HTML {
        let query = filter.query.isEmpty ? nil : SearchQuery(filter.query)
        let results: [HTML] = items.map { institutionCard($0, highlight: query) }
        return """
        <p class="lead">全区的法律援助、法律咨询、人民调解、公证、司法鉴定等服务机构。<a class="button" href="\(SiteURL.directoryNearest)">查找离我最近的</a></p>
        <form method="get" action="\(SiteURL.directory)" class="search-form filters" role="search">
          <div class="field"><label for="f-q">名称或关键词</label><input type="search" id="f-q" name="q" value="\(filter.query)" placeholder="例如：调解、公证、幸福街道"></div>
          \(DirectoryOptions.select("kind", "机构类型", DirectoryOptions.kinds, filter.kind?.rawValue, all: "全部类型"))
          \(DirectoryOptions.select("service", "服务项目", DirectoryOptions.services, filter.service?.rawValue, all: "全部服务"))
          \(DirectoryOptions.select("street", "所在街道", streets.map { (value: $0, label: $0) }, filter.street, all: "全部街道"))
          \(DirectoryOptions.select("area", "业务领域", DirectoryOptions.areas, filter.area?.rawValue, all: "全部领域"))
          <button type="submit">查找</button>
        </form>
        <p role="status">\(filter.isEmpty ? "共\(total)家机构。" : filter.query.isEmpty ? "找到\(total)家符合条件的机构。" : "按“\(filter.query)”找到\(total)家符合条件的机构。")</p>
        \(when(items.isEmpty) { "<div class=\"notice\"><p>没有符合条件的机构。可以减少筛选条件，或拨打<a href=\"tel:12348\">12348</a>公共法律服务热线询问。</p></div>" })
        \(when(!results.isEmpty) { "<ol class=\"results plain\">\(results)</ol>" })
        \(pager)
        <p><a href="\(SiteURL.directoryPeople)">查找律师、调解员、村（居）法律顾问等人员</a></p>
        """
    }
}

/// One institution: how to reach it, when it is open, who works there; a village shows its
/// legal adviser as on its notice board.
struct DirectoryEntryPage: PageView {
    var item: API.DirectoryInstitution
    var people: [API.DirectoryPerson]
    var children: [API.DirectoryInstitution]
    var editor: Bool

    var title: String { item.name }

    func body(in context: PageContext) -> HTML {
        let advisers = people.filter { $0.role == DirectoryRole.villageAdviser.rawValue && $0.servesID == item.id }
        let others = people.filter { !advisers.contains($0) }
        let adviserCards: [HTML] = advisers.map(adviserCard)
        let rows: [HTML] = others.map { p in
            "<tr><td>\(p.name)</td><td>\(p.roleLabel)</td><td>\(p.practiceAreaLabels.joined(separator: "、"))</td><td>\(phoneLink(p.phone))</td></tr>"
        }
        let below: [HTML] = children.map { "<li><a href=\"\($0.url)\">\($0.name)</a>（\($0.kindLabel)）</li>" }
        let status = openStatus(item)
        return """
        <p class="result-kind">\(item.kindLabel)\(item.street.isEmpty ? "" : " · \(item.street)")</p>
        <dl class="facts">
          <dt>现在</dt><dd>\(status)</dd>
          <dt>服务时间</dt><dd>\(item.hours)</dd>
          \(when(!item.address.isEmpty) { "<dt>地址</dt><dd>\(item.address)</dd>" })
          \(when(!item.phone.isEmpty) { "<dt>电话</dt><dd>\(phoneLink(item.phone))</dd>" })
          \(when(!item.serviceLabels.isEmpty) { "<dt>服务项目</dt><dd>\(item.serviceLabels.joined(separator: "、"))</dd>" })
          \(when(!item.practiceAreaLabels.isEmpty) { "<dt>业务领域</dt><dd>\(item.practiceAreaLabels.joined(separator: "、"))</dd>" })
          \(item.parentName.map { name -> HTML in "<dt>上级机构</dt><dd><a href=\"\(SiteURL.directoryEntry(.value(item.parentID!)))\">\(name)</a></dd>" })
        </dl>
        \(when(!item.description.isEmpty) { "<p>\(item.description)</p>" })
        \(when(item.kind == OrganisationKind.villageCommittee.rawValue) {
            """
            <section class="adviser-board" aria-labelledby="advisers"><h2 id="advisers">本村（社区）法律顾问</h2>
            \(advisers.isEmpty ? "<p>本村（社区）暂未登记法律顾问，可拨打<a href=\"tel:12348\">12348</a>咨询。</p>" : adviserCards.joined())
            <p><a class="button secondary" href="\(SiteURL.directoryNotice(.value(item.id)))">打印公示牌（A4）</a></p></section>
            """
        })
        \(when(!rows.isEmpty) { "<h2>工作人员</h2>" + table(rows, head: ["姓名", "身份", "业务领域", "电话"]) })
        \(when(!below.isEmpty) { "<h2>下设机构</h2><ul>\(below)</ul>" })
        <p><a href="\(SiteURL.directoryNearest)?kind=\(item.kind)">查找离我最近的\(item.kindLabel)</a> · <a href="\(SiteURL.directory)">全部机构</a></p>
        \(when(editor) { "<p><a class=\"button secondary\" href=\"\(SiteURL.editDirectoryEntry(.value(item.id)))\">修改机构信息</a></p>" })
        """
    }
}

func phoneLink(_ phone: String) -> HTML {
    phone.isEmpty ? "—" : "<a href=\"tel:\(phone.filter { $0.isNumber || $0 == "-" })\">\(phone)</a>"
}

func adviserCard(_ p: API.DirectoryPerson) -> HTML {
    """
    <div class="adviser">
      \(p.photoURL.map { url -> HTML in "<img class=\"adviser-photo\" src=\"\(url)\" alt=\"\(p.name)的照片\" width=\"96\" height=\"128\">" })
      <p class="adviser-name">\(p.name)</p>
      <p>\(p.organisationName) · \(p.roleLabel)</p>
      \(when(!p.duties.isEmpty) { "<p>职责：\(p.duties)</p>" })
      \(when(!p.onSiteHours.isEmpty) { "<p>驻点时间：\(p.onSiteHours)</p>" })
      \(when(!p.phone.isEmpty) { "<p>联系电话：\(phoneLink(p.phone))</p>" })
      \(when(!p.practiceAreaLabels.isEmpty) { "<p>擅长：\(p.practiceAreaLabels.joined(separator: "、"))</p>" })
    </div>
    """
}

/// 离我最近: from the browser's position or a chosen street or village, the nearest places of a
/// kind with distance and whether each is open now, and a schematic map.
struct DirectoryNearestPage: PageView {
    var kind: OrganisationKind?
    var service: LegalServiceKind?
    var openOnly: Bool
    var places: [(id: UUID, label: String)]
    var chosenPlace: UUID?
    /// A position was given (by the browser or a chosen place).
    var originLabel: String?
    var origin: GeoPoint?
    var results: [API.NearbyInstitution]

    var title: String { "查找离我最近的法律服务" }

    func body(in context: PageContext) -> HTML {
        let options: [HTML] = places.map { "<option value=\"\($0.id.uuidString)\"\(HTML(raw: $0.id == chosenPlace ? " selected" : ""))>\($0.label)</option>" }
        let cards: [HTML] = results.enumerated().map { institutionCard($1.institution, distance: $1.distance, number: $0 + 1) }
        let map: HTML = origin.map { origin in
            SchematicMap.svg(origin: origin, marks: results.enumerated().compactMap { index, r in
                guard let lat = r.institution.latitude, let lon = r.institution.longitude, let p = GeoPoint(latitude: lat, longitude: lon) else { return nil }
                return SchematicMap.Mark(number: index + 1, point: p, open: r.institution.openNow)
            }, originLabel: originLabel ?? "起点")
        } ?? .empty
        return """
        <form method="get" action="\(SiteURL.directoryNearest)" class="search-form" id="nearest-form">
          \(DirectoryOptions.select("kind", "找哪类机构", DirectoryOptions.kinds, kind?.rawValue, all: "全部类型"))
          \(DirectoryOptions.select("service", "需要什么服务", DirectoryOptions.services, service?.rawValue, all: "全部服务"))
          <div class="field"><label for="f-from">从哪里出发</label>
            <p class="hint" id="f-from-hint">选择您所在的街道或村（社区）；也可以按下方“使用我的位置”。</p>
            <select id="f-from" name="from" aria-describedby="f-from-hint"><option value="">请选择</option>\(options)</select></div>
          <input type="hidden" name="lat" id="f-lat" value="">
          <input type="hidden" name="lon" id="f-lon" value="">
          <div class="field choices"><label for="f-open"><input type="checkbox" id="f-open" name="open" value="1"\(HTML(raw: openOnly ? " checked" : ""))> <span>只看现在开放的</span></label></div>
          <p><button type="submit">查找</button> <button type="button" class="secondary" id="use-location" hidden>使用我的位置</button></p>
          <p class="hint" id="location-status" role="status"></p>
        </form>
        \(originLabel.map { label -> HTML in "<h2>离“\(label)”最近的\(kind?.chinese ?? service.map { "提供\($0.chinese)的机构" } ?? "法律服务机构")</h2>" })
        \(when(originLabel != nil && results.isEmpty) { "<div class=\"notice\"><p>没有找到\(openOnly ? "现在开放的" : "")机构。\(openOnly ? "可以取消“只看现在开放的”，看看下次开放时间；" : "")也可以拨打<a href=\"tel:12348\">12348</a>（全天24小时）。</p></div>" })
        \(map)
        \(when(!cards.isEmpty) { "<ol class=\"results plain\">\(cards)</ol>" })
        <p class="hint">距离为直线距离，仅供参考。12348公共法律服务热线全天24小时接听。</p>
        <script src="\(SiteURL.directoryScript)" defer></script>
        """
    }
}

/// 法律服务人员: lawyers, notaries, mediators and village advisers, filtered.
struct DirectoryPeoplePage: PageView {
    var role: DirectoryRole?
    var area: ConsultationTopic?
    var query: String
    var items: [API.DirectoryPerson]
    var pager: HTML
    var total: Int

    var title: String { "法律服务人员" }

    func body(in context: PageContext) -> HTML {
        let rows: [HTML] = items.map { p in
            """
            <tr><td>\(p.name)</td><td>\(p.roleLabel)</td><td><a href="\(SiteURL.directoryEntry(.value(p.organisationID)))">\(p.organisationName)</a>\(p.servesName.map { name -> HTML in "<br><span class=\"hint\">服务：<a href=\"\(SiteURL.directoryEntry(.value(p.servesID!)))\">\(name)</a></span>" })</td>
            <td>\(p.practiceAreaLabels.joined(separator: "、"))</td><td>\(phoneLink(p.phone))</td></tr>
            """
        }
        return """
        <form method="get" action="\(SiteURL.directoryPeople)" class="search-form filters" role="search">
          <div class="field"><label for="f-q">姓名或关键词</label><input type="search" id="f-q" name="q" value="\(query)"></div>
          \(DirectoryOptions.select("role", "身份", DirectoryOptions.roles, role?.rawValue, all: "全部"))
          \(DirectoryOptions.select("area", "业务领域", DirectoryOptions.areas, area?.rawValue, all: "全部领域"))
          <button type="submit">查找</button>
        </form>
        <p role="status">共\(total)人。</p>
        \(when(!rows.isEmpty) { table(rows, head: ["姓名", "身份", "所属机构", "业务领域", "电话"]) })
        \(pager)
        <p><a href="\(SiteURL.directory)">查找机构</a></p>
        """
    }
}

/// A table with a header row (scrolls sideways on a phone).
func table(_ rows: [HTML], head: [String]) -> HTML {
    let cells: [HTML] = head.map { "<th scope=\"col\">\($0)</th>" }
    return "<div class=\"table-scroll\"><table><thead><tr>\(cells)</tr></thead><tbody>\(rows)</tbody></table></div>"
}
