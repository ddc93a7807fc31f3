import Fluent
import LegalAidCore
import Vapor
import DirectoryCore
import KnowledgeCore

/// Staff maintain the directory: institutions and people on forms, whole files by import, and
/// laws from plain text into the knowledge base (as drafts to check and publish).
struct DirectoryManageController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.directoryManage, use: manage)
        routes.get(.newDirectoryEntry, use: newInstitution)
        routes.post(.newDirectoryEntry, use: createInstitution)
        routes.get(.editDirectoryEntry(.key), use: editInstitution)
        routes.post(.editDirectoryEntry(.key), use: saveInstitution)
        routes.get(.newDirectoryPerson, use: newPerson)
        routes.post(.newDirectoryPerson, use: createPerson)
        routes.get(.editDirectoryPerson(.key), use: editPerson)
        routes.post(.editDirectoryPerson(.key), use: savePerson)
        routes.post(.deleteDirectoryPerson(.key), use: deletePerson)
        routes.get(.directoryImport, use: importPage)
        routes.on(.POST, .directoryImport, body: .collect(maxSize: "8mb"), use: importFile)
        routes.get(.directoryImportRun(.key), use: importRun)
    }

    static func requireEditor(_ req: Request) throws -> AccountModel {
        let account = try req.requireStaff()
        guard let actor = account.actor, DirectoryRules.mayEdit(actor) else { throw AppError.forbidden }
        return account
    }

    func manage(req: Request) async throws -> Response {
        _ = try Self.requireEditor(req)
        let catalogue = try await DirectoryController.catalogue(req)
        let query = req.typedWords()
        let paged = DirectoryController.page(catalogue.institutions(.init(query: query)), try ListPage.from(req)).map { catalogue.body($0)! }
        let people = query.isEmpty ? [] : catalogue.people(matching: query).prefix(50).map(catalogue.body)
        return try await DirectoryManagePage(query: query, items: paged.items, people: Array(people), pager: Pager.render(paged, req, unit: "家"))
            .render(req).encodeResponse(for: req)
    }

    // MARK: institutions

    struct InstitutionForm: Content {
        var name: String?
        var kind: String?
        var street: String?
        var address: String?
        var phone: String?
        var hours: String?
        var services: [String]?
        var areas: [String]?
        var latitude: String?
        var longitude: String?
        var parent: String?
        var description: String?

        var page: InstitutionFormPage.Form {
            .init(name: name ?? "", kind: kind ?? "", street: street ?? "", address: address ?? "", phone: phone ?? "", hours: hours ?? "",
                  services: Set(services ?? []), areas: Set(areas ?? []), latitude: latitude ?? "", longitude: longitude ?? "",
                  parent: parent ?? "", description: description ?? "")
        }

        func input(known: Set<String>) -> Result<InstitutionInput, FieldErrors> {
            let t = { (s: String?) in (s ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
            return DirectoryImport.checkInstitution(name: t(name), kind: t(kind), street: t(street), address: t(address), phone: t(phone),
                                                    hours: t(hours), services: (services ?? []).joined(separator: ","),
                                                    areas: (areas ?? []).joined(separator: ","), latitude: t(latitude), longitude: t(longitude),
                                                    parent: t(parent), description: t(description), known: known)
        }
    }

    private func institutionPage(_ req: Request, id: UUID?, form: InstitutionFormPage.Form, errors: [FieldError] = []) async throws -> InstitutionFormPage {
        let reference = try await req.fayuan.referenceData(on: req.db)
        let fixed = OrganisationKind(rawValue: form.kind).map { id != nil && DirectoryService.networkKinds.contains($0) } ?? false
        let parents = reference.organisations.filter { $0.key != id && [.bureau, .legalAidCenter, .justiceOffice, .streetWorkstation, .lawFirm, .villageCommittee].contains($0.value.kind) }
            .map(\.value.name).sorted()
        return InstitutionFormPage(id: id, form: form, parents: parents, fixed: fixed, errors: FormErrors(errors))
    }

    func newInstitution(req: Request) async throws -> Response {
        _ = try Self.requireEditor(req)
        return try await institutionPage(req, id: nil, form: .init()).render(req).encodeResponse(for: req)
    }

    func editInstitution(req: Request) async throws -> Response {
        _ = try Self.requireEditor(req)
        let id = try req.parameters.id()
        let reference = try await req.fayuan.referenceData(on: req.db)
        guard let org = reference.organisations[id] else { throw AppError.notFound("机构") }
        let form = InstitutionFormPage.Form(name: org.name, kind: org.kind.rawValue, street: org.street, address: org.address, phone: org.phone,
                                            hours: org.hours.chineseDescription, services: Set(org.services.map(\.rawValue)),
                                            areas: Set(org.areas.map(\.rawValue)), latitude: org.point.map { String($0.latitude) } ?? "",
                                            longitude: org.point.map { String($0.longitude) } ?? "",
                                            parent: org.parentID.map { reference.name($0) } ?? "", description: org.details)
        return try await institutionPage(req, id: id, form: form).render(req).encodeResponse(for: req)
    }

    func createInstitution(req: Request) async throws -> Response { try await submitInstitution(req, id: nil) }

    func saveInstitution(req: Request) async throws -> Response {
        try await submitInstitution(req, id: try req.parameters.id())
    }

    private func submitInstitution(_ req: Request, id: UUID?) async throws -> Response {
        let editor = try Self.requireEditor(req)
        let form = try req.content.decode(InstitutionForm.self)
        let service = DirectoryService(req)
        do {
            let input = try form.input(known: try await service.knownNames()).mapError { AppError.invalid($0.errors) }.get()
            let saved = try await service.saveInstitution(id, input, by: editor)
            req.flash("已保存，公众页面已更新。")
            return req.redirect(to: SiteURL.editDirectoryEntry(.value(saved)).path)
        } catch let error as AppError where error.refusesForm {
            return try await institutionPage(req, id: id, form: form.page, errors: error.formErrors).render(req).response(req, status: error.status)
        }
    }

    // MARK: people

    struct PersonForm: Content {
        var name: String?
        var role: String?
        var organisation: String?
        var serves: String?
        var phone: String?
        var areas: [String]?
        var duties: String?
        var onSiteHours: String?
        var photo: File?
        var removePhoto: String?

        var page: PersonFormPage.Form {
            .init(name: name ?? "", role: role ?? "", organisation: organisation ?? "", serves: serves ?? "", phone: phone ?? "",
                  areas: Set(areas ?? []), duties: duties ?? "", onSiteHours: onSiteHours ?? "")
        }

        func input(known: Set<String>) -> Result<PersonInput, FieldErrors> {
            let t = { (s: String?) in (s ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
            return DirectoryImport.checkPerson(name: t(name), role: t(role), organisation: t(organisation), serves: t(serves), phone: t(phone),
                                               areas: (areas ?? []).joined(separator: ","), duties: t(duties), onSiteHours: t(onSiteHours), known: known)
        }
    }

    private func personPage(_ req: Request, id: UUID?, form: PersonFormPage.Form, errors: [FieldError] = []) async throws -> PersonFormPage {
        let reference = try await req.fayuan.referenceData(on: req.db)
        let names = { (kinds: Set<OrganisationKind>) in reference.organisations.values.filter { kinds.contains($0.kind) }.map(\.name).sorted() }
        return PersonFormPage(id: id, form: form, organisations: names(Set(OrganisationKind.allCases).subtracting([.villageCommittee])) + names([.villageCommittee]),
                              villages: names([.villageCommittee]),
                              photoURL: id.flatMap { reference.people[$0]?.photoURL },
                              errors: FormErrors(errors))
    }

    func newPerson(req: Request) async throws -> Response {
        _ = try Self.requireEditor(req)
        return try await personPage(req, id: nil, form: .init()).render(req).encodeResponse(for: req)
    }

    func editPerson(req: Request) async throws -> Response {
        _ = try Self.requireEditor(req)
        let id = try req.parameters.id()
        let reference = try await req.fayuan.referenceData(on: req.db)
        guard let p = reference.people[id] else { throw AppError.notFound("人员") }
        let form = PersonFormPage.Form(name: p.name, role: p.role.rawValue, organisation: reference.name(p.organisationID),
                                       serves: p.servesID.map { reference.name($0) } ?? "", phone: p.phone, areas: Set(p.areas.map(\.rawValue)),
                                       duties: p.duties, onSiteHours: p.onSiteHours)
        return try await personPage(req, id: id, form: form).render(req).encodeResponse(for: req)
    }

    func createPerson(req: Request) async throws -> Response { try await submitPerson(req, id: nil) }

    func savePerson(req: Request) async throws -> Response {
        try await submitPerson(req, id: try req.parameters.id())
    }

    /// A photo for the notice board: a few megabytes at most.
    static let photoBytes = 5 * 1024 * 1024

    private func submitPerson(_ req: Request, id: UUID?) async throws -> Response {
        let editor = try Self.requireEditor(req)
        let form = try req.content.decode(PersonForm.self)
        let service = DirectoryService(req)
        do {
            let checked = form.input(known: try await service.knownNames())
            let photoProblem = form.photo.flatMap {
                AttachmentStore.check($0, field: "photo", maxBytes: min(Self.photoBytes, req.fayuan.settings.maxUploadBytes), imagesOnly: true)
            }
            var problems = [photoProblem].compactMap { $0 }
            if case .failure(let failure) = checked { problems = failure.errors + problems }
            guard problems.isEmpty, case .success(let input) = checked else { throw AppError.invalid(problems) }
            let staged = try await AttachmentStore.stage(form.photo.map { [$0] } ?? [], request: req)
            let change: DirectoryService.PhotoChange = staged.uploads.first.map { .replace($0.storedName) } ?? (form.removePhoto == "1" ? .remove : .keep)
            let saved = try await staged.atomically { _ in try await service.savePerson(id, input, photo: change, by: editor) }
            req.flash("已保存。")
            return req.redirect(to: SiteURL.editDirectoryPerson(.value(saved)).path)
        } catch let error as AppError where error.refusesForm {
            return try await personPage(req, id: id, form: form.page, errors: error.formErrors).render(req).response(req, status: error.status)
        }
    }

    struct DeleteForm: Content {
        var confirm: String?
    }

    func deletePerson(req: Request) async throws -> Response {
        let editor = try Self.requireEditor(req)
        guard try req.content.decode(DeleteForm.self).confirm == "1" else {
            throw AppError.invalid(field: "confirm", code: "required", "请勾选“确认删除”后再删除")
        }
        try await DirectoryService(req).deletePerson(try req.parameters.id(), by: editor)
        req.flash("已从名录中删除。")
        return req.redirect(to: SiteURL.directoryManage.path)
    }

    // MARK: import

    func importPage(req: Request) async throws -> Response {
        _ = try Self.requireEditor(req)
        return try await DirectoryImportPage().render(req).encodeResponse(for: req)
    }

    struct Upload: Content {
        var file: File?
    }

    func importFile(req: Request) async throws -> Response {
        let editor = try Self.requireEditor(req)
        do {
            let upload = try req.content.decode(Upload.self)
            let (name, text) = try UploadedText.read(upload.file, field: "file", howToSave: UploadedText.spreadsheet)
            let runs = req.application.directoryImports
            let id = try await runs.start(fileName: name, by: editor.id!, at: req.now, on: req.db)
            runs.perform(id, text: text, service: DirectoryService(scope: ServiceScope(db: req.application.db, services: req.fayuan, now: req.now, clientAddress: req.clientAddress)),
                         editor: editor)
            return req.redirect(to: SiteURL.directoryImportRun(.value(id)).path)
        } catch let error as AppError where error.refusesForm {
            return try await DirectoryImportPage(errors: FormErrors(error.formErrors)).render(req).response(req, status: error.status)
        }
    }

    func importRun(req: Request) async throws -> Response {
        _ = try Self.requireEditor(req)
        guard let run = try await req.application.directoryImports.run(try req.parameters.id(), on: req.db) else {
            throw AppError.notFound("导入记录")
        }
        let page = DirectoryImportRunPage(run: run)
        let response = try await page.render(req).encodeResponse(for: req)
        if page.refreshes { response.headers.replaceOrAdd(name: "Refresh", value: "1") }
        return response
    }
}
