import Fluent
import LegalAidCore
import Vapor

/// The audit administrator reads, searches and exports the audit trail, and nothing else.
struct AuditController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        let auditor = routes.grouped(RoleGuard(.auditAdmin))
        auditor.get("audit", use: index)
        auditor.get("audit", "export.csv", use: export)
    }

    struct Filter: Content {
        var event: String?
        var account: String?
        var from: String?
        var to: String?
    }

    private func entries(_ req: Request, filter: Filter, limit: Int) async throws -> [AuditEntryModel] {
        let query = AuditEntryModel.query(on: req.db).sort(\.$seq, .descending)
        if let event = filter.event?.trimmingCharacters(in: .whitespaces), !event.isEmpty { query.filter(\.$event, .custom("LIKE"), event + "%") }
        if let account = filter.account?.trimmingCharacters(in: .whitespaces), !account.isEmpty { query.filter(\.$accountName, .custom("LIKE"), "%" + account + "%") }
        if let from = filter.from.flatMap(LocalDate.init(iso:)) {
            query.filter(\.$atMilliseconds >= Int64(from.startOfDay.timeIntervalSince1970 * 1000))
        }
        if let to = filter.to.flatMap(LocalDate.init(iso:)) {
            query.filter(\.$atMilliseconds < Int64(to.adding(days: 1).startOfDay.timeIntervalSince1970 * 1000))
        }
        return try await query.limit(limit).all()
    }

    func index(req: Request) async throws -> HTML {
        let filter = try req.query.decode(Filter.self)
        let rows = try await entries(req, filter: filter, limit: 200)
        let chain: HTML = switch try await AuditLog.verify(on: req.db) {
        case .intact(let count): "<p class=\"notice\">审计记录完整性校验通过：共\(count)条，哈希链未被篡改。</p>"
        case let .broken(_, reason): "<div class=\"panel error-panel\" role=\"alert\"><p><strong>审计记录完整性校验失败：</strong>\(reason)</p></div>"
        }
        let body: [HTML] = rows.map { entry in
            """
            <tr><td>\(entry.seq)</td><td>\(TimeText.chinese(entry.at))</td><td>\(entry.accountName)</td><td>\(entry.event)</td>
            <td>\(entry.target)</td><td>\(AuditOutcomeText.chinese(entry.outcome))</td><td>\(entry.clientAddress)</td><td>\(entry.detail)</td></tr>
            """
        }
        var exportQuery = URLComponents()
        exportQuery.queryItems = [("event", filter.event), ("account", filter.account), ("from", filter.from), ("to", filter.to)]
            .compactMap { key, value in value.map { URLQueryItem(name: key, value: $0) } }
        let exportLink = "/audit/export.csv" + (exportQuery.percentEncodedQuery.map { "?" + $0 } ?? "")
        return req.page("审计日志", """
        \(chain)
        <form method="get" action="\(SiteURL.audit)" class="panel">
          \(Fields.text("event", "事件（前缀，如 auth.、application.）", value: filter.event ?? "", errors: FormErrors(), required: false))
          \(Fields.text("account", "账号名称包含", value: filter.account ?? "", errors: FormErrors(), required: false))
          \(Fields.text("from", "起始日期", value: filter.from ?? "", errors: FormErrors(), type: "date", required: false))
          \(Fields.text("to", "截止日期", value: filter.to ?? "", errors: FormErrors(), type: "date", required: false))
          <div class="actions"><button type="submit">查询</button> <a class="button secondary" href="\(exportLink)">导出CSV</a></div>
        </form>
        <p class="hint">显示最近200条。审计记录保存不少于6个月，只能追加，任何修改或删除都会被完整性校验发现。</p>
        <div class="table-wrap"><table><thead><tr><th scope="col">序号</th><th scope="col">时间</th><th scope="col">账号</th><th scope="col">事件</th><th scope="col">对象</th><th scope="col">结果</th><th scope="col">地址</th><th scope="col">说明</th></tr></thead>
        <tbody>\(body)</tbody></table></div>
        """)
    }

    /// CSV of the filtered entries (up to 50,000); the export itself is audited.
    func export(req: Request) async throws -> Response {
        let filter = try req.query.decode(Filter.self)
        let rows = try await entries(req, filter: filter, limit: 50_000)
        try await req.audit("audit.export", target: "audit", detail: "\(rows.count) entries")
        func cell(_ text: String) -> String {
            let safe = text.first.map { "=+-@".contains($0) } == true ? "'" + text : text // no formula injection in spreadsheets
            return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        var csv = "\u{FEFF}seq,time,account,organisation,event,target,outcome,client,detail,hash\n"
        for entry in rows {
            csv += [String(entry.seq), ISO8601DateFormatter().string(from: entry.at), entry.accountName, entry.organisationID?.uuidString ?? "",
                    entry.event, entry.target, entry.outcome, entry.clientAddress, entry.detail, entry.hash].map(cell).joined(separator: ",") + "\n"
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"fayuan-audit.csv\"")
        return Response(status: .ok, headers: headers, body: .init(string: csv))
    }
}

enum AuditOutcomeText {
    static func chinese(_ outcome: String) -> String {
        switch outcome {
        case "success": "成功"
        case "failure": "失败"
        case "denied": "拒绝"
        default: outcome
        }
    }
}
