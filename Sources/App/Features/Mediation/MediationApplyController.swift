import Fluent
import MediationCore
import Vapor

/// Starting a mediation: a citizen applies online (`/disputes/apply`); staff register one from
/// any other door (`/mediations/new`), prefilled from a consultation or an aid case.
struct MediationApplyController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.applyMediation, use: applyPage)
        routes.post(.applyMediation, use: apply)
        routes.get(.newMediation, use: newPage)
        routes.post(.newMediation, use: create)
    }

    /// The village and community committees, by street: the places committees serve (from memory).
    static func places(_ reference: ReferenceData) -> [(value: String, label: String)] {
        reference.organisations.filter { $0.value.kind == .villageCommittee }
            .map { (value: $0.key.uuidString, label: "\($0.value.street) \($0.value.name)") }
            .sorted { $0.label < $1.label }
    }

    func applyPage(req: Request) async throws -> HTML {
        let account = try requireCitizen(req)
        var form = MediationInput.Form()
        form.applicantName = account.displayName
        form.applicantPhone = account.phone
        if let type = req.query[String.self, at: "type"], DisputeType(rawValue: type) != nil { form.type = type }
        return MediationApplyPage(form: form, errors: FormErrors([]), places: Self.places(try await req.referenceData()), staff: false).render(req)
    }

    func apply(req: Request) async throws -> Response {
        let account = try requireCitizen(req)
        var form = try req.content.decode(MediationInput.Form.self)
        form.source = nil
        form.joint = nil
        form.sourceRef = nil
        return try await start(req, form: form, staff: false, by: account)
    }

    func newPage(req: Request) async throws -> HTML {
        let account = try Self.requireStarter(req)
        var form = MediationInput.Form()
        if let id = req.query[UUID.self, at: "consultation"] {
            form = try await MediationPrefill.fromConsultation(id, req: req)
        } else if let id = req.query[UUID.self, at: "case"] {
            form = try await MediationPrefill.fromCase(id, req: req)
        } else if MediationAccess.isMediator(account) {
            form.source = MediationSource.partyApplication.rawValue
        }
        return MediationApplyPage(form: form, errors: FormErrors([]), places: Self.places(try await req.referenceData()), staff: true).render(req)
    }

    func create(req: Request) async throws -> Response {
        let account = try Self.requireStarter(req)
        return try await start(req, form: try req.content.decode(MediationInput.Form.self), staff: true, by: account)
    }

    private func start(_ req: Request, form: MediationInput.Form, staff: Bool, by account: AccountModel) async throws -> Response {
        let reference = try await req.referenceData()
        do {
            let input = try MediationInput.parse(form, defaultSource: .partyApplication).mapError { AppError.invalid($0.errors) }.get()
            let applicant = staff ? try await MediationPrefill.applicantAccount(input, req: req) : account.id
            let started = try await MediationService(req).start(input, by: account, applicantAccount: applicant, reference: reference)
            let mediation = started.mediation
            if !staff {
                req.flash("调解申请已提交，编号\(mediation.number)。")
                let applicant = try await MediationService(req).parties(of: mediation.id!).first { $0.partySide == .applicant }
                return req.redirect(to: SiteURL.mediationParty(.value(applicant!.id!)).path)
            }
            if MediationAccess.works(mediation, account) {
                req.flash("已登记，编号\(mediation.number)。" + (started.links.isEmpty ? "" : "已用短信邀请对方当事人答复。"))
                return req.redirect(to: SiteURL.mediation(.value(mediation.id!)).path)
            }
            return try await MediationReferredPage(number: mediation.number, committee: reference.organisations[mediation.committeeID]?.name ?? "人民调解委员会",
                                                   invited: input.respondent.phone != nil).render(req).encodeResponse(for: req)
        } catch let error as AppError where error.refusesForm {
            return try await MediationApplyPage(form: form, errors: FormErrors(error.formErrors), places: Self.places(reference), staff: staff)
                .render(req).response(req, status: error.status)
        }
    }

    private func requireCitizen(_ req: Request) throws -> AccountModel {
        let account = try req.requireAccount()
        guard account.isCitizen else { throw AppError.forbidden }
        return account
    }

    /// Who registers a mediation for others: a mediator; desk staff referring a consultation;
    /// a lawyer whose aid recipient agreed to try mediation first.
    static func requireStarter(_ req: Request) throws -> AccountModel {
        let account = try req.requireStaff()
        guard MediationAccess.isMediator(account) || account.roles?.contains(.lawyer) == true
              || ConsultationAPIController.mayUseDesk(account, orSupervisor: false) else { throw AppError.forbidden }
        return account
    }
}
