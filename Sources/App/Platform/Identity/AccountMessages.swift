import Foundation
import LegalAidCore

/// A code to sign in with (SMS only; lives five minutes).
struct SignInCode: MessageTemplate {
    static let template = "signInCode"
    static let sms = "您的登录验证码是${code}，5分钟内有效。请勿告诉他人，工作人员不会向您索要验证码。"
    static let sendWithin: TimeInterval = 5 * 60
    var code: String
    var values: [String: String] { ["code": code] }
}

/// A code confirming the phone number left in a consultation (SMS only; lives five minutes).
struct PhoneCode: MessageTemplate {
    static let template = "phoneCode"
    static let sms = "您的验证码是${code}，5分钟内有效，用于确认您在法律咨询中留下的手机号。请勿告诉他人。"
    static let sendWithin: TimeInterval = 5 * 60
    var code: String
    var values: [String: String] { ["code": code] }
}

enum AccountMessages {
    static let all = [MessageKind(SignInCode.self), MessageKind(PhoneCode.self)]
}
