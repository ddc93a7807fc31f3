import Fluent
import LegalAidCore
import Vapor

extension ObjectionsPage {
    /// The objections this staff member may see, one page of them.
    static func query(_ req: Request, account: AccountModel) async throws -> ObjectionsPage {
        let reference = try await req.referenceData()
        let page = try await ObjectionService(req).visible(to: account, reference: reference, page: try ListPage.from(req))
        let rows = page.items.map { objection, app in
            Row(id: objection.id!, applicationNumber: app.number, applicantName: app.applicantName, subject: objection.objectionSubject,
                receivedOn: objection.receivedOn, state: objection.objectionState, dueOn: objection.dueOn)
        }
        return ObjectionsPage(rows: rows, today: LocalDate(req.now), pager: Pager.render(page, req, unit: "件"))
    }
}

extension ObjectionPage {
    /// The objection's facts in plain values (its reason and explanation opened here), and
    /// whether this account may decide it now.
    init(_ objection: ObjectionModel, app: ApplicationModel, account: AccountModel, reference: ReferenceData) {
        self.init(id: objection.id!, applicationID: app.id!, applicationNumber: app.number, applicantName: app.applicantName,
                  subject: objection.objectionSubject, receivedOn: objection.receivedOn, dueOn: objection.dueOn, state: objection.objectionState,
                  reason: objection.reason, explanation: objection.explanation,
                  mayDecide: objection.objectionState == .pending
                      && account.actor.map { AccessPolicy.canDecideObjection(centreID: app.centreID, actor: $0, tree: reference.tree) } == true)
    }
}
