import Fluent
import LegalAidCore
import Vapor
import DirectoryCore

/// The directory's public pages: the list with filters, one institution, the nearest open, the
/// people, a village's adviser notice. All read the reference data in memory and write nothing.
struct DirectoryController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.directory, use: list)
        routes.get(.directoryNearest, use: nearest)
        routes.get(.directoryPeople, use: people)
        routes.get(.directoryEntry(.key), use: show)
        routes.get(.directoryNotice(.key), use: notice)
        routes.get(.directoryPersonPhoto(.key), use: photo)
    }

    /// A person's photo (public, as on the notice board), typed by what its content was found
    /// to be when it was uploaded. Pages link it with `?v=` naming the stored file, so a new
    /// photo is a new address and the old one may be kept by browsers for a day.
    func photo(req: Request) async throws -> Response {
        let reference = try await req.fayuan.referenceData(on: req.db)
        guard let name = reference.people[try req.parameters.id()]?.photo,
              let type = AttachmentStore.contentType(ofStoredName: name), type.type == "image" else { throw AppError.notFound("照片") }
        let response = try await req.fileio.asyncStreamFile(at: req.fayuan.uploadsDirectory + "/" + name)
        response.headers.contentType = type
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=86400")
        return response
    }

    static func catalogue(_ req: Request) async throws -> DirectoryCatalogue {
        DirectoryCatalogue(reference: try await req.fayuan.referenceData(on: req.db), now: req.now)
    }

    static func isEditor(_ req: Request) -> Bool {
        guard let actor = req.auth.get(AccountModel.self)?.actor else { return false }
        return DirectoryRules.mayEdit(actor)
    }

    /// An optional choice from the query string; a value not on the list is refused by name.
    static func choice<T: RawRepresentable<String>>(_ req: Request, _ name: String, _ label: String) throws -> T? {
        guard let raw = try req.queryChoice(name, label: label) else { return nil }
        guard let value = T(rawValue: raw) else {
            throw AppError(status: .unprocessableEntity, code: "invalidChoice", message: "“\(label)”的取值不在可选范围内", field: name)
        }
        return value
    }

    /// The filters of a list. The API holds `q` and `street` to their declared lengths (`strict`);
    /// a page's search box cuts what was typed instead, as every search box here does.
    static func filter(_ req: Request, strict: Bool = false) throws -> DirectoryCatalogue.Filter {
        let street = try req.queryText("street", label: "所在街道", max: 30)
        let query = strict ? try req.queryText("q", label: "搜索内容", max: 100) : req.typedWords()
        return DirectoryCatalogue.Filter(kind: try choice(req, "kind", "机构类型"), service: try choice(req, "service", "服务项目"),
                                         street: street.isEmpty ? nil : street, area: try choice(req, "area", "业务领域"),
                                         query: query)
    }

    static func page<T>(_ all: [T], _ page: ListPage) -> Paged<T> {
        Paged(items: Array(all.dropFirst(min(page.offset, all.count)).prefix(page.size)), page: page, total: all.count)
    }

    /// Where "nearest" starts from: the browser's position (`lat`, `lon`) or a chosen place (`from`).
    static func origin(_ req: Request, _ catalogue: DirectoryCatalogue) throws -> (point: GeoPoint, label: String, place: UUID?)? {
        let lat = req.query[String.self, at: "lat"] ?? "", lon = req.query[String.self, at: "lon"] ?? ""
        let from = req.query[String.self, at: "from"] ?? ""
        // A place that cannot be one is refused even when a position is given as well.
        guard from.isEmpty || UUID(uuidString: from) != nil else {
            throw AppError.invalid(field: "from", code: "invalidChoice", "请从列表中选择出发的街道或村（社区）")
        }
        if !lat.isEmpty || !lon.isEmpty {
            guard let la = Double(lat), let lo = Double(lon), let point = GeoPoint(latitude: la, longitude: lo) else {
                let latitudeOK = Double(lat).map { (-90...90).contains($0) } ?? false
                throw AppError.invalid(field: latitudeOK ? "lon" : "lat", code: "invalidFormat",
                                       "位置须为纬度（-90到90）和经度（-180到180）两个数字")
            }
            return (point, "您的位置", nil)
        }
        guard !from.isEmpty else { return nil }
        guard let id = UUID(uuidString: from), let org = catalogue.organisation(id), let point = org.point else {
            throw AppError.invalid(field: "from", code: "invalidChoice", "请从列表中选择出发的街道或村（社区）")
        }
        return (point, org.kind == .justiceOffice ? org.street : org.name, id)
    }

    /// `open=1` keeps only the places open now; any other value is refused by name.
    static func openOnly(_ req: Request) throws -> Bool {
        switch try req.queryChoice("open", label: "只看现在开放的") {
        case nil: return false
        case "1": return true
        default: throw AppError.invalid(field: "open", code: "invalidChoice", "“只看现在开放的”只能是 1 或不填")
        }
    }

    static func nearestResults(_ req: Request, _ catalogue: DirectoryCatalogue, origin: GeoPoint) throws -> [API.NearbyInstitution] {
        let limit = try ListPage.from(req, defaultSize: 10).size
        return catalogue.nearest(to: origin, kind: try choice(req, "kind", "机构类型"), service: try choice(req, "service", "服务项目"),
                                 openOnly: try openOnly(req), limit: min(limit, 50)).compactMap(catalogue.body)
    }

    func list(req: Request) async throws -> Response {
        let catalogue = try await Self.catalogue(req)
        let filter = try Self.filter(req)
        let paged = Self.page(catalogue.institutions(filter), try ListPage.from(req, defaultSize: 20)).map { catalogue.body($0)! }
        return try await DirectoryListPage(filter: filter, streets: catalogue.streets, items: paged.items, pager: Pager.render(paged, req, unit: "家"),
                                           total: paged.total)
            .render(req).encodeResponse(for: req)
    }

    func show(req: Request) async throws -> Response {
        let catalogue = try await Self.catalogue(req)
        let id = try req.parameters.id()
        guard let item = catalogue.body(id) else { throw AppError.notFound("机构") }
        let children = catalogue.reference.tree.children(of: id).prefix(200).compactMap { catalogue.body($0.id) }
        return try await DirectoryEntryPage(item: item, people: catalogue.people(of: id).map(catalogue.body), children: Array(children),
                                            editor: Self.isEditor(req))
            .render(req).encodeResponse(for: req)
    }

    func notice(req: Request) async throws -> Response {
        let catalogue = try await Self.catalogue(req)
        let id = try req.parameters.id()
        guard let item = catalogue.body(id), item.kind == OrganisationKind.villageCommittee.rawValue else { throw AppError.notFound("村（居）委会") }
        return try await AdviserNoticePage(village: item, advisers: catalogue.advisers(of: id).map(catalogue.body),
                                           pageAddress: req.fayuan.settings.publicURL.map { $0 + item.url })
            .render(req).encodeResponse(for: req)
    }

    func nearest(req: Request) async throws -> Response {
        let catalogue = try await Self.catalogue(req)
        let origin = try Self.origin(req, catalogue)
        let results = try origin.map { try Self.nearestResults(req, catalogue, origin: $0.point) } ?? []
        return try await DirectoryNearestPage(kind: try Self.choice(req, "kind", "机构类型"), service: try Self.choice(req, "service", "服务项目"),
                                              openOnly: try Self.openOnly(req), places: catalogue.startingPlaces,
                                              chosenPlace: origin?.place, originLabel: origin?.label, origin: origin?.point, results: results)
            .render(req).encodeResponse(for: req)
    }

    func people(req: Request) async throws -> Response {
        let catalogue = try await Self.catalogue(req)
        let role: DirectoryRole? = try Self.choice(req, "role", "身份")
        let area: ConsultationTopic? = try Self.choice(req, "area", "业务领域")
        let query = req.typedWords()
        let paged = Self.page(catalogue.people(role: role, area: area, query: query), try ListPage.from(req, defaultSize: 50)).map(catalogue.body)
        return try await DirectoryPeoplePage(role: role, area: area, query: query, items: paged.items, pager: Pager.render(paged, req, unit: "人"),
                                             total: paged.total)
            .render(req).encodeResponse(for: req)
    }
}
