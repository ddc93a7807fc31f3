import LegalAidCore
import Vapor

/// The part of an application an applicant always sees: where it is, what is missing and
/// what happens next. Shared by the no-login lookup, "my applications" and the staff view.
struct StatusSummary {
    var number: String
    /// Where the application stands in the workflow (its state, clock and pauses).
    var workflow: ApplicationCase
    var events: [ApplicationEventRecord]
    var calendar: HolidayCalendar
    var today: LocalDate
    /// The case, once aid is granted: what happens next comes from it, and from how it began.
    var caseState: CaseState? = nil
    var caseOrigin: CaseOrigin = .decision
    /// Staff read whose move it is; the applicant reads what will happen to them.
    var forStaff = false

    var nextStep: String {
        if let caseState { return forStaff ? caseState.staffNextStep(origin: caseOrigin) : caseState.applicantNextStep(origin: caseOrigin) }
        return forStaff ? workflow.state.staffNextStep : workflow.state.nextStep
    }

    /// The centre's decision clock (法律援助法 第43条), while the centre has the application.
    var decisionClock: ClockReading? {
        guard workflow.state.isAtCentre, let deadline = workflow.decisionDeadline else { return nil }
        return deadline.reading(at: today.startOfDay.addingTimeInterval(12 * 3600), calendar: calendar)
    }

    var stateClass: String {
        switch workflow.state {
        case .approved: "state-ok"
        case .denied, .preRejected, .withdrawn, .deemedWithdrawn: "state-bad"
        default: "state-wait"
        }
    }

    /// The latest materials request while it is open.
    var openMaterialsRequest: (items: [String], supplyBy: String)? {
        guard workflow.state.awaitsMaterials,
              let request = events.last(where: { $0.event == ApplicationEventKind.requestMaterials.rawValue })
        else { return nil }
        let items = (request.payload["items"] ?? "").split(separator: "\n").map(String.init)
        let supplyBy = request.payload["supplyBy"].flatMap(LocalDate.init(iso:))?.chinese ?? ""
        return (items, supplyBy)
    }

    func render() -> HTML {
        let state = workflow.state
        let deadline: HTML = decisionClock.map { clock -> HTML in
            "<dt>决定期限</dt><dd>\(clock.chinese(rule: "法律援助法第43条：自收到申请之日起7日内，补充材料期间不计算"))</dd>"
        } ?? .empty
        let materials: HTML = openMaterialsRequest.map { request in
            let items: [HTML] = request.items.map { "<li>\($0)</li>" }
            return """
            <div class="panel" role="region" aria-label="需要补充的材料">
              <h2>需要补充的材料（请于\(request.supplyBy)前补充）</h2>
              <ol>\(items)</ol>
              <p class="hint">可以登录后在申请页面上传，也可以带到所在社区联系点或街道工作站。</p>
            </div>
            """
        } ?? .empty
        let outcome: HTML = {
            switch state {
            case .preRejected:
                let event = events.last { $0.event == ApplicationEventKind.preReject.rawValue }
                return "<div class=\"panel\"><h2>初审意见</h2><p>理由：\(event?.payload["reason"] ?? "")</p><p>建议途径：\(event?.payload["referral"] ?? "")</p></div>"
            case .denied:
                let event = events.last { $0.event == ApplicationEventKind.deny.rawValue }
                return "<div class=\"panel\"><h2>不予法律援助的理由</h2><p>\(event?.payload["reasons"] ?? "")</p><p>如有异议，可以向司法局提出，司法局在5日内作出决定（法律援助法第49条）。</p></div>"
            default: return .empty
            }
        }()
        return """
        <div class="panel">
          <dl class="facts">
            <dt>申请编号</dt><dd>\(number)</dd>
            <dt>当前状态</dt><dd><span class="state \(stateClass)">\(state.chinese)</span></dd>
            \(caseState.map { c -> HTML in "<dt>案件办理</dt><dd>\(c.chinese)</dd>" })
            <dt>下一步</dt><dd>\(nextStep)</dd>
            \(deadline)
          </dl>
        </div>
        \(materials)
        \(outcome)
        <h2>办理记录</h2>
        \(timeline(detailed: false))
        """
    }

    func timeline(detailed: Bool) -> HTML {
        guard !events.isEmpty else { return "<p>暂无记录。</p>" }
        let items: [HTML] = events.map { event in
            let kind = ApplicationEventKind(rawValue: event.event)
            let to = ApplicationState(rawValue: event.toState)
            let details: HTML = when(detailed) {
                let lines: [HTML] = event.payload.sorted { $0.key < $1.key }.map { key, value in
                    "<br><span class=\"hint\">\(PayloadLabel.chinese(key))：\(value)</span>"
                }
                return "<br><span class=\"hint\">办理人：\(event.actorName)</span>\(lines)"
            }
            return """
            <li><time datetime="\(ISO8601DateFormatter().string(from: event.at))">\(TimeText.chinese(event.at))</time>
            <strong>\(kind?.chinese ?? event.event)</strong> → \(to?.chinese ?? event.toState)\(details)</li>
            """
        }
        return "<ol class=\"timeline\">\(items)</ol>"
    }
}

enum PayloadLabel {
    static func chinese(_ key: String) -> String {
        switch key {
        case "items": "需补充材料"
        case "supplyBy": "补充期限"
        case "note": "说明"
        case "reason": "理由"
        case "reasons": "理由"
        case "referral": "建议途径"
        case "opinion": "意见"
        case "eligibilityOverride": "不采纳系统判断的理由"
        default: key
        }
    }
}
