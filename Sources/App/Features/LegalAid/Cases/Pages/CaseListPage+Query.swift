import Fluent
import LegalAidCore
import Vapor

extension CaseListPage {
    /// The cases this staff member may see, one page of them, with their handlers' names.
    static func query(_ req: Request, account: AccountModel) async throws -> CaseListPage {
        let reference = try await req.referenceData()
        let page = try await CaseService(req).visible(to: account, reference: reference, page: try ListPage.from(req))
        // Handlers: lawyers, or the centre's own staff.
        let handlerIDs = Set(page.items.compactMap(\.lawyerAccountId))
        let handlers = Dictionary(try await AccountModel.query(on: req.db).filter(\.$id ~~ Array(handlerIDs)).all().map { ($0.id!, $0.displayName) },
                                  uniquingKeysWith: { a, _ in a })
        let rows = page.items.map { row in
            Row(id: row.id, number: row.number, applicantName: row.applicantName, state: row.caseState, origin: row.caseOrigin,
                handler: row.lawyerAccountId.flatMap { handlers[$0] }, assignmentDue: row.assignmentDue)
        }
        return CaseListPage(rows: rows, forLawyer: account.roles?.contains(.lawyer) == true, today: LocalDate(req.now),
                            pager: Pager.render(page, req, unit: "件"))
    }
}
