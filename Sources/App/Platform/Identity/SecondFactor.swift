import Crypto
import Fluent
import LegalAidCore
import Vapor

/// The second step of a staff sign-in: an authenticator code, or one of the recovery codes
/// given at enrolment. Codes work once; wrong codes count towards the lockout.
enum SecondFactor {
    enum Outcome {
        case accepted
        case refused(AppError)
    }

    static func check(_ typed: String, for account: AccountModel, services: FayuanServices, on db: Database) async throws -> Outcome {
        let now = services.clock.now()
        if let until = services.lockoutPolicy.lockedUntil(account.lockout, now: now) {
            return .refused(AppError(status: .forbidden, code: "accountLocked",
                                     message: "失败次数过多，账号已暂时锁定，请于\(TimeText.clock(until))后再试。", field: "code"))
        }
        if let secret = account.totpSecret, let counter = TOTP.verify(typed, secret: secret, at: now, lastUsedCounter: account.totpLastCounter) {
            account.totpLastCounter = counter
            account.lockout = services.lockoutPolicy.afterSuccess(account.lockout)
            try await account.save(on: db)
            return .accepted
        }
        if useRecoveryCode(typed, on: account) {
            account.lockout = services.lockoutPolicy.afterSuccess(account.lockout)
            try await account.save(on: db)
            return .accepted
        }
        let (state, lockedNow) = services.lockoutPolicy.afterFailure(account.lockout, now: now)
        account.lockout = state
        try await account.save(on: db)
        return .refused(AppError(status: .unauthorized, code: lockedNow ? "accountLocked" : "badSecondFactor",
                                 message: lockedNow ? "失败次数过多，账号已暂时锁定15分钟。" : "动态验证码不正确或已使用过，请输入验证器上当前显示的6位数字",
                                 field: "code"))
    }

    /// Spends a recovery code if it is one of the unused ones.
    static func useRecoveryCode(_ typed: String, on account: AccountModel) -> Bool {
        let normalised = typed.uppercased().filter { $0.isLetter || $0.isNumber }
        guard normalised.count == 10, var hashes = account.recoveryCodeHashes?.split(separator: ",").map(String.init) else { return false }
        let hash = digest(normalised)
        guard let index = hashes.firstIndex(of: hash) else { return false }
        hashes.remove(at: index)
        account.recoveryCodeHashes = hashes.joined(separator: ",")
        return true
    }

    /// Ten codes of ten characters, shown once; only their hashes are kept.
    static func newRecoveryCodes(for account: AccountModel) -> [String] {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        let codes = (0..<10).map { _ in String((0..<10).map { _ in alphabet.randomElement()! }) }
        account.recoveryCodeHashes = codes.map(digest).joined(separator: ",")
        return codes.map { "\($0.prefix(5))-\($0.suffix(5))" }
    }

    static func digest(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).hexEncoded
    }
}
