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
        let chain: AuditPage.Chain = switch try await AuditLog.verify(on: req.db) {
        case .intact(let count): .intact(count: count)
        case let .broken(_, reason): .broken(reason: reason)
        }
        var exportQuery = URLComponents()
        exportQuery.queryItems = [("event", filter.event), ("account", filter.account), ("from", filter.from), ("to", filter.to)]
            .compactMap { key, value in value.map { URLQueryItem(name: key, value: $0) } }
        return AuditPage(chain: chain, waiting: try await AuditLog.pending(on: req.db, limit: 20).count, filter: filter,
                         rows: rows.items.map { AuditPage.Row(seq: $0.seq, at: $0.at, accountName: $0.accountName, event: $0.event, target: $0.target,
                                                               outcome: $0.outcome, clientAddress: $0.clientAddress, detail: $0.detail) },
                         exportLink: SiteURL.auditExport.path + (exportQuery.percentEncodedQuery.map { "?" + $0 } ?? ""),
                         pager: Pager.render(rows, req)).render(req)
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
