import Fluent
import LegalAidCore
import Vapor

/// The centre keeps each district lawyer's practice record for the assignment picker: years of
/// practice and of criminal defence (第26条), specialities, and whether they take cases now.
struct LawyerProfileController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.lawyers, use: index)
        routes.get(.lawyer(.key), use: edit)
        routes.post(.lawyer(.key), use: save)
    }

    private func requireCentre(_ req: Request) throws -> AccountModel {
        let account = try req.requireStaff()
        guard account.roles?.containsAny([.centreReviewer, .centreDirector]) == true else { throw AppError.forbidden }
        return account
    }

    func index(req: Request) async throws -> HTML {
        _ = try requireCentre(req)
        let reference = try await req.referenceData()
        let lawyers = try await CaseService(req).candidates(reference: reference).sorted { $0.name < $1.name }
        let rows: [HTML] = lawyers.map { lawyer in
            """
            <tr><td><a href="\(SiteURL.lawyer(lawyer.id))">\(lawyer.name)</a></td><td>\(reference.name(lawyer.firmID))</td>
            <td>\(lawyer.practiceYears)年</td><td>\(lawyer.criminalPracticeYears)年</td>
            <td>\(lawyer.specialities.isEmpty ? "—" : lawyer.specialities.map(\.chinese).sorted().joined(separator: "、"))</td>
            <td>\(lawyer.openCases)件</td><td>\(lawyer.available ? "接案" : "暂停接案")</td></tr>
            """
        }
        return req.page("律师执业信息", """
        <p>指派时按在办案件数轮流建议，并核对执业年限（可能判处无期徒刑、死刑的案件须刑事辩护执业三年以上，法律援助法第26条）。</p>
        <div class="table-wrap"><table><thead><tr><th scope="col">律师</th><th scope="col">律师事务所</th><th scope="col">执业年限</th><th scope="col">刑事辩护</th><th scope="col">擅长</th><th scope="col">在办</th><th scope="col">状态</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        """)
    }

    func edit(req: Request) async throws -> HTML {
        _ = try requireCentre(req)
        let (lawyer, profile) = try await find(req)
        return page(req, lawyer: lawyer, values: profile.map { [
            "practiceYears": String($0.practiceYears), "criminalYears": String($0.criminalYears), "available": $0.available ? "true" : "",
        ] } ?? ["available": "true"], specialities: profile?.specialities ?? [], errors: FormErrors())
    }

    struct Input: Content {
        var practiceYears: String?
        var criminalYears: String?
        var specialities: [String]?
        var available: String?
    }

    func save(req: Request) async throws -> Response {
        let account = try requireCentre(req)
        let (lawyer, existing) = try await find(req)
        let input = try req.content.decode(Input.self)
        switch LawyerProfileInput.parse(practiceYears: input.practiceYears ?? "", criminalYears: input.criminalYears ?? "",
                                        specialities: input.specialities ?? [], available: input.available == "true") {
        case .failure(let errors):
            return try await page(req, lawyer: lawyer, values: ["practiceYears": input.practiceYears ?? "", "criminalYears": input.criminalYears ?? "",
                                                                "available": input.available ?? ""],
                                  specialities: Set((input.specialities ?? []).compactMap(MatterType.init(rawValue:))), errors: FormErrors(errors.errors))
                .response(req, status: .unprocessableEntity)
        case .success(let value):
            let profile = existing ?? LawyerProfileModel()
            profile.accountID = lawyer.id!
            profile.practiceYears = value.practiceYears
            profile.criminalYears = value.criminalYears
            profile.specialitiesText = value.specialities.map(\.rawValue).sorted().joined(separator: ",")
            profile.available = value.available
            try await profile.save(on: req.db)
            try await req.audit("lawyer.profile", target: "account:\(lawyer.id!.uuidString)", account: account)
            req.flash("已保存\(lawyer.displayName)的执业信息。")
            return req.redirect(to: SiteURL.lawyers.path)
        }
    }

    /// A lawyer of one of the district's law firms, and their profile if there is one.
    private func find(_ req: Request) async throws -> (AccountModel, LawyerProfileModel?) {
        let reference = try await req.referenceData()
        guard let lawyer = try await AccountModel.find(try req.parameters.id(), on: req.db),
              lawyer.roles?.contains(.lawyer) == true, let firm = lawyer.organisationID, reference.tree[firm]?.kind == .lawFirm
        else { throw AppError.notFound("律师") }
        return (lawyer, try await LawyerProfileModel.query(on: req.db).filter(\.$accountID == lawyer.id!).first())
    }

    private func page(_ req: Request, lawyer: AccountModel, values: [String: String], specialities: Set<MatterType>, errors: FormErrors) -> HTML {
        req.page("律师执业信息：\(lawyer.displayName)", """
        \(errors.summary())
        <form method="post" action="\(SiteURL.lawyer(lawyer.id!))" class="panel" novalidate>
          \(Fields.csrf(req.pageContext.csrfToken))
          \(Fields.text("practiceYears", "执业年限（年）", value: values["practiceYears"] ?? "", errors: errors, inputmode: "numeric"))
          \(Fields.text("criminalYears", "其中刑事辩护执业年限（年）", value: values["criminalYears"] ?? "", errors: errors, inputmode: "numeric"))
          \(Fields.checkboxes("specialities[]", "擅长的案件类型", options: MatterType.allCases.map { (value: $0.rawValue, label: $0.chinese) }, checked: Set(specialities.map(\.rawValue)), errors: errors))
          \(Fields.checkbox("available", "目前接受指派", checked: values["available"] == "true", errors: errors))
          <div class="actions"><button type="submit">保存</button> <a href="\(SiteURL.lawyers)">返回</a></div>
        </form>
        """)
    }
}
