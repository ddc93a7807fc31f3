import Foundation

/// "Nearest open to me" (issue #13): the places of a kind closest to a point, each with its
/// distance, whether it is open now and when it next opens by its hours and the holiday calendar.
public enum NearestOpen {
    public struct Place: Sendable, Hashable {
        public var id: UUID
        public var point: GeoPoint
        public var hours: ServiceHours
        public init(id: UUID, point: GeoPoint, hours: ServiceHours) {
            self.id = id
            self.point = point
            self.hours = hours
        }
    }

    public struct Result: Sendable, Hashable {
        public var id: UUID
        public var metres: Double
        public var isOpen: Bool
        /// Now when open; otherwise the next opening (nil when none within the look-ahead).
        public var nextOpening: Date?
    }

    /// The `limit` nearest places, nearest first (ties by id, so the order is stable); with
    /// `openOnly` the places closed now are left out before the limit is applied.
    public static func rank(_ places: [Place], from origin: GeoPoint, at now: Date, calendar: HolidayCalendar,
                            openOnly: Bool = false, limit: Int = 10) -> [Result] {
        var results: [(place: Place, metres: Double, open: Bool)] = []
        results.reserveCapacity(places.count)
        for place in places {
            let open = place.hours.isOpen(at: now, calendar: calendar)
            if openOnly && !open { continue }
            results.append((place, origin.distance(to: place.point), open))
        }
        results.sort { $0.metres != $1.metres ? $0.metres < $1.metres : $0.place.id.uuidString < $1.place.id.uuidString }
        // The next opening (a walk over the days ahead) only for the places shown.
        return results.prefix(max(0, limit)).map { found in
            Result(id: found.place.id, metres: found.metres, isOpen: found.open,
                   nextOpening: found.open ? now : found.place.hours.nextOpening(atOrAfter: now, calendar: calendar))
        }
    }

    /// "今天14:00开放", "明天09:00开放", "12月8日（周一）09:00开放".
    public static func openingText(_ opening: Date?, now: Date) -> String {
        guard let opening else { return "暂无开放时间" }
        if opening <= now { return "正在开放" }
        let today = LocalDate(now)
        let day = LocalDate(opening)
        let minutes = Int(opening.timeIntervalSince(day.startOfDay) / 60)
        let time = ClockText.time(minutes)
        if day == today { return "今天\(time)开放" }
        if day == today.adding(days: 1) { return "明天\(time)开放" }
        let weekdays = ["一", "二", "三", "四", "五", "六", "日"]
        return "\(day.month)月\(day.day)日（周\(weekdays[day.isoWeekday - 1])）\(time)开放"
    }
}
