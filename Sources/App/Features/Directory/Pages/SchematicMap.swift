import Foundation
import LegalAidCore
import DirectoryCore

/// A schematic map drawn by the server as SVG (no tile server is reachable): the starting point
/// in the middle, each result a numbered dot where it lies, a scale bar. It helps to see which
/// way to go; the list beside it carries the facts, so the drawing is a figure with a caption.
enum SchematicMap {
    struct Mark {
        var number: Int
        var point: GeoPoint
        var open: Bool
    }

    static func svg(origin: GeoPoint, marks: [Mark], originLabel: String) -> HTML {
        guard !marks.isEmpty else { return .empty }
        let size = 320.0, margin = 28.0
        let metresPerDegreeLat = 110_574.0
        let metresPerDegreeLon = 111_320.0 * cos(origin.latitude * .pi / 180)
        func offset(_ p: GeoPoint) -> (x: Double, y: Double) {
            ((p.longitude - origin.longitude) * metresPerDegreeLon, (p.latitude - origin.latitude) * metresPerDegreeLat)
        }
        let reach = max(200, marks.map { let o = offset($0.point); return max(abs(o.x), abs(o.y)) }.max() ?? 200)
        let scale = (size / 2 - margin) / reach
        func place(_ p: GeoPoint) -> (x: Double, y: Double) {
            let o = offset(p)
            return (size / 2 + o.x * scale, size / 2 - o.y * scale)
        }
        func n(_ v: Double) -> String {  // one decimal, without Foundation's slow formatting
            let tenths = Int((v * 10).rounded())
            return (tenths < 0 ? "-" : "") + "\(abs(tenths) / 10).\(abs(tenths) % 10)"
        }
        var shapes = ""
        for mark in marks.reversed() {
            let (x, y) = place(mark.point)
            shapes += "<line x1=\"\(n(size / 2))\" y1=\"\(n(size / 2))\" x2=\"\(n(x))\" y2=\"\(n(y))\" class=\"map-ray\"/>"
            shapes += "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"11\" class=\"\(mark.open ? "map-open" : "map-closed")\"/>"
            shapes += "<text x=\"\(n(x))\" y=\"\(n(y + 4.5))\" text-anchor=\"middle\" class=\"map-number\">\(mark.number)</text>"
        }
        // A scale bar of a round length near a quarter of the drawing.
        let target = reach / 2
        let bar = [100.0, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000].last { $0 <= target } ?? 100
        let barWidth = bar * scale
        let centre = n(size / 2)
        return HTML(raw: """
        <figure class="schematic-map">
        <svg viewBox="0 0 \(Int(size)) \(Int(size))" role="img" aria-labelledby="map-caption" xmlns="http://www.w3.org/2000/svg">
        <rect width="\(Int(size))" height="\(Int(size))" class="map-ground"/>
        <text x="\(Int(size) - 14)" y="24" text-anchor="middle" class="map-north">北↑</text>
        \(shapes)
        <circle cx="\(centre)" cy="\(centre)" r="7" class="map-origin"/>
        <text x="\(centre)" y="\(n(size / 2 + 22))" text-anchor="middle" class="map-label">\(HTML.escape(originLabel))</text>
        <line x1="12" y1="\(Int(size) - 14)" x2="\(n(12 + barWidth))" y2="\(Int(size) - 14)" class="map-scale"/>
        <text x="12" y="\(Int(size) - 20)" class="map-label">\(DistanceText.chinese(metres: bar))</text>
        </svg>
        <figcaption id="map-caption">示意图（非实际地图）：中心为\(HTML.escape(originLabel))，数字对应下方列表，绿色为正在开放，灰色为暂未开放，线段为直线方向。</figcaption>
        </figure>
        """)
    }
}
