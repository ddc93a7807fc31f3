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
        var firms: [UUID: String] = [:]
        for case let firm? in lawyers.map(\.firmID) { firms[firm] = reference.name(firm) }
        return LawyersPage(lawyers: lawyers, firmNames: firms).render(req)
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
        LawyerProfilePage(lawyerID: lawyer.id!, lawyerName: lawyer.displayName, values: values, specialities: specialities, errors: errors).render(req)
    }
}
