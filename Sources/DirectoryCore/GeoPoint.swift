import Foundation

/// A place on the earth in WGS-84 degrees, as a browser's geolocation reports it.
public struct GeoPoint: Hashable, Codable, Sendable {
    public var latitude: Double
    public var longitude: Double

    public init?(latitude: Double, longitude: Double) {
        guard latitude.isFinite, longitude.isFinite, (-90...90).contains(latitude), (-180...180).contains(longitude) else { return nil }
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Mean earth radius (IUGG), metres.
    static let earthRadius = 6_371_008.8

    /// Great-circle distance in metres (haversine: exact enough at a district's scale and
    /// stable for points a few metres apart).
    public func distance(to other: GeoPoint) -> Double {
        let rad = Double.pi / 180
        let dLat = (other.latitude - latitude) * rad
        let dLon = (other.longitude - longitude) * rad
        let a = sin(dLat / 2) * sin(dLat / 2) + cos(latitude * rad) * cos(other.latitude * rad) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * Self.earthRadius * asin(min(1, a.squareRoot()))
    }
}

/// A distance as a person reads it: metres to the nearest 10 under a kilometre, then
/// kilometres to one decimal.
public enum DistanceText {
    public static func chinese(metres: Double) -> String {
        if metres < 1000 { return "\(max(10, Int((metres / 10).rounded()) * 10))米" }
        let tenths = Int((metres / 100).rounded())
        return tenths >= 1000 ? "\(tenths / 10)公里" : "\(tenths / 10).\(tenths % 10)公里"
    }
}
