import Crypto
import Fluent
import LegalAidCore
import Vapor

/// Citizens' optional second factor: a 6-digit code by SMS (through the SMS outbox), valid for
/// five minutes and five tries, bound to this browser's session.
enum SMSCode {
    static let validFor: TimeInterval = 5 * 60
    static let maxAttempts = 5

    /// Sends a fresh code unless this account had three in the last ten minutes.
    static func send(_ req: Request, to account: AccountModel) async throws -> Bool {
        guard let phone = account.phone else { return false }
        if try await req.fayuan.limiter.hit("sms|\(account.id!)", limit: 3, per: 600, now: req.now, on: req.db) != nil { return false }
        let code = String(format: "%06d", Int.random(in: 0...999_999))
        req.session.data["smsCode"] = digest(code, account: account)
        req.session.data["smsExpires"] = String(req.now.addingTimeInterval(validFor).timeIntervalSince1970)
        req.session.data["smsAttempts"] = "0"
        guard let number = MobileNumber.parse(phone) else { return false }
        try await SMSOutboxModel(Notice(SignInCode(code: code)), to: number, applicationID: nil).create(on: req.db)
        try await req.audit("auth.smsCodeSent", target: "account:\(account.id!)", account: account)
        return true
    }

    static func check(_ req: Request, typed: String, account: AccountModel) -> Bool {
        let attempts = (req.session.data["smsAttempts"].flatMap(Int.init) ?? maxAttempts) + 1
        req.session.data["smsAttempts"] = String(attempts)
        guard attempts <= maxAttempts, let expected = req.session.data["smsCode"],
              let expires = req.session.data["smsExpires"].flatMap(Double.init), req.now.timeIntervalSince1970 <= expires
        else { return false }
        let matches = ConstantTime.equal(digest(typed.filter(\.isNumber), account: account), expected)
        if matches { for key in ["smsCode", "smsExpires", "smsAttempts"] { req.session.data[key] = nil } }
        return matches
    }

    private static func digest(_ code: String, account: AccountModel) -> String {
        SHA256.hash(data: Data("\(account.id!):\(code)".utf8)).hexEncoded
    }
}
