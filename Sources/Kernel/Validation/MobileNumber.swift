import Foundation

/// A mainland China mobile number: 11 digits starting 13–19.
public struct MobileNumber: Hashable, Sendable {
    public let value: String

    public static func parse(_ raw: String) -> MobileNumber? {
        let text = raw.filter { !$0.isWhitespace && $0 != "-" }
        let chars = Array(text)
        guard chars.count == 11, chars.allSatisfy(\.isASCIIDigit), chars[0] == "1", ("3"..."9").contains(chars[1]) else {
            return nil
        }
        return MobileNumber(value: text)
    }

    public static let invalidMessage = "请输入11位手机号码，以1开头"

    public var lastFour: String { String(value.suffix(4)) }
    /// `138****5678`
    public var masked: String { Masking.mask(value, keepFirst: 3, keepLast: 4) }
}

public enum Masking {
    public static func mask(_ text: String, keepFirst: Int, keepLast: Int) -> String {
        let chars = Array(text)
        guard chars.count > keepFirst + keepLast else { return String(repeating: "*", count: chars.count) }
        return String(chars.prefix(keepFirst)) + String(repeating: "*", count: chars.count - keepFirst - keepLast) + String(chars.suffix(keepLast))
    }

    /// `张*` / `欧阳**`: the family name only.
    public static func name(_ name: String) -> String {
        guard let first = name.first else { return "" }
        return String(first) + String(repeating: "*", count: max(1, name.count - 1))
    }
}
