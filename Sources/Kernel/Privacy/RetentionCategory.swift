import Foundation

/// One kind of personal data and how long it is kept (PIPL: no longer than the purpose needs).
/// Each feature declares its own as static members beside its rules; `purge-expired` deletes
/// what has passed its period and audits the counts under `label`.
public struct RetentionCategory: Hashable, Sendable {
    /// Stable and unique across features.
    public let key: String
    /// Days after the reference moment; nil when nothing is deleted automatically.
    public let days: Int?
    /// A short name, for the audit trail.
    public let label: String
    /// The rule in a sentence, for the privacy notice.
    public let chinese: String

    public init(key: String, days: Int?, label: String, chinese: String) {
        self.key = key
        self.days = days
        self.label = label
        self.chinese = chinese
    }

    public static func == (a: Self, b: Self) -> Bool { a.key == b.key }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }
}
