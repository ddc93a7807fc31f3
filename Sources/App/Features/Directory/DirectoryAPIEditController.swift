import Fluent
import LegalAidCore
import Vapor

/// `/api/v1/directory…` for the directory's editors (centre reviewer, director, system
/// administrator, with a bearer token): institutions created and changed, people created,
/// changed and removed, through the same checks and the same service as the pages.
struct DirectoryAPIEditController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        let api = routes.grouped(BearerAccountAuthenticator(), IdempotencyKeys())
        api.post(.api(.directory), use: createInstitution)
        api.put(.api(.directoryEntry(.key)), use: saveInstitution)
        api.post(.api(.directoryPeople), use: createPerson)
        api.put(.api(.directoryPerson(.key)), use: savePerson)
        api.delete(.api(.directoryPerson(.key)), use: deletePerson)
    }

    func createInstitution(req: Request) async throws -> Response {
        try await writeInstitution(req, id: nil).encodeResponse(status: .created, for: req)
    }

    func saveInstitution(req: Request) async throws -> API.DirectoryInstitution {
        try await writeInstitution(req, id: try req.parameters.id())
    }

    private func writeInstitution(_ req: Request, id: UUID?) async throws -> API.DirectoryInstitution {
        let editor = try DirectoryManageController.requireEditor(req)
        let body = try req.content.decode(API.DirectoryInstitutionWrite.self)
        let service = DirectoryService(req)
        // The page's form, filled from the JSON: one set of checks for both.
        let form = DirectoryManageController.InstitutionForm(
            name: body.name, kind: body.kind, street: body.street, address: body.address, phone: body.phone, hours: body.hours,
            services: body.services, areas: body.practiceAreas, latitude: body.latitude.map { String($0) }, longitude: body.longitude.map { String($0) },
            parent: body.parent, description: body.description)
        let input = try form.input(known: try await service.knownNames()).mapError { AppError.invalid(Self.apiFields($0.errors)) }.get()
        let saved = try await service.saveInstitution(id, input, by: editor)
        guard let shown = try await DirectoryController.catalogue(req).body(saved) else { throw AppError.notFound("机构") }
        return shown
    }

    func createPerson(req: Request) async throws -> Response {
        try await writePerson(req, id: nil).encodeResponse(status: .created, for: req)
    }

    func savePerson(req: Request) async throws -> API.DirectoryPerson {
        try await writePerson(req, id: try req.parameters.id())
    }

    private func writePerson(_ req: Request, id: UUID?) async throws -> API.DirectoryPerson {
        let editor = try DirectoryManageController.requireEditor(req)
        let body = try req.content.decode(API.DirectoryPersonWrite.self)
        let service = DirectoryService(req)
        let form = DirectoryManageController.PersonForm(
            name: body.name, role: body.role, organisation: body.organisation, serves: body.serves, phone: body.phone,
            areas: body.practiceAreas, duties: body.duties, onSiteHours: body.onSiteHours)
        let input = try form.input(known: try await service.knownNames()).mapError { AppError.invalid(Self.apiFields($0.errors)) }.get()
        let saved = try await service.savePerson(id, input, by: editor)
        let catalogue = try await DirectoryController.catalogue(req)
        guard let person = catalogue.reference.people[saved] else { throw AppError.notFound("人员") }
        return catalogue.body(person)
    }

    func deletePerson(req: Request) async throws -> HTTPStatus {
        let editor = try DirectoryManageController.requireEditor(req)
        try await DirectoryService(req).deletePerson(try req.parameters.id(), by: editor)
        return .noContent
    }

    /// The checks name the page's fields; the API's JSON calls two of them differently.
    private static func apiFields(_ errors: [FieldError]) -> [FieldError] {
        errors.map { error in
            var renamed = error
            if error.field == "areas" { renamed.field = "practiceAreas" }
            return renamed
        }
    }
}
