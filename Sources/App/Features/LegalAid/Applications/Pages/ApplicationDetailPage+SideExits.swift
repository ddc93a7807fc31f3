import LegalAidCore
import Vapor

/// The applicant's routes out of a decision they disagree with, and the centre's urgent path:
/// objections to the bureau (第49条), asking to change lawyer (第46条), urgent aid first (第44条).
extension ApplicationDetailPage {
    var objectionSubject: Objection.Subject? {
        guard !objections.contains(where: { $0.objectionState == .pending }) else { return nil }
        return Objection.subject(application: app.applicationState, caseState: legalAidCase?.caseState)
    }

    var mayObject: Bool {
        account.isCitizen ? app.ownerAccountID == account.id
            : account.roles?.containsAny([.communityStaff, .workstationStaff, .liaisonStaff, .centreReviewer]) == true
    }

    func sideExitPanels(csrf: String) -> HTML {
        var parts: [HTML] = []
        if !objections.isEmpty {
            let rows: [HTML] = objections.map { o in
                let status: HTML = o.objectionState == .pending
                    ? "司法局审查中，将于\(CaseDates.chinese(o.dueOn))前作出决定"
                    : "<strong>\(o.objectionState.chinese)</strong>\(o.explanation.map { "：\($0)" } ?? "")"
                return "<li>\(CaseDates.chinese(o.receivedOn))对\(o.objectionSubject.chinese)提出异议——\(status)</li>"
            }
            parts.append("<div class=\"panel\"><h2>异议</h2><ul>\(rows)</ul></div>")
        }
        if let subject = objectionSubject, mayObject {
            parts.append(sideForm("objection", action: SiteURL.applicationStep(app.id, .objection), title: "向司法局提出异议", csrf: csrf,
                fields: "<p>对\(subject.chinese)不服的，可以向司法局提出异议。司法局自收到之日起5日内审查，作出维持或者责令改正的决定（法律援助法第49条）。</p>"
                    + Fields.textarea("reason", "异议的事实和理由", value: sideValue("reason"), errors: failedAction == "objection" ? errors : FormErrors())))
        }
        if !changeRequests.isEmpty {
            let rows: [HTML] = changeRequests.map { r in
                "<li>\(TimeText.chinese(r.filedAt))申请更换律师——<strong>\(r.requestState.chinese)</strong>\(r.response.map { "（\($0)）" } ?? "")</li>"
            }
            parts.append("<div class=\"panel\"><h2>更换律师申请</h2><ul>\(rows)</ul></div>")
        }
        if let legalAidCase, account.isCitizen, legalAidCase.caseState == .inProgress, !changeRequests.contains(where: { $0.requestState == .pending }) {
            parts.append(sideForm("changeRequest", action: SiteURL.caseStep(legalAidCase.id, .changeRequest), title: "申请更换承办律师", csrf: csrf,
                fields: "<p>律师不履行职责、无法联系或者有其他正当理由的，可以申请更换，中心审查后告知结果（法律援助法第46条）。</p>"
                    + Fields.textarea("reason", "申请更换的理由", value: sideValue("reason"), errors: failedAction == "changeRequest" ? errors : FormErrors()),
                secondary: true))
        }
        if legalAidCase == nil, account.roles?.contains(.centreDirector) == true, app.applicationState.isAtCentre,
           let actor = account.actor, AccessPolicy.canAct(app.scope, actor: actor, tree: reference.tree) {
            let errs = failedAction == "urgentAid" ? errors : FormErrors()
            parts.append(sideForm("urgentAid", action: SiteURL.applicationStep(app.id, .urgentAid), title: "先行提供法律援助", csrf: csrf,
                fields: "<p>距诉讼时效或者起诉期限届满不足7日，或者需要立即申请保全、先予执行的，可以先行提供法律援助，立即指派律师，申请人事后补办手续（法律援助法第44条）。</p>"
                    + Fields.text("daysToDeadline", "距时效或期限届满还有几天", value: sideValue("daysToDeadline"), errors: errs, hint: "不涉及期限的可不填", type: "number")
                    + Fields.checkbox("urgentPreservation", "需要立即申请财产保全、证据保全或者先予执行", checked: sideValue("urgentPreservation") == "true", errors: errs)
                    + Fields.textarea("reason", "紧急情况说明", value: sideValue("reason"), errors: errs),
                secondary: true))
        }
        return HTML(raw: parts.map(\.raw).joined())
    }

    private func sideForm(_ name: String, action: SiteURL, title: String, csrf: String, fields: HTML, secondary: Bool = false) -> HTML {
        """
        <details class="panel"\(HTML(raw: failedAction == name ? " open" : ""))><summary><strong>\(title)</strong></summary>
        <form method="post" action="\(action)" novalidate>
          \(Fields.csrf(csrf))
          \(Fields.scoped(name, fields))
          <div class="actions"><button type="submit" class="\(secondary ? "secondary" : "")">\(title)</button></div>
        </form></details>
        """
    }

    private func sideValue(_ name: String) -> String { values[name] ?? "" }
}
