import Foundation

// What people's mediation tells the parties. An SMS never carries the dispute's facts: it
// points to the platform (MessageTemplate).

/// The other side is asked whether they agree to mediation (人民调解法 第17条), with a link to
/// answer and the last day to answer by.
public struct MediationInvitation: MessageTemplate {
    public static let template = "mediationInvitation"
    public static let sms = "${committee}收到一项与您有关的纠纷调解申请（${number}）。调解免费、自愿。请在${due}前打开链接答复是否同意调解：${link}"
    public var committee: String, number: String, due: String, link: String
    public init(committee: String, number: String, due: String, link: String) { (self.committee, self.number, self.due, self.link) = (committee, number, due, link) }
    public var values: [String: String] { ["committee": committee, "number": number, "due": due, "link": link] }
}

/// The applicant learns the other side's answer, or that none came.
public struct MediationAnswered: MessageTemplate {
    public static let template = "mediationAnswered"
    public static let title: String? = "调解申请有了答复"
    public static let sms = "您的调解申请（${number}）：${outcome}。详情请登录“法援在线”查看，或拨打12348。"
    public var number: String, outcome: String
    public init(number: String, outcome: String) { (self.number, self.outcome) = (number, outcome) }
    public var values: [String: String] { ["number": number, "outcome": outcome] }
}

/// A party's code to sign an agreement on screen: valid five minutes, like any code.
public struct AgreementSigningCode: MessageTemplate {
    public static let template = "mediationSigningCode"
    public static let sms = "您正在签署人民调解协议书（${number}），验证码${code}，5分钟内有效。请勿告诉他人；如非本人操作请拨打12348。"
    public static let sendWithin: TimeInterval = 5 * 60
    public var number: String, code: String
    public init(number: String, code: String) { (self.number, self.code) = (number, code) }
    public var values: [String: String] { ["number": number, "code": code] }
}

/// 人民调解法 第33条: the parties may jointly apply to the court for judicial confirmation
/// within 30 days of the agreement taking effect — reminded on days 20 and 27.
public struct ConfirmationReminder: MessageTemplate {
    public static let template = "mediationConfirmationReminder"
    public static let title: String? = "调解协议司法确认提醒"
    public static let sms = "您的人民调解协议（${number}）可在${due}前由双方共同向人民法院申请司法确认，确认后可申请强制执行。如需帮助请联系${committee}。"
    public var number: String, due: String, committee: String
    public init(number: String, due: String, committee: String) { (self.number, self.due, self.committee) = (number, due, committee) }
    public var values: [String: String] { ["number": number, "due": due, "committee": committee] }
}

/// Every text people's mediation sends.
public enum MediationMessages {
    public static let all: [MessageKind] = [
        MessageKind(MediationInvitation.self), MessageKind(MediationAnswered.self),
        MessageKind(AgreementSigningCode.self), MessageKind(ConfirmationReminder.self),
    ]
}
