import Foundation

/// A province's economic-hardship standard (法律援助法 第34条): per-capita monthly household
/// income at or below which an applicant counts as in hardship. Dated and per region, kept
/// in a configuration file, never in code.
public struct IncomeThreshold: Hashable, Codable, Sendable {
    /// Administrative division code, or `"*"` for the fallback used where no region matches.
    public var region: String
    public var effectiveFrom: LocalDate
    public var monthlyPerCapitaYuan: Int
    /// Where the figure comes from (the provincial notice).
    public var source: String

    public init(region: String, effectiveFrom: LocalDate, monthlyPerCapitaYuan: Int, source: String) {
        self.region = region
        self.effectiveFrom = effectiveFrom
        self.monthlyPerCapitaYuan = monthlyPerCapitaYuan
        self.source = source
    }
}

public struct IncomeThresholdTable: Sendable {
    public let entries: [IncomeThreshold]

    public init(_ entries: [IncomeThreshold]) { self.entries = entries }

    /// The standard in force in `region` on `day`: the latest one already effective, the
    /// region's own before the fallback.
    public func threshold(region: String, on day: LocalDate) -> IncomeThreshold? {
        func latest(_ code: String) -> IncomeThreshold? {
            entries.filter { $0.region == code && $0.effectiveFrom <= day }.max { $0.effectiveFrom < $1.effectiveFrom }
        }
        return latest(region) ?? latest("*")
    }
}
