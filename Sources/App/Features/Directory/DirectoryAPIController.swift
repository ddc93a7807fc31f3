import Fluent
import LegalAidCore
import Vapor

/// `/api/v1/directory…`: the public directory as JSON (anyone may read it; paged lists).
struct DirectoryAPIController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.api(.directory), use: list)
        routes.get(.api(.directoryNearest), use: nearest)
        routes.get(.api(.directoryPeople), use: people)
        routes.get(.api(.directoryEntry(.key)), use: show)
    }

    func list(req: Request) async throws -> PagedJSON<API.DirectoryInstitution> {
        let catalogue = try await DirectoryController.catalogue(req)
        let ids = catalogue.institutions(try DirectoryController.filter(req, strict: true))
        return PagedJSON(DirectoryController.page(ids, try ListPage.from(req)).map { catalogue.body($0)! })
    }

    struct Entry: Content {
        var institution: API.DirectoryInstitution
        var people: [API.DirectoryPerson]
    }

    func show(req: Request) async throws -> Entry {
        let catalogue = try await DirectoryController.catalogue(req)
        guard let id = UUID(uuidString: req.parameters.get("id") ?? "") else {
            throw AppError.invalid(field: "id", code: "invalidFormat", "机构编号格式不正确")
        }
        guard let body = catalogue.body(id) else { throw AppError.notFound("机构") }
        return Entry(institution: body, people: catalogue.people(of: id).map(catalogue.body))
    }

    func nearest(req: Request) async throws -> [API.NearbyInstitution] {
        let catalogue = try await DirectoryController.catalogue(req)
        guard let origin = try DirectoryController.origin(req, catalogue) else {
            throw AppError.invalid(field: "lat", code: "required", "请提供位置（lat 和 lon）或出发地点（from）")
        }
        return try DirectoryController.nearestResults(req, catalogue, origin: origin.point)
    }

    func people(req: Request) async throws -> PagedJSON<API.DirectoryPerson> {
        let catalogue = try await DirectoryController.catalogue(req)
        let query = try req.queryText("q", label: "搜索内容", max: 100)
        let all = catalogue.people(role: try DirectoryController.choice(req, "role", "身份"), area: try DirectoryController.choice(req, "area", "业务领域"), query: query)
        return PagedJSON(DirectoryController.page(all, try ListPage.from(req)).map(catalogue.body))
    }
}
