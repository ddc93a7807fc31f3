import Fluent
import LegalAidCore
import Vapor

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
    }

    var organisations: [UUID: OrganisationRecord]
    var tree: OrganisationTree
    var calendar: HolidayCalendar

    static func load(on db: Database) async throws -> ReferenceData {
        let orgs = try await OrganisationModel.query(on: db).all()
        let holidays = try await HolidayModel.query(on: db).all()
        return ReferenceData(
            organisations: Dictionary(orgs.compactMap { org in org.id.map { ($0, org.record) } }, uniquingKeysWith: { a, _ in a }),
            tree: OrganisationTree(orgs.map(\.domain)),
            calendar: HolidayCalendar(entries: holidays.compactMap(\.entry)))
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
