import Fluent
import LegalAidCore
import Vapor

extension HolidaysPage {
    /// The year asked for (`?year=`, this year by default) with its days, in date order.
    static func query(_ req: Request) async throws -> HolidaysPage {
        let year = req.query[Int.self, at: "year"] ?? LocalDate(req.now).year
        let rows = try await HolidayModel.query(on: req.db).filter(\.$date >= "\(year)-01-01").filter(\.$date <= "\(year)-12-31").sort(\.$date).all()
        return HolidaysPage(year: year, days: rows.map { Day(id: $0.id!, date: $0.date, name: $0.name, isRest: $0.kind == "rest") })
    }
}
