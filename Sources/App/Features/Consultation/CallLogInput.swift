import Foundation
import LegalAidCore
import DeskCore

/// A call or a visit the duty staff record by hand (issue #12 item 5): who called (the number
/// may be withheld), about what, what they were told, how long it took and how it ended.
struct CallLogInput: Sendable {
    var channel: ConsultationChannel
    var phone: MobileNumber?
    var name: String
    var topic: ConsultationTopic
    var summary: String
    var answer: String
    var minutes: Int
    var outcome: ConsultationOutcome
    var note: String
    /// Where the application is filed, when the call ends as one.
    var communityPoint: UUID?

    static func parse(channel: String?, phone: String?, name: String?, topic: String?, summary: String?, answer: String?,
                      minutes: String?, outcome: String?, note: String?, consent: Bool, communityPoint: String? = nil) -> Result<CallLogInput, FieldErrors> {
        var errors: [FieldError] = []
        let channel = ConsultationChannel(rawValue: channel ?? "hotline")
        if channel != .hotline && channel != .window {
            errors.append(FieldError(field: "channel", code: "invalidChoice", message: "请选择12348来电或窗口来访"))
        }
        let rawPhone = (phone ?? "").trimmingCharacters(in: .whitespaces)
        let mobile = MobileNumber.parse(rawPhone)
        if !rawPhone.isEmpty, mobile == nil {
            errors.append(FieldError(field: "phone", code: "invalidPhone", message: "手机号应为11位数字，以1开头；未显示号码的来电请留空"))
        }
        let name = (name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if name.count > 30 { errors.append(FieldError(field: "name", code: "tooLong", message: "称呼不能超过30个字")) }
        let topic = ConsultationTopic(rawValue: topic ?? "")
        if topic == nil { errors.append(FieldError(field: "topic", code: "required", message: "请选择咨询类别")) }
        let summary = (summary ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if summary.count < 5 {
            errors.append(FieldError(field: "summary", code: "tooShort", message: "请用至少5个字记录咨询的问题"))
        } else if summary.count > 2000 {
            errors.append(FieldError(field: "summary", code: "tooLong", message: "问题摘要不能超过2000字"))
        }
        let answer = (answer ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if answer.count < 2 {
            errors.append(FieldError(field: "answer", code: "required", message: "请记录给出的解答或处理意见"))
        } else if answer.count > 4000 {
            errors.append(FieldError(field: "answer", code: "tooLong", message: "解答不能超过4000字"))
        }
        let minutesText = (minutes ?? "").trimmingCharacters(in: .whitespaces)
        let duration = Int(minutesText)
        if duration == nil || !(1...600).contains(duration!) {
            errors.append(FieldError(field: "minutes", code: "outOfRange", message: "通话或接待时长应为1到600之间的整数（分钟）"))
        }
        let note = (note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var parsedOutcome: ConsultationOutcome?
        switch ConsultationOutcome.parse(code: outcome ?? "", note: note, consent: consent) {
        case .success(let value): parsedOutcome = value
        case .failure(let error): errors.append(error)
        }
        let point = communityPoint.flatMap { UUID(uuidString: $0) }
        if case .application = parsedOutcome, point == nil {
            errors.append(FieldError(field: "communityPointID", code: "required", message: "请选择咨询人所在的社区（村），申请将由该社区所属的工作站初审"))
        }
        guard errors.isEmpty, let channel, let topic, let duration, let parsedOutcome else { return .failure(FieldErrors(errors)) }
        return .success(CallLogInput(channel: channel, phone: mobile, name: name.isEmpty ? (channel == .window ? "来访群众" : "来电群众") : name,
                                     topic: topic, summary: summary, answer: answer, minutes: duration, outcome: parsedOutcome, note: note,
                                     communityPoint: point))
    }
}
