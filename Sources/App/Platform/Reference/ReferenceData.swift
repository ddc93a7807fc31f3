import Fluent
import LegalAidCore
import Vapor
import DirectoryCore

/// The organisation tree and holiday calendar: small, read often, changed a few times a year.
/// Requests read it from `ReferenceCache`; only the cache calls `load`.
struct ReferenceData: Sendable {
    /// What the pages and documents show of one organisation (a value, safe to share).
    struct OrganisationRecord: Sendable, Hashable {
        var name: String
        var kind: OrganisationKind
        var parentID: UUID?
        var code: String
        var regionCode: String
        var address: String
        var phone: String
        var hours: ServiceHours
        // What the public directory shows.
        var street: String = ""
        var point: GeoPoint?
        var services: [LegalServiceKind] = []
        var areas: [ConsultationTopic] = []
        var details: String = ""
    }

    struct PersonRecord: Sendable, Hashable {
        var id: UUID
        var organisationID: UUID
        var servesID: UUID?
        var accountID: UUID?
        var name: String
        var role: DirectoryRole
        var phone: String
        var areas: [ConsultationTopic]
        var duties: String
        var onSiteHours: String
        var photo: String?
    }

    var organisations: [UUID: OrganisationRecord]
    /// The directory's people, by id.
    var people: [UUID: PersonRecord] = [:]
    var tree: OrganisationTree
    var calendar: HolidayCalendar
    /// The directory's institutions and people by index term (built once per load).
    var directoryIndex = TermIndex<UUID>()
    /// Each institution's people: those working there and (a village) those serving it, advisers
    /// first, then by name (built once per load).
    var peopleByOrganisation: [UUID: [PersonRecord]] = [:]
    /// Every institution's and person's place in name order (ties by id), so a list sorts by a
    /// number instead of comparing names and printing ids (built once per load).
    var nameOrder: [UUID: Int] = [:]
    /// The public's service hours as pages show them: the legal aid centre's, where the online
    /// desk and the window follow them (one source for the home page, the footer and
    /// `/consult`; worked out once per load, not on every page).
    var publicServiceHours: ServiceHours?

    static func load(on db: Database) async throws -> ReferenceData {
        let orgs = try await OrganisationModel.query(on: db).all()
        let holidays = try await HolidayModel.query(on: db).all()
        let people = try await DirectoryPersonModel.query(on: db).all()
        return ReferenceData(
            organisations: Dictionary(orgs.compactMap { org in org.id.map { ($0, org.record) } }, uniquingKeysWith: { a, _ in a }),
            people: Dictionary(people.map { ($0.id!, $0.record) }, uniquingKeysWith: { a, _ in a }),
            tree: OrganisationTree(orgs.map(\.domain)),
            calendar: HolidayCalendar(entries: holidays.compactMap(\.entry))).indexed()
    }

    /// The same data with the directory's search index built.
    func indexed() -> ReferenceData {
        var copy = self
        var index = TermIndex<UUID>()
        for (id, org) in organisations {
            index.add(id, title: org.name, text: [org.kind.chinese, org.street, org.address, org.details,
                                                  org.services.map(\.chinese).joined(separator: " "),
                                                  org.areas.map(\.chinese).joined(separator: " ")].joined(separator: " "))
        }
        for (id, person) in people {
            index.add(id, title: person.name, text: [person.role.chinese, name(person.organisationID), name(person.servesID), person.duties,
                                                     person.areas.map(\.chinese).joined(separator: " ")].joined(separator: " "))
        }
        copy.directoryIndex = index
        copy.publicServiceHours = tree.all(.legalAidCenter).first?.hours
        var byOrganisation: [UUID: [PersonRecord]] = [:]
        for person in people.values {
            byOrganisation[person.organisationID, default: []].append(person)
            if let serves = person.servesID, serves != person.organisationID { byOrganisation[serves, default: []].append(person) }
        }
        copy.peopleByOrganisation = byOrganisation.mapValues { $0.sorted(by: Self.advisersFirst) }
        let named = organisations.map { ($0.key, $0.value.name) } + people.map { ($0.key, $0.value.name) }
        let ordered = named.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0.uuidString < $1.0.uuidString }
        copy.nameOrder = Dictionary(ordered.enumerated().map { ($0.element.0, $0.offset) }, uniquingKeysWith: { a, _ in a })
        return copy
    }

    private static func advisersFirst(_ a: PersonRecord, _ b: PersonRecord) -> Bool {
        (a.role == .villageAdviser ? 0 : 1, a.name, a.id.uuidString) < (b.role == .villageAdviser ? 0 : 1, b.name, b.id.uuidString)
    }

    func name(_ id: UUID?) -> String { id.flatMap { organisations[$0]?.name } ?? "—" }
}

enum IncomeThresholdFile {
    struct Contents: Decodable {
        var thresholds: [IncomeThreshold]
    }

    static func load(path: String?) throws -> IncomeThresholdTable {
        let url = path.map { URL(fileURLWithPath: $0) } ?? BundledResource.url("config/income-thresholds.json")
        let data = try Data(contentsOf: url)
        return IncomeThresholdTable(try JSONDecoder().decode(Contents.self, from: data).thresholds)
    }
}

enum BundledResource {
    /// The copied `Resources` folder. Foundation on Linux and on macOS disagree on whether
    /// `resourceURL` already ends in `Resources`, so look for the folder that holds `config`.
    static let root: URL = {
        let candidates = [Bundle.module.bundleURL.appendingPathComponent("Resources"),
                          Bundle.module.resourceURL?.appendingPathComponent("Resources"),
                          Bundle.module.resourceURL].compactMap { $0 }
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("config").path) } ?? candidates[0]
    }()

    static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }
}
