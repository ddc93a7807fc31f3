import Fluent
import LegalAidCore
import Vapor

/// Reference data every installation needs: the bundled holiday schedules.
enum ReferenceSeed {
    struct HolidayFile: Decodable {
        var entries: [HolidayEntry]
    }

    static func seedHolidaysIfEmpty(on db: Database) async throws {
        guard try await HolidayModel.query(on: db).count() == 0 else { return }
        let data = try Data(contentsOf: BundledResource.url("config/holidays-2026.json"))
        let file = try JSONDecoder().decode(HolidayFile.self, from: data)
        for entry in file.entries { try await HolidayModel(entry).create(on: db) }
    }
}
