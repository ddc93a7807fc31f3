import Foundation

// What legal aid tells an applicant or a recipient, one type per template.

/// The application moved: what happened (SMS too) and what comes next (in-app only).
public struct ApplicationProgress: MessageTemplate {
    public static let template = "applicationProgress"
    public static let title: String? = "${state}"
    public static let inApp: String? = "您的法律援助申请（${number}）${happened}。${next}"
    public static let sms = "您的法律援助申请（${number}）${happened}。可凭申请编号和手机号后四位在“法援在线”查询进度，或拨打12348。"
    public var state: String, number: String, happened: String, next: String
    public init(state: String, number: String, happened: String, next: String) {
        (self.state, self.number, self.happened, self.next) = (state, number, happened, next)
    }
    public var values: [String: String] { ["state": state, "number": number, "happened": happened, "next": next] }
}

public struct LawyerAssigned: MessageTemplate {
    public static let template = "lawyerAssigned"
    public static let title: String? = "已指派承办律师"
    public static let sms = "您的法律援助申请（${number}）已指派${lawyer}律师承办，律师将与您联系。"
    public var number: String, lawyer: String
    public init(number: String, lawyer: String) { (self.number, self.lawyer) = (number, lawyer) }
    public var values: [String: String] { ["number": number, "lawyer": lawyer] }
}

public struct AidTerminated: MessageTemplate {
    public static let template = "aidTerminated"
    public static let title: String? = "已终止法律援助"
    public static let sms = "您的法律援助案件（${number}）已终止法律援助，请查看终止法律援助决定书。如有异议，可以在本平台向司法局提出。"
    public var number: String
    public init(number: String) { self.number = number }
    public var values: [String: String] { ["number": number] }
}

public struct CaseTransferred: MessageTemplate {
    public static let template = "caseTransferred"
    public static let title: String? = "案件已移交异地办理"
    public static let sms = "您的法律援助案件（${number}）已移交${centre}办理，对方将与您联系。"
    public var number: String, centre: String
    public init(number: String, centre: String) { (self.number, self.centre) = (number, centre) }
    public var values: [String: String] { ["number": number, "centre": centre] }
}

public struct CaseClosed: MessageTemplate {
    public static let template = "caseClosed"
    public static let title: String? = "案件已结案"
    public static let sms = "您的法律援助案件（${number}）已结案。中心将进行回访，请对承办律师的服务作出评价。"
    public var number: String
    public init(number: String) { self.number = number }
    public var values: [String: String] { ["number": number] }
}

/// The lawyer recorded progress the recipient should see.
public struct CaseProgress: MessageTemplate {
    public static let template = "caseProgress"
    public static let title: String? = "案件进展：${kind}"
    public static let inApp: String? = "${kind}：${note}"
    public static let sms = "您的法律援助案件（${number}）有新进展：${kind}。详情请登录查看或联系承办律师。"
    public var number: String, kind: String, note: String
    public init(number: String, kind: String, note: String) { (self.number, self.kind, self.note) = (number, kind, note) }
    public var values: [String: String] { ["number": number, "kind": kind, "note": note] }
}

public struct LawyerChangeRefused: MessageTemplate {
    public static let template = "lawyerChangeRefused"
    public static let title: String? = "更换律师申请的处理结果"
    public static let inApp: String? = "您申请更换承办律师（${number}），中心经审查不同意更换。理由：${reason}"
    public static let sms = "您申请更换承办律师（${number}）已有处理结果，请登录查看。"
    public var number: String, reason: String
    public init(number: String, reason: String) { (self.number, self.reason) = (number, reason) }
    public var values: [String: String] { ["number": number, "reason": reason] }
}

public struct ObjectionFiled: MessageTemplate {
    public static let template = "objectionFiled"
    public static let title: String? = "异议已提交"
    public static let sms = "您对${subject}提出的异议（申请编号${number}）已提交司法局，司法局将于${due}前作出决定（法律援助法第49条）。"
    public var number: String, subject: String, due: String
    public init(number: String, subject: String, due: String) { (self.number, self.subject, self.due) = (number, subject, due) }
    public var values: [String: String] { ["number": number, "subject": subject, "due": due] }
}

public struct ObjectionDecided: MessageTemplate {
    public static let template = "objectionDecided"
    public static let title: String? = "异议审查结果"
    public static let sms = "您提出的异议（申请编号${number}）司法局已审查，决定${outcome}。请查看异议审查决定书。"
    public var number: String, outcome: String
    public init(number: String, outcome: String) { (self.number, self.outcome) = (number, outcome) }
    public var values: [String: String] { ["number": number, "outcome": outcome] }
}

public struct UrgentAidGiven: MessageTemplate {
    public static let template = "urgentAidGiven"
    public static let title: String? = "先行提供法律援助"
    public static let sms = "法律援助中心已决定对您的申请（${number}）先行提供法律援助，将立即指派律师。请于${paperworkBy}前补办申请手续、补充材料。"
    public var number: String, paperworkBy: String
    public init(number: String, paperworkBy: String) { (self.number, self.paperworkBy) = (number, paperworkBy) }
    public var values: [String: String] { ["number": number, "paperworkBy": paperworkBy] }
}

public struct PaperworkDue: MessageTemplate {
    public static let template = "paperworkDue"
    public static let title: String? = "请补办法律援助申请手续"
    public static let sms = "您的法律援助申请（${number}）已先行提供法律援助，请于${due}前补办申请手续、补充材料。"
    public var number: String, due: String
    public init(number: String, due: String) { (self.number, self.due) = (number, due) }
    public var values: [String: String] { ["number": number, "due": due] }
}

public struct PaperworkOverdue: MessageTemplate {
    public static let template = "paperworkOverdue"
    public static let title: String? = "请补办法律援助申请手续"
    public static let sms = "您的法律援助申请（${number}）先行提供法律援助后应补办的手续已逾期（${due}），请尽快到法律援助中心或所在社区联系点补办。"
    public var number: String, due: String
    public init(number: String, due: String) { (self.number, self.due) = (number, due) }
    public var values: [String: String] { ["number": number, "due": due] }
}

/// The status lookup was paused for the day after repeated wrong tries.
public struct LookupPaused: MessageTemplate {
    public static let template = "lookupPaused"
    public static let title: String? = "进度查询已暂停"
    public static let inApp: String? =
        "您的法律援助申请（${number}）今日在进度查询中多次输入错误的手机号后四位，为保护您的信息，今日已暂停该编号的查询，明日自动恢复。如不是您本人操作，请留意个人信息安全；如需帮助，请拨打12348。"
    public static let sms = "您的申请（${number}）今日查询进度时多次输入错误，查询已暂停至明日。如非本人操作请留意信息安全，如需帮助请拨打12348。"
    public var number: String
    public init(number: String) { self.number = number }
    public var values: [String: String] { ["number": number] }
}

/// Every text legal aid sends.
public enum LegalAidMessages {
    public static let all: [MessageKind] = [
        MessageKind(ApplicationProgress.self), MessageKind(LawyerAssigned.self), MessageKind(AidTerminated.self),
        MessageKind(CaseTransferred.self), MessageKind(CaseClosed.self), MessageKind(CaseProgress.self),
        MessageKind(LawyerChangeRefused.self), MessageKind(ObjectionFiled.self), MessageKind(ObjectionDecided.self),
        MessageKind(UrgentAidGiven.self), MessageKind(PaperworkDue.self), MessageKind(PaperworkOverdue.self), MessageKind(LookupPaused.self),
    ]
}
