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
        try await writeInstitution(req, id: try req.parameters.require("id", as: UUID.self))
    }

    private func writeInstitution(_ req: Request, id: UUID?) async throws -> API.DirectoryInstitution {
        let editor = try DirectoryManageController.requireEditor(req)
        let body = try req.content.decode(API.DirectoryInstitutionWrite.self)
        let service = DirectoryService(req)
        let input = try DirectoryImport.checkInstitution(
            name: Self.trimmed(body.name), kind: Self.trimmed(body.kind), street: Self.trimmed(body.street), address: Self.trimmed(body.address),
            phone: Self.trimmed(body.phone), hours: Self.trimmed(body.hours), services: (body.services ?? []).joined(separator: ","),
            areas: (body.practiceAreas ?? []).joined(separator: ","), latitude: body.latitude.map { String($0) } ?? "",
            longitude: body.longitude.map { String($0) } ?? "", parent: Self.trimmed(body.parent), description: Self.trimmed(body.description),
            known: try await service.knownNames()).mapError { AppError.invalid(Self.apiFields($0.errors)) }.get()
        let saved = try await service.saveInstitution(id, input, by: editor)
        guard let shown = try await DirectoryController.catalogue(req).body(saved) else { throw AppError.notFound("机构") }
        return shown
    }

    func createPerson(req: Request) async throws -> Response {
        try await writePerson(req, id: nil).encodeResponse(status: .created, for: req)
    }

    func savePerson(req: Request) async throws -> API.DirectoryPerson {
        try await writePerson(req, id: try req.parameters.require("id", as: UUID.self))
    }

    private func writePerson(_ req: Request, id: UUID?) async throws -> API.DirectoryPerson {
        let editor = try DirectoryManageController.requireEditor(req)
        let body = try req.content.decode(API.DirectoryPersonWrite.self)
        let service = DirectoryService(req)
        let input = try DirectoryImport.checkPerson(
            name: Self.trimmed(body.name), role: Self.trimmed(body.role), organisation: Self.trimmed(body.organisation),
            serves: Self.trimmed(body.serves), phone: Self.trimmed(body.phone), areas: (body.practiceAreas ?? []).joined(separator: ","),
            duties: Self.trimmed(body.duties), onSiteHours: Self.trimmed(body.onSiteHours),
            known: try await service.knownNames()).mapError { AppError.invalid(Self.apiFields($0.errors)) }.get()
        let saved = try await service.savePerson(id, input, by: editor)
        let catalogue = try await DirectoryController.catalogue(req)
        guard let person = catalogue.reference.people[saved] else { throw AppError.notFound("人员") }
        return catalogue.body(person)
    }

    func deletePerson(req: Request) async throws -> HTTPStatus {
        let editor = try DirectoryManageController.requireEditor(req)
        try await DirectoryService(req).deletePerson(try req.parameters.require("id", as: UUID.self), by: editor)
        return .noContent
    }

    private static func trimmed(_ text: String?) -> String { (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }

    /// The checks name the page's fields; the API's JSON calls two of them differently.
    private static func apiFields(_ errors: [FieldError]) -> [FieldError] {
        errors.map { error in
            var renamed = error
            if error.field == "areas" { renamed.field = "practiceAreas" }
            return renamed
        }
    }
}
