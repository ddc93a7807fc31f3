import Foundation

/// Every text the platform sends to a person — the in-app message and the SMS — written once,
/// with the placeholders it needs (`${name}`). SMS providers in China send only pre-approved
/// templates: each case here is one template, registered with the provider under the code the
/// configuration maps its `rawValue` to, and the provider adds the signature (`【法援在线】`).
/// An SMS never carries case facts, reasons or ID numbers: it points to the platform instead.
public enum MessageTemplate: String, CaseIterable, Codable, Sendable {
    // Legal aid: the application and its case.
    case applicationProgress
    case lawyerAssigned
    case aidTerminated
    case caseTransferred
    case caseClosed
    case caseProgress
    case lawyerChangeRefused
    case objectionFiled
    case objectionDecided
    case urgentAidGiven
    case paperworkDue
    case paperworkOverdue
    case lookupPaused
    // The consultation desk and the 12348 hotline.
    case consultationCallback
    case consultationReplied
    case consultationRating
    case consultationToApplication
    // Accounts.
    case signInCode
    case phoneCode

    /// The signature every SMS starts with (the provider's 短信签名).
    public static let signature = "【法援在线】"

    /// The in-app message's title, or nil for an SMS-only template.
    public var title: String? {
        switch self {
        case .applicationProgress: "${state}"
        case .lawyerAssigned: "已指派承办律师"
        case .aidTerminated: "已终止法律援助"
        case .caseTransferred: "案件已移交异地办理"
        case .caseClosed: "案件已结案"
        case .caseProgress: "案件进展：${kind}"
        case .lawyerChangeRefused: "更换律师申请的处理结果"
        case .objectionFiled: "异议已提交"
        case .objectionDecided: "异议审查结果"
        case .urgentAidGiven: "先行提供法律援助"
        case .paperworkDue, .paperworkOverdue: "请补办法律援助申请手续"
        case .lookupPaused: "进度查询已暂停"
        case .consultationCallback: "12348热线将为您回电"
        case .consultationReplied: "您的留言咨询已回复"
        case .consultationRating: "请对本次咨询服务作出评价"
        case .consultationToApplication: "咨询已转为法律援助申请"
        case .signInCode, .phoneCode: nil
        }
    }

    /// The in-app message's text (may say more than the SMS: it is read after signing in).
    public var inApp: String? {
        switch self {
        case .applicationProgress: "您的法律援助申请（${number}）${happened}。${next}"
        case .caseProgress: "${kind}：${note}"
        case .lawyerChangeRefused: "您申请更换承办律师（${number}），中心经审查不同意更换。理由：${reason}"
        case .lookupPaused:
            "您的法律援助申请（${number}）今日在进度查询中多次输入错误的手机号后四位，为保护您的信息，今日已暂停该编号的查询，明日自动恢复。如不是您本人操作，请留意个人信息安全；如需帮助，请拨打12348。"
        case .signInCode, .phoneCode: nil
        default: sms
        }
    }

    /// The SMS text, without the signature.
    public var sms: String {
        switch self {
        case .applicationProgress: "您的法律援助申请（${number}）${happened}。可凭申请编号和手机号后四位在“法援在线”查询进度，或拨打12348。"
        case .lawyerAssigned: "您的法律援助申请（${number}）已指派${lawyer}律师承办，律师将与您联系。"
        case .aidTerminated: "您的法律援助案件（${number}）已终止法律援助，请查看终止法律援助决定书。如有异议，可以在本平台向司法局提出。"
        case .caseTransferred: "您的法律援助案件（${number}）已移交${centre}办理，对方将与您联系。"
        case .caseClosed: "您的法律援助案件（${number}）已结案。中心将进行回访，请对承办律师的服务作出评价。"
        case .caseProgress: "您的法律援助案件（${number}）有新进展：${kind}。详情请登录查看或联系承办律师。"
        case .lawyerChangeRefused: "您申请更换承办律师（${number}）已有处理结果，请登录查看。"
        case .objectionFiled: "您对${subject}提出的异议（申请编号${number}）已提交司法局，司法局将于${due}前作出决定（法律援助法第49条）。"
        case .objectionDecided: "您提出的异议（申请编号${number}）司法局已审查，决定${outcome}。请查看异议审查决定书。"
        case .urgentAidGiven: "法律援助中心已决定对您的申请（${number}）先行提供法律援助，将立即指派律师。请于${paperworkBy}前补办申请手续、补充材料。"
        case .paperworkDue: "您的法律援助申请（${number}）已先行提供法律援助，请于${due}前补办申请手续、补充材料。"
        case .paperworkOverdue: "您的法律援助申请（${number}）先行提供法律援助后应补办的手续已逾期（${due}），请尽快到法律援助中心或所在社区联系点补办。"
        case .lookupPaused: "您的申请（${number}）今日查询进度时多次输入错误，查询已暂停至明日。如非本人操作请留意信息安全，如需帮助请拨打12348。"
        case .consultationCallback: "您的在线咨询（${topic}）暂时无人接入，12348公共法律服务热线将尽快拨打您留下的手机号回电，请留意接听。"
        case .consultationReplied: "您的留言咨询（${topic}）已有回复，请登录“法援在线”或打开咨询链接查看。"
        case .consultationRating: "感谢您使用12348公共法律服务。请对本次咨询服务评价：${link}"
        case .consultationToApplication: "您咨询的事项已转为法律援助申请（${number}）。请携带身份证件到${place}完成申请，或登录“法援在线”继续填写。"
        case .signInCode: "您的登录验证码是${code}，5分钟内有效。请勿告诉他人，工作人员不会向您索要验证码。"
        case .phoneCode: "您的验证码是${code}，5分钟内有效，用于确认您在法律咨询中留下的手机号。请勿告诉他人。"
        }
    }

    /// How long after it was written an SMS is still worth sending: a sign-in code lives five
    /// minutes; any other message is stale after a day (the in-app message stays).
    public var sendWithin: TimeInterval {
        self == .signInCode || self == .phoneCode ? 5 * 60 : Self.defaultSendWithin
    }

    public static let defaultSendWithin: TimeInterval = 24 * 3600

    /// The placeholders the SMS needs: the parameters sent to the provider with the template code.
    public var smsPlaceholders: [String] { Self.placeholders(in: sms) }

    /// Every placeholder any of the three texts needs.
    public var placeholders: Set<String> {
        Set([title, inApp, sms].compactMap { $0 }.flatMap(Self.placeholders(in:)))
    }

    static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let start = rest.range(of: "${"), let end = rest[start.upperBound...].firstIndex(of: "}") {
            names.append(String(rest[start.upperBound..<end]))
            rest = rest[rest.index(after: end)...]
        }
        return names
    }
}

/// One message to one person: a template and the values of its placeholders.
public struct Notice: Hashable, Sendable {
    public var template: MessageTemplate
    public var parameters: [String: String]

    /// Every placeholder the template needs must be given.
    public init(_ template: MessageTemplate, _ parameters: [String: String]) {
        precondition(template.placeholders.isSubset(of: parameters.keys), "\(template) needs \(template.placeholders.sorted())")
        self.template = template
        self.parameters = parameters
    }

    public var title: String? { template.title.map(fill) }
    public var body: String? { template.inApp.map(fill) }
    /// The SMS as the phone shows it, signature first.
    public var sms: String { MessageTemplate.signature + fill(template.sms) }
    /// Only the values the SMS template needs, for the provider's template parameters.
    public var smsParameters: [String: String] { parameters.filter { template.smsPlaceholders.contains($0.key) } }

    private func fill(_ text: String) -> String {
        parameters.reduce(text) { $0.replacingOccurrences(of: "${\($1.key)}", with: $1.value) }
    }
}
