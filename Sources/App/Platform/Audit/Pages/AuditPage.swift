import Kernel
import Vapor

/// 审计日志: the audit administrator's search over the trail, with the hash chain's check.
struct AuditPage: PageView {
    struct Row: Sendable {
        var seq: Int
        var at: Date
        var accountName: String
        var event: String
        var target: String
        var outcome: String
        var clientAddress: String
        var detail: String
    }

    enum Chain: Sendable {
        case intact(count: Int)
        case broken(reason: String)
    }

    var chain: Chain
    /// Entries written but not yet sealed into the chain.
    var waiting: Int
    var filter: AuditController.Filter
    var rows: [Row]
    var exportLink: String
    var pager: HTML

    var title: String { "审计日志" }

    func body(in context: PageContext) -> HTML {
        let chainLine: HTML = switch chain {
        case .intact(let count): "<p class=\"notice\">审计记录完整性校验通过：共\(count)条，哈希链未被篡改。</p>"
        case .broken(let reason): "<div class=\"panel error-panel\" role=\"alert\"><p><strong>审计记录完整性校验失败：</strong>\(reason)</p></div>"
        }
        let waitingLine: HTML = waiting == 0 ? "" : "<p class=\"hint\">另有\(waiting)条最新记录正在写入哈希链（通常在1秒内完成），刷新页面后显示在下表中。</p>"
        let body: [HTML] = rows.map { entry in
            """
            <tr><td>\(entry.seq)</td><td>\(TimeText.chinese(entry.at))</td><td>\(entry.accountName)</td><td>\(AuditText.event(entry.event))</td>
            <td>\(AuditText.target(entry.target))</td><td>\(AuditText.outcome(entry.outcome))</td><td>\(entry.clientAddress)</td><td>\(entry.detail)</td></tr>
            """
        }
        return """
        \(chainLine)
        \(waitingLine)
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
        \(pager)
        """
    }
}
