import Foundation
import LegalAidCore
import DirectoryCore
import KnowledgeCore

/// 机构和人员管理 for directory editors: the institutions, with links to change them, add
/// one, add a person and import a file.
struct DirectoryManagePage: PageView {
    var query: String
    var items: [API.DirectoryInstitution]
    var people: [API.DirectoryPerson]
    var pager: HTML

    var title: String { "机构和人员管理" }

    func body(in context: PageContext) -> HTML {
        let rows: [HTML] = items.map { i in
            "<tr><td><a href=\"\(SiteURL.editDirectoryEntry(.value(i.id)))\">\(i.name)</a></td><td>\(i.kindLabel)</td><td>\(i.street)</td><td>\(i.phone)</td><td>\(i.latitude == nil ? "未标注" : "已标注")</td></tr>"
        }
        let personRows: [HTML] = people.map { p in
            "<tr><td><a href=\"\(SiteURL.editDirectoryPerson(.value(p.id)))\">\(p.name)</a></td><td>\(p.roleLabel)</td><td>\(p.organisationName)</td><td>\(p.servesName ?? "")</td></tr>"
        }
        return """
        <p><a class="button" href="\(SiteURL.newDirectoryEntry)">新增机构</a> <a class="button secondary" href="\(SiteURL.newDirectoryPerson)">新增人员</a>
        <a class="button secondary" href="\(SiteURL.directoryImport)">批量导入</a> <a href="\(SiteURL.directory)">查看公众页面</a></p>
        <form method="get" action="\(SiteURL.directoryManage)" class="search-form" role="search">
          <label for="f-q">查找机构或人员</label>
          <div class="search-row"><input type="search" id="f-q" name="q" value="\(query)"><button type="submit">查找</button></div>
        </form>
        \(when(!personRows.isEmpty) { "<h2>人员</h2>" + table(personRows, head: ["姓名", "身份", "所属机构", "服务村居"]) })
        <h2>机构</h2>
        \(table(rows, head: ["名称", "类型", "街道", "电话", "位置"]))
        \(pager)
        """
    }
}

/// The institution form (new or change).
struct InstitutionFormPage: PageView {
    struct Form: Sendable {
        var name = ""
        var kind = ""
        var street = ""
        var address = ""
        var phone = ""
        var hours = ServiceHours.officeHours.chineseDescription
        var services: Set<String> = []
        var areas: Set<String> = []
        var latitude = ""
        var longitude = ""
        var parent = ""
        var description = ""
    }

    var id: UUID?
    var form: Form
    /// Institution names a parent may be chosen from.
    var parents: [String]
    /// Kind and parent cannot change (an office of the legal-aid network).
    var fixed: Bool
    var errors = FormErrors([])

    var title: String { id == nil ? "新增机构" : "修改机构：\(form.name)" }

    func body(in context: PageContext) -> HTML {
        let action = id.map { SiteURL.editDirectoryEntry(.value($0)) } ?? .newDirectoryEntry
        let kindField: HTML = fixed
            ? "<p><strong>类型：</strong>\(OrganisationKind(rawValue: form.kind)?.chinese ?? form.kind)（法律援助网络中的机构，类型和上级不能在此修改）</p>\(Fields.hidden("kind", form.kind))\(Fields.hidden("parent", form.parent))"
            : Fields.select("kind", "类型", options: DirectoryOptions.kinds, selected: form.kind, errors: errors)
                + Fields.select("parent", "上级机构", options: parents.map { (value: $0, label: $0) }, selected: form.parent, errors: errors, required: false, placeholder: "无")
        return """
        \(errors.summary())
        <form method="post" action="\(action)" novalidate>
          \(Fields.csrf(context.csrfToken))
          \(Fields.text("name", "名称", value: form.name, errors: errors))
          \(kindField)
          \(Fields.text("street", "所在街道", value: form.street, errors: errors, hint: "例如：幸福街道", required: false))
          \(Fields.text("address", "地址", value: form.address, errors: errors, required: false))
          \(Fields.text("phone", "电话", value: form.phone, errors: errors, hint: "对外公布的办公电话，例如 010-12345678", type: "tel", required: false))
          \(Fields.text("hours", "服务时间", value: form.hours, errors: errors, hint: "例如：工作日 09:00-12:00、13:30-17:30；全天服务填“全天24小时”。节假日按放假安排自动闭馆。"))
          \(Fields.checkboxes("services[]", "服务项目", options: DirectoryOptions.services, checked: form.services, errors: errors, hint: "不选则按机构类型的通常服务显示"))
          \(Fields.checkboxes("areas[]", "业务领域", options: DirectoryOptions.areas, checked: form.areas, errors: errors))
          \(Fields.text("latitude", "纬度", value: form.latitude, errors: errors, hint: "用于“离我最近”，例如 39.9087；经纬度要一起填", required: false, inputmode: "decimal"))
          \(Fields.text("longitude", "经度", value: form.longitude, errors: errors, hint: "例如 116.3975", required: false, inputmode: "decimal"))
          \(Fields.textarea("description", "简介", value: form.description, errors: errors, required: false))
          <button type="submit">保存</button>
        </form>
        \(id.map { id -> HTML in "<p><a href=\"\(SiteURL.directoryEntry(.value(id)))\">查看公众页面</a></p>" })
        """
    }
}

/// The person form (new or change), with delete for an existing person.
struct PersonFormPage: PageView {
    struct Form: Sendable {
        var name = ""
        var role = ""
        var organisation = ""
        var serves = ""
        var phone = ""
        var areas: Set<String> = []
        var duties = ""
        var onSiteHours = ""
    }

    var id: UUID?
    var form: Form
    var organisations: [String]
    var villages: [String]
    /// The photo already stored, if any.
    var photoURL: String?
    var errors = FormErrors([])

    var title: String { id == nil ? "新增人员" : "修改人员：\(form.name)" }

    func body(in context: PageContext) -> HTML {
        let action = id.map { SiteURL.editDirectoryPerson(.value($0)) } ?? .newDirectoryPerson
        return """
        \(errors.summary())
        <form method="post" action="\(action)" enctype="multipart/form-data" novalidate>
          \(Fields.csrf(context.csrfToken))
          \(Fields.text("name", "姓名", value: form.name, errors: errors))
          \(Fields.select("role", "身份", options: DirectoryOptions.roles, selected: form.role, errors: errors))
          \(Fields.select("organisation", "所属机构", options: organisations.map { (value: $0, label: $0) }, selected: form.organisation, errors: errors))
          \(Fields.select("serves", "服务的村（居）委会", options: villages.map { (value: $0, label: $0) }, selected: form.serves, errors: errors, hint: "村（居）法律顾问必填", required: false, placeholder: "无"))
          \(Fields.text("phone", "联系电话", value: form.phone, errors: errors, hint: "对外公布的工作电话", type: "tel", required: false))
          \(Fields.checkboxes("areas[]", "业务领域", options: DirectoryOptions.areas, checked: form.areas, errors: errors))
          \(Fields.textarea("duties", "职责", value: form.duties, errors: errors, required: false))
          \(Fields.text("onSiteHours", "驻点时间", value: form.onSiteHours, errors: errors, hint: "例如：每月第一个周三 09:00-11:00", required: false))
          \(photoURL.map { url -> HTML in "<p><img class=\"adviser-photo\" src=\"\(url)\" alt=\"\(form.name)的照片\" width=\"96\" height=\"128\"></p>" })
          \(Fields.file("photo", photoURL == nil ? "照片" : "更换照片", errors: errors, hint: "可选。公示牌上使用的正面照片，JPG或PNG，不超过5MB", required: false, accept: "image/*"))
          \(when(photoURL != nil) { Fields.checkbox("removePhoto", "删除现有照片", checked: false, errors: errors, value: "1") })
          <button type="submit">保存</button>
        </form>
        \(id.map { id -> HTML in
            "<form method=\"post\" action=\"\(SiteURL.deleteDirectoryPerson(.value(id)))\" class=\"inline\">\(Fields.csrf(context.csrfToken))<label for=\"f-confirm\"><input type=\"checkbox\" id=\"f-confirm\" name=\"confirm\" value=\"1\"> 确认删除</label> <button type=\"submit\" class=\"secondary\">从名录中删除</button></form>"
        })
        """
    }
}

/// 批量导入: institutions or people from a CSV file (laws are imported on the knowledge base's own page).
struct DirectoryImportPage: PageView {
    var errors = FormErrors([])

    var title: String { "批量导入" }

    func body(in context: PageContext) -> HTML {
        let institutionHeader = DirectoryImport.institutionColumns.map(\.header).joined(separator: ",")
        let personHeader = DirectoryImport.personColumns.map(\.header).joined(separator: ",")
        return """
        \(errors.summary())
        <h2>导入机构或人员（CSV）</h2>
        <p>用表格软件另存为“CSV UTF-8”（带不带BOM均可）。第一行是列名：</p>
        <ul><li>机构：<code>\(institutionHeader)</code>（名称、类型必填）</li>
        <li>人员：<code>\(personHeader)</code>（姓名、身份、所属机构必填；村（居）法律顾问须填服务村居）</li></ul>
        <p class="hint">同名机构（人员按姓名和所属机构）会被更新，不会重复。只要有一行不合格，整个文件都不导入，并列出每一行的问题。</p>
        <form method="post" action="\(SiteURL.directoryImport)" enctype="multipart/form-data">
          \(Fields.csrf(context.csrfToken))
          <div class="field\(HTML(raw: errors["file"] == nil ? "" : " has-error"))"><label for="f-file">CSV文件</label>
          <input type="file" id="f-file" name="file" accept=".csv,text/csv">
          \(errors["file"].map { e -> HTML in "<p class=\"field-error\">\(e)</p>" })</div>
          <button type="submit">上传并导入</button>
        </form>
        \(lawImportLink(context))
        """
    }
}

/// How an import is going, then what it did or why nothing was written.
struct DirectoryImportRunPage: PageView {
    var run: DirectoryImportRuns.Run

    var title: String { "导入：\(run.fileName)" }

    /// While it runs the page reloads itself each second (works without JavaScript).
    var refreshes: Bool { run.phase == .checking || run.phase == .writing }

    func body(in context: PageContext) -> HTML {
        let rejected: [HTML] = run.rejected.prefix(500).map { row in
            "<tr><td>第\(row.line)行</td><td>\(row.name.isEmpty ? "（未填名称）" : row.name)</td><td>\(row.errors.map(\.message).joined(separator: "；"))</td></tr>"
        }
        let status: HTML = switch run.phase {
        case .checking: "<p role=\"status\">正在检查文件……</p>"
        case .writing: "<p role=\"status\">正在写入：\(run.written)/\(run.total)行</p><progress max=\"\(max(run.total, 1))\" value=\"\(run.written)\">\(run.written)/\(run.total)</progress>"
        case .done: "<p class=\"notice\" role=\"status\">导入完成：共\(run.total)行，新增\(run.outcome?.created ?? 0)条，更新\(run.outcome?.updated ?? 0)条。</p>"
        case .refused: "<div class=\"notice error\" role=\"alert\"><p>有\(run.rejected.count)行不合格，整个文件未导入（已有数据没有任何改动）。请改正后重新导入。</p></div>"
        case .failed: "<div class=\"notice error\" role=\"alert\"><p>\(run.message ?? "导入失败")，未写入任何数据。</p></div>"
        }
        return """
        \(status)
        \(when(!rejected.isEmpty) { table(rejected, head: ["行", "名称", "问题"]) })
        <p><a href="\(SiteURL.directoryImport)">再导入一个文件</a> · <a href="\(SiteURL.directoryManage)">机构和人员管理</a></p>
        """
    }
}

/// Where laws are imported: a link for those who edit the knowledge base, nothing for anyone else.
private func lawImportLink(_ context: PageContext) -> HTML {
    guard context.account?.actor.map(KnowledgeRules.mayEdit) == true else { return .empty }
    return "<p>法律法规请在<a href=\"\(SiteURL.lawImport)\">普法内容 · 导入法律法规</a>中导入。</p>"
}
