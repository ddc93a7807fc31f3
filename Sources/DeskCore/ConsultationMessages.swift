import Foundation

// What the consultation desk and the 12348 hotline tell the person who asked.

/// Nobody took the conversation in time: the hotline will call back.
public struct ConsultationCallback: MessageTemplate {
    public static let template = "consultationCallback"
    public static let title: String? = "12348热线将为您回电"
    public static let sms = "您的在线咨询（${topic}）暂时无人接入，12348公共法律服务热线将尽快拨打您留下的手机号回电，请留意接听。"
    /// What the conversation itself shows when the three minutes run out.
    public static let inConversation = "暂时没有值班人员接入您的咨询。12348公共法律服务热线将尽快拨打您留下的手机号回电，请留意接听；您也可以继续在此留言。"
    public var topic: String
    public init(topic: String) { self.topic = topic }
    public var values: [String: String] { ["topic": topic] }
}

public struct ConsultationReplied: MessageTemplate {
    public static let template = "consultationReplied"
    public static let title: String? = "您的留言咨询已回复"
    public static let sms = "您的留言咨询（${topic}）已有回复，请登录“法援在线”或打开咨询链接查看。"
    public var topic: String
    public init(topic: String) { self.topic = topic }
    public var values: [String: String] { ["topic": topic] }
}

/// After a 12348 call: a link to rate it.
public struct RatingRequest: MessageTemplate {
    public static let template = "consultationRating"
    public static let title: String? = "请对本次咨询服务作出评价"
    public static let sms = "感谢您使用12348公共法律服务。请对本次咨询服务评价：${link}"
    public var link: String
    public init(link: String) { self.link = link }
    public var values: [String: String] { ["link": link] }
}

/// The consultation became a legal aid application.
public struct ConsultationToApplication: MessageTemplate {
    public static let template = "consultationToApplication"
    public static let title: String? = "咨询已转为法律援助申请"
    public static let sms = "您咨询的事项已转为法律援助申请（${number}）。请携带身份证件到${place}完成申请，或登录“法援在线”继续填写。"
    /// What the conversation itself shows: how to finish depends on whether the asker has an account.
    public static func inConversation(number: String, place: String, hasAccount: Bool) -> String {
        let finish = hasAccount
            ? "请登录后在“我的申请”中补充身份证号码、住址等信息并提交，也可以到\(place)请工作人员协助。"
            : "请携带身份证件和相关材料到\(place)，工作人员将协助您核对并提交申请。"
        return "本次咨询已转为法律援助申请（申请编号\(number)）。\(finish)"
    }
    public var number: String, place: String
    public init(number: String, place: String) { (self.number, self.place) = (number, place) }
    public var values: [String: String] { ["number": number, "place": place] }
}

/// Every text the consultation desk sends.
public enum ConsultationMessages {
    public static let all: [MessageKind] = [
        MessageKind(ConsultationCallback.self), MessageKind(ConsultationReplied.self),
        MessageKind(RatingRequest.self), MessageKind(ConsultationToApplication.self),
    ]
}
