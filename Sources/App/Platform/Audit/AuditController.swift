import Fluent
import LegalAidCore
import Vapor

/// The audit administrator reads, searches and exports the audit trail, and nothing else.
struct AuditController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        let auditor = routes.grouped(RoleGuard(.auditAdmin))
        auditor.get(.audit, use: index)
        auditor.get(.auditExport, use: export)
    }

    struct Filter: Content {
        var event: String?
        var account: String?
        var from: String?
        var to: String?
    }

    private func query(_ req: Request, filter: Filter) -> QueryBuilder<AuditEntryModel> {
        let query = AuditEntryModel.query(on: req.db).sort(\.$seq, .descending)
        if let event = filter.event?.trimmingCharacters(in: .whitespaces), !event.isEmpty { query.filter(\.$event, .custom("LIKE"), event + "%") }
        if let account = filter.account?.trimmingCharacters(in: .whitespaces), !account.isEmpty { query.filter(\.$accountName, .custom("LIKE"), "%" + account + "%") }
        if let from = filter.from.flatMap(LocalDate.init(iso:)) {
            query.filter(\.$atMilliseconds >= Int64(from.startOfDay.timeIntervalSince1970 * 1000))
        }
        if let to = filter.to.flatMap(LocalDate.init(iso:)) {
            query.filter(\.$atMilliseconds < Int64(to.adding(days: 1).startOfDay.timeIntervalSince1970 * 1000))
        }
        return query
    }

    func index(req: Request) async throws -> HTML {
        let filter = try req.query.decode(Filter.self)
        let rows = try await query(req, filter: filter).paged(try ListPage.from(req, defaultSize: 100))
        let chain: HTML = switch try await AuditLog.verify(on: req.db) {
        case .intact(let count): "<p class=\"notice\">审计记录完整性校验通过：共\(count)条，哈希链未被篡改。</p>"
        case let .broken(_, reason): "<div class=\"panel error-panel\" role=\"alert\"><p><strong>审计记录完整性校验失败：</strong>\(reason)</p></div>"
        }
        let pending = try await AuditLog.pending(on: req.db, limit: 20)
        let waiting: HTML = pending.count == 0 ? "" : """
            <p class="hint">另有\(pending.count)条最新记录正在写入哈希链（通常在1秒内完成），刷新页面后显示在下表中。</p>
            """
        let body: [HTML] = rows.items.map { entry in
            """
            <tr><td>\(entry.seq)</td><td>\(TimeText.chinese(entry.at))</td><td>\(entry.accountName)</td><td>\(AuditText.event(entry.event))</td>
            <td>\(AuditText.target(entry.target))</td><td>\(AuditText.outcome(entry.outcome))</td><td>\(entry.clientAddress)</td><td>\(entry.detail)</td></tr>
            """
        }
        var exportQuery = URLComponents()
        exportQuery.queryItems = [("event", filter.event), ("account", filter.account), ("from", filter.from), ("to", filter.to)]
            .compactMap { key, value in value.map { URLQueryItem(name: key, value: $0) } }
        let exportLink = SiteURL.auditExport.path + (exportQuery.percentEncodedQuery.map { "?" + $0 } ?? "")
        return req.page("审计日志", """
        \(chain)
        \(waiting)
        <form method="get" action="\(SiteURL.audit)" class="panel">
          \(Fields.select("event", "事件类别", options: AuditText.families.map { (value: $0.prefix, label: $0.label) }, selected: filter.event,
                          errors: FormErrors(), required: false, placeholder: "全部"))
          \(Fields.text("account", "账号名称包含", value: filter.account ?? "", errors: FormErrors(), required: false))
          \(Fields.text("from", "起始日期", value: filter.from ?? "", errors: FormErrors(), type: "date", required: false))
          \(Fields.text("to", "截止日期", value: filter.to ?? "", errors: FormErrors(), type: "date", required: false))
          <div class="actions"><button type="submit">查询</button> <a class="button secondary" href="\(exportLink)">导出CSV</a></div>
        </form>
        <p class="hint">审计记录保存不少于6个月，只能追加，任何修改或删除都会被完整性校验发现。</p>
        <div class="table-wrap"><table><thead><tr><th scope="col">序号</th><th scope="col">时间</th><th scope="col">账号</th><th scope="col">事件</th><th scope="col">对象</th><th scope="col">结果</th><th scope="col">地址</th><th scope="col">说明</th></tr></thead>
        <tbody>\(body)</tbody></table></div>
        \(Pager.render(rows, req))
        """)
    }

    /// CSV of the filtered entries (up to 50,000), with Chinese headings and names beside the
    /// stable codes; the export itself is audited.
    func export(req: Request) async throws -> Response {
        let filter = try req.query.decode(Filter.self)
        // The export covers everything recorded until now: records still waiting are sealed first.
        try await AuditLog.seal(services: req.fayuan, on: req.db)
        let rows = try await query(req, filter: filter).limit(50_000).all()
        try await req.audit("audit.export", target: "audit", detail: "导出\(rows.count)条记录")
        func cell(_ text: String) -> String {
            let safe = text.first.map { "=+-@".contains($0) } == true ? "'" + text : text // no formula injection in spreadsheets
            return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        var csv = "\u{FEFF}序号,时间,账号,机构,事件,事件代码,对象,结果,地址,说明,哈希\n"
        for entry in rows {
            csv += [String(entry.seq), ISO8601DateFormatter().string(from: entry.at), entry.accountName, entry.organisationID?.uuidString ?? "",
                    AuditText.event(entry.event), entry.event, AuditText.target(entry.target), AuditText.outcome(entry.outcome), entry.clientAddress,
                    entry.detail, entry.hash].map(cell).joined(separator: ",") + "\n"
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"fayuan-audit.csv\"")
        return Response(status: .ok, headers: headers, body: .init(string: csv))
    }
}
