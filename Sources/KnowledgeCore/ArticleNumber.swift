import Foundation

/// Which article of a law: 第N条, or 第N条之k — an article inserted after N by an amendment
/// (刑法 第一百三十三条之一, 危险驾驶) is an article of its own, cited and shown on its own.
public struct ArticleNumber: Hashable, Sendable, Comparable, LosslessStringConvertible {
    /// N in 第N条.
    public var number: Int
    /// k in 第N条之k; 0 for a plain article.
    public var sub: Int

    public init(_ number: Int, sub: Int = 0) {
        self.number = number
        self.sub = sub
    }

    /// As an address shows it: `133`, or `133-1` for 第一百三十三条之一.
    public var description: String { sub == 0 ? String(number) : "\(number)-\(sub)" }

    public init?(_ description: String) {
        let parts = description.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
              let number = Int(parts[0]), (1..<Self.subStride).contains(number) else { return nil }
        let sub = parts.count == 2 ? Int(parts[1]) : 0
        guard let sub, (0..<100).contains(sub), parts.count == 1 || sub > 0 else { return nil }
        self.init(number, sub: sub)
    }

    /// One integer per article, for the search index: N for 第N条, N + 10 000·k for 第N条之k (no law
    /// has ten thousand articles; the 民法典 has 1 260).
    public var key: Int { number + sub * Self.subStride }

    public init?(key: Int) {
        guard key > 0 else { return nil }
        self.init(key % Self.subStride, sub: key / Self.subStride)
        guard number > 0 else { return nil }
    }

    static let subStride = 10_000

    public static func < (a: Self, b: Self) -> Bool { (a.number, a.sub) < (b.number, b.sub) }
}
