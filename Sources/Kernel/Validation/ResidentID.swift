import Foundation

/// The 18-character Chinese resident identity number (GB 11643-1999).
public struct ResidentID: Hashable, Sendable {
    public let value: String

    public enum Problem: String, Error, Sendable {
        case length, characters, birthDate, checkDigit

        public var chinese: String {
            switch self {
            case .length: "身份证号码应为18位"
            case .characters: "身份证号码前17位应为数字，最后一位为数字或X"
            case .birthDate: "身份证号码中的出生日期不正确"
            case .checkDigit: "身份证号码校验位不正确，请核对"
            }
        }
    }

    private static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let checkCharacters: [Character] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]

    /// Validates length, digits, the embedded birth date and the ISO 7064 MOD 11-2 check digit.
    public static func parse(_ raw: String) -> Result<ResidentID, Problem> {
        let text = raw.trimmingCharacters(in: .whitespaces).uppercased()
        let chars = Array(text)
        guard chars.count == 18 else { return .failure(.length) }
        guard chars.prefix(17).allSatisfy(\.isASCIIDigit), chars[17].isASCIIDigit || chars[17] == "X" else {
            return .failure(.characters)
        }
        let digits = chars.prefix(17).map { Int(String($0))! }
        let birth = String(chars[6..<14])
        guard let year = Int(birth.prefix(4)), let month = Int(birth.dropFirst(4).prefix(2)),
              let day = Int(birth.suffix(2)), year >= 1900,
              LocalDate(year: year, month: month, day: day) != nil
        else { return .failure(.birthDate) }
        guard chars[17] == checkCharacter(for: digits) else { return .failure(.checkDigit) }
        return .success(ResidentID(value: text))
    }

    /// The check character for the first 17 digits.
    public static func checkCharacter(for first17: [Int]) -> Character {
        let sum = zip(first17, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return checkCharacters[sum % 11]
    }

    public var birthDate: LocalDate {
        let chars = Array(value)
        return LocalDate(year: Int(String(chars[6..<10]))!, month: Int(String(chars[10..<12]))!, day: Int(String(chars[12..<14]))!)!
    }

    /// The 17th digit is odd for men and even for women.
    public var isMale: Bool { Int(String(Array(value)[16]))! % 2 == 1 }

    /// `110***********1234`: the first three and last four characters only.
    public var masked: String { Masking.mask(value, keepFirst: 3, keepLast: 4) }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
