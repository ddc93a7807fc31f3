import Crypto
import Fluent
import SQLKit
import LegalAidCore
import Vapor

/// Confirms that a person holds the mobile number they typed (an anonymous asker, whom the desk
/// may call back and text): a 6-digit code by SMS, valid for five minutes and five tries, at most
/// three a number in ten minutes. Stored as keyed digests only, and shared by every instance.
struct PhoneCodes: ScopedService {
    /// What a code confirms; a feature names its own (codes of one purpose never confirm another).
    struct Purpose: RawRepresentable, Sendable {
        var rawValue: String
        init(rawValue: String) { self.rawValue = rawValue }
        static let consultation = Purpose(rawValue: "consultation")
    }

    static let validFor: TimeInterval = 5 * 60
    static let maxAttempts = 5

    let scope: ServiceScope

    /// Sends a fresh code, or says how long to wait.
    func send(to phone: MobileNumber, for purpose: Purpose, clientAddress: String,
              message: @escaping @Sendable (String) -> Notice = { Notice(PhoneCode(code: $0)) }) async throws {
        let limiter = services.limiter
        var wait = try await limiter.hit("phoneCode|\(Self.digest(phone.value))", limit: 3, per: 600, now: now, on: db)
        if wait == nil { wait = try await limiter.hit("phoneCodeFrom|\(clientAddress)", limit: 10, per: 600, now: now, on: db) }
        if let wait {
            var error = AppError(status: .tooManyRequests, code: "tooManyCodes", message: "获取验证码过于频繁，请\(wait)秒后再试", field: "phone")
            error.retryAfter = wait
            throw error
        }
        let code = String(format: "%06d", Int.random(in: 0...999_999))
        let row = PhoneCodeModel()
        row.purpose = purpose.rawValue
        row.phoneDigest = Self.digest(phone.value)
        row.codeDigest = Self.digest("\(phone.value):\(code)")
        row.expiresAt = now.addingTimeInterval(Self.validFor)
        row.attempts = 0
        try await services.transaction(on: db) { tx in
            try await PhoneCodeModel.query(on: tx).filter(\.$phoneDigest == row.phoneDigest).filter(\.$purpose == purpose.rawValue).delete()
            try await row.create(on: tx)
            try await SMSOutboxModel(message(code), to: phone, applicationID: nil).create(on: tx)
        }
    }

    /// Checks a typed code; a right one is used up. The error names the `phoneCode` field.
    /// Each try is claimed in one statement before the code is compared (`attempts < 5` in the
    /// UPDATE itself), so guesses sent in parallel get five tries between them, not five each;
    /// and a right code is used up in one statement too, so it works once.
    func confirm(_ phone: MobileNumber, code typed: String?, for purpose: Purpose) async throws {
        let typed = (typed ?? "").filter(\.isNumber)
        guard typed.count == 6 else {
            throw AppError.invalid(field: "phoneCode", code: "required", "请输入短信收到的6位验证码；没有收到可以重新获取")
        }
        guard let sql = db as? SQLDatabase,
              let row = try await PhoneCodeModel.query(on: db).filter(\.$phoneDigest == Self.digest(phone.value))
                  .filter(\.$purpose == purpose.rawValue).first(), row.expiresAt > now
        else { throw AppError.invalid(field: "phoneCode", code: "expired", "验证码已过期或尚未获取，请重新获取") }
        if row.usedAt != nil {
            throw AppError.invalid(field: "phoneCode", code: "used", "这个验证码已经用过，每个验证码只能用一次，请重新获取")
        }
        let claimed = try await sql.raw("""
            UPDATE phone_codes SET attempts = attempts + 1
            WHERE id = \(bind: row.id!) AND attempts < \(bind: Self.maxAttempts) AND used_at IS NULL RETURNING attempts
            """).first()
        guard claimed != nil else {
            throw AppError.invalid(field: "phoneCode", code: "tooManyAttempts", "验证码输错次数过多，请重新获取")
        }
        guard ConstantTime.equal(row.codeDigest, Self.digest("\(phone.value):\(typed)")) else {
            throw AppError.invalid(field: "phoneCode", code: "wrongCode", "验证码不正确，请核对短信后重新输入")
        }
        let used = try await sql.raw("""
            UPDATE phone_codes SET used_at = \(bind: now) WHERE id = \(bind: row.id!) AND used_at IS NULL RETURNING id
            """).first()
        guard used != nil else {
            throw AppError.invalid(field: "phoneCode", code: "used", "这个验证码已经用过，每个验证码只能用一次，请重新获取")
        }
    }

    /// A keyed hash (HMAC with the key ring's index key): six digits, or an 11-digit number,
    /// cannot be found again from the stored digest by trying them all without the key.
    static func digest(_ text: String) -> String {
        Vault.ring.blindIndex(text, purpose: "fayuan.phoneCode")
    }
}

final class PhoneCodeModel: Model, @unchecked Sendable {
    static let schema = "phone_codes"

    @ID(key: .id) var id: UUID?
    @Field(key: "purpose") var purpose: String
    @Field(key: "phone_digest") var phoneDigest: String
    @Field(key: "code_digest") var codeDigest: String
    @Field(key: "expires_at") var expiresAt: Date
    @Field(key: "attempts") var attempts: Int
    /// Set when the right code was typed: a second use is told so.
    @OptionalField(key: "used_at") var usedAt: Date?

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $purpose, $phoneDigest, $codeDigest, $expiresAt, $attempts, $usedAt] }

    init() {}
}
