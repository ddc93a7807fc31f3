import Fluent
import LegalAidCore
import Vapor

/// Filling in the application: by the citizen online, or by community-point staff on their behalf.
struct ApplicationFormController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.newApplication, use: newForm)
        routes.post(.newApplication, use: create)
        routes.get(.editApplication(.key), use: editForm)
        routes.post(.editApplication(.key), use: update)
    }

    func newForm(req: Request) async throws -> HTML {
        let account = try req.requireFiler()
        let reference = try await req.referenceData()
        var form = ApplicationForm()
        if account.isCitizen {
            form.applicant.name = account.displayName
            form.applicant.phone = account.phone ?? ""
        }
        return page(req, account: account, reference: reference, form: form, errors: FormErrors(), app: nil, input: nil, attachments: []).render(req)
    }

    func create(req: Request) async throws -> Response {
        let account = try req.requireFiler()
        let reference = try await req.referenceData()
        let input = try req.content.decode(ApplicationFormInput.self)
        let (form, parseErrors) = input.form()
        let errors = parseErrors + form.validateForDraft() + uploadErrors(input, req)
        guard errors.isEmpty else {
            let errors = shown(errors, form: form, input: input)
            return try await rerender(req, account: account, reference: reference, form: form, errors: errors, app: nil, input: input)
        }
        let service = ApplicationService(req)
        let app: ApplicationModel
        do {
            let uploads = try await AttachmentStore.stage(input.uploads, request: req)
            app = try await uploads.atomically { uploads in
                try await service.createDraft(form: form, communityPointID: input.communityPoint, preReviewOrganisationID: input.preReviewOrganisation,
                                              by: account, reference: reference, uploads: uploads)
            }
        } catch let error as AppError where !error.fieldErrors.isEmpty {
            return try await rerender(req, account: account, reference: reference, form: form, errors: error.fieldErrors, app: nil, input: input)
        }
        return try await finish(req, account: account, reference: reference, app: app, input: input, form: form)
    }

    func editForm(req: Request) async throws -> Response {
        let account = try req.requireFiler()
        let reference = try await req.referenceData()
        let app = try await ApplicationService(req).find(try req.parameters.id(), for: account, reference: reference)
        guard app.applicationState == .draft else { return req.redirect(to: SiteURL.application(app.id!).path) }
        let attachments = try await AttachmentModel.query(on: req.db).filter(\.$applicationID == app.id!).all()
        return try await page(req, account: account, reference: reference, form: app.form, errors: FormErrors(), app: app, input: nil, attachments: attachments)
            .render(req).encodeResponse(for: req)
    }

    func update(req: Request) async throws -> Response {
        let account = try req.requireFiler()
        let reference = try await req.referenceData()
        let service = ApplicationService(req)
        let app = try await service.find(try req.parameters.id(), for: account, reference: reference)
        let input = try req.content.decode(ApplicationFormInput.self)
        let (form, parseErrors) = input.form()
        let errors = parseErrors + form.validateForDraft() + uploadErrors(input, req)
        guard errors.isEmpty else {
            let errors = shown(errors, form: form, input: input)
            return try await rerender(req, account: account, reference: reference, form: form, errors: errors, app: app, input: input)
        }
        do {
            let uploads = try await AttachmentStore.stage(input.uploads, request: req)
            try await uploads.atomically { uploads in
                try await service.updateDraft(app, form: form, communityPointID: input.communityPoint, preReviewOrganisationID: input.preReviewOrganisation,
                                              expectedVersion: input.version, by: account, reference: reference, uploads: uploads)
            }
        } catch let error as AppError where !error.fieldErrors.isEmpty {
            return try await rerender(req, account: account, reference: reference, form: form, errors: error.fieldErrors, app: app, input: input)
        }
        return try await finish(req, account: account, reference: reference, app: app, input: input, form: form)
    }

    /// After saving: submit if asked; a submission that is still incomplete comes back with
    /// every missing field marked (the draft is kept).
    private func finish(_ req: Request, account: AccountModel, reference: ReferenceData, app: ApplicationModel,
                        input: ApplicationFormInput, form: ApplicationForm) async throws -> Response {
        guard input.action == "submit" else {
            req.flash("草稿已保存（编号 \(app.number)）。可以随时回来继续填写。")
            return req.redirect(to: SiteURL.editApplication(app.id!).path)
        }
        do {
            try await ApplicationService(req).perform(.submit, on: app.id!, expectedVersion: app.version, by: account)
        } catch let error as AppError where !error.fieldErrors.isEmpty {
            let fresh = try await ApplicationModel.find(app.id, on: req.db) ?? app
            return try await rerender(req, account: account, reference: reference, form: form, errors: error.fieldErrors, app: fresh, input: input,
                                      flash: "草稿已保存，但还有内容需要补充，补充后再提交。")
        }
        req.flash("申请已提交。申请编号：\(app.number)。请记下编号，凭编号和手机号后四位可以查询进度。")
        return req.redirect(to: SiteURL.application(app.id!).path)
    }

    /// When the person pressed "submit", list everything still wrong at once, not only what
    /// stopped the draft being saved.
    private func shown(_ blocking: [FieldError], form: ApplicationForm, input: ApplicationFormInput) -> [FieldError] {
        guard input.action == "submit" else { return blocking }
        let fields = Set(blocking.map(\.field))
        return blocking + form.validateForSubmission().filter { !fields.contains($0.field) }
    }

    private func uploadErrors(_ input: ApplicationFormInput, _ req: Request) -> [FieldError] {
        input.uploads.compactMap { AttachmentStore.check($0, field: "attachments", maxBytes: req.fayuan.settings.maxUploadBytes) }
    }

    private func rerender(_ req: Request, account: AccountModel, reference: ReferenceData, form: ApplicationForm, errors: [FieldError],
                          app: ApplicationModel?, input: ApplicationFormInput, flash: String? = nil) async throws -> Response {
        var attachments: [AttachmentModel] = []
        if let id = app?.id { attachments = try await AttachmentModel.query(on: req.db).filter(\.$applicationID == id).all() }
        if let flash { req.flash(flash) }
        var view = page(req, account: account, reference: reference, form: form, errors: FormErrors(errors), app: app, input: input, attachments: attachments)
        view.version = app?.version
        return try await view.render(req).response(req, status: .unprocessableEntity)
    }

    private func page(_ req: Request, account: AccountModel, reference: ReferenceData, form: ApplicationForm, errors: FormErrors,
                      app: ApplicationModel?, input: ApplicationFormInput?, attachments: [AttachmentModel]) -> ApplicationFormPage {
        let choices = ApplicationFormPage.choices(reference: reference)
        return ApplicationFormPage(
            form: form, errors: errors,
            action: app.map { SiteURL.editApplication($0.id!) } ?? .newApplication,
            applicationNumber: app?.number, version: app?.version,
            communityPoints: choices.points, liaisonCentres: choices.liaison,
            selectedCommunityPoint: input?.communityPointID ?? app?.communityPointID?.uuidString,
            selectedPreReview: input?.preReviewOrganisationID ?? app.flatMap { reference.tree[$0.preReviewOrganisationID]?.kind == .departmentLiaison ? $0.preReviewOrganisationID.uuidString : nil },
            isCitizen: account.isCitizen,
            filingFor: account.isCitizen ? nil : reference.name(account.organisationID),
            attachments: attachments.map(AttachmentRecord.init), maxUploadMB: req.fayuan.settings.maxUploadBytes / 1024 / 1024)
    }
}
