import Crypto
import Foundation

/// Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP, HMAC-SHA1, 6 digits, 30 s),
/// as any authenticator app produces them.
enum TOTP {
    static let step: TimeInterval = 30
    static let digits = 6

    static func counter(at date: Date) -> Int64 { Int64(floor(date.timeIntervalSince1970 / step)) }

    /// The HOTP value for a counter, `digits` long.
    static func code(secret: Data, counter: Int64, digits: Int = digits) -> String {
        var big = counter.bigEndian
        let message = withUnsafeBytes(of: &big) { Data($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: secret)))
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let binary = (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        return String(format: "%0\(digits)d", binary % modulus)
    }

    /// The counter the code belongs to, if it is valid now, one step before or one after
    /// (clock drift), and later than the last one used (no replay).
    static func verify(_ code: String, secret: Data, at date: Date, lastUsedCounter: Int64?) -> Int64? {
        let typed = code.filter(\.isNumber)
        guard typed.count == digits else { return nil }
        let now = counter(at: date)
        for candidate in [now - 1, now, now + 1] where candidate > (lastUsedCounter ?? Int64.min) {
            if ConstantTime.equal(self.code(secret: secret, counter: candidate), typed) { return candidate }
        }
        return nil
    }

    static func newSecret() -> Data { Data((0..<20).map { _ in UInt8.random(in: 0...255) }) }

    /// `otpauth://totp/法援在线:shencha?secret=…&issuer=法援在线` for authenticator apps.
    static func provisioningURI(secret: Data, account: String) -> String {
        let issuer = "法援在线"
        let label = "\(issuer):\(account)".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? account
        return "otpauth://totp/\(label)?secret=\(Base32.encode(secret))&issuer=\(issuer.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&digits=\(digits)&period=\(Int(step))"
    }

}

/// RFC 4648 base32, the form authenticator apps take keys in.
enum Base32 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")

    static func encode(_ data: Data) -> String {
        var output = ""
        var buffer: UInt32 = 0
        var bits = 0
        for byte in data {
            buffer = (buffer << 8) | UInt32(byte)
            bits += 8
            while bits >= 5 {
                output.append(alphabet[Int((buffer >> UInt32(bits - 5)) & 31)])
                bits -= 5
            }
        }
        if bits > 0 { output.append(alphabet[Int((buffer << UInt32(5 - bits)) & 31)]) }
        return output
    }

    static func decode(_ text: String) -> Data? {
        var buffer: UInt32 = 0
        var bits = 0
        var output = Data()
        for char in text.uppercased() where char != "=" && char != " " && char != "-" {
            guard let value = alphabet.firstIndex(of: char) else { return nil }
            buffer = (buffer << 5) | UInt32(value)
            bits += 5
            if bits >= 8 {
                output.append(UInt8((buffer >> UInt32(bits - 8)) & 0xFF))
                bits -= 8
            }
        }
        return output
    }
}
