import LegalAidCore
import DeskCore

/// What a person submits to start a consultation, checked field by field.
struct ConsultationRequestInput: Sendable {
    var channel: ConsultationChannel
    var topic: ConsultationTopic
    var question: String
    var name: String
    var phone: MobileNumber?

    /// `phoneRequired`: anonymous askers must leave a number (the call back and the SMS need it).
    static func parse(channel: String?, topic: String?, question: String?, name: String?, phone: String?,
                      phoneRequired: Bool) -> Result<ConsultationRequestInput, FieldErrors> {
        var errors: [FieldError] = []
        let channel = ConsultationChannel(rawValue: channel ?? "live")
        if channel == nil || channel == .hotline || channel == .window {
            errors.append(FieldError(field: "channel", code: "invalidChoice", message: "请选择在线咨询或留言咨询"))
        }
        let topic = ConsultationTopic(rawValue: topic ?? "")
        if topic == nil { errors.append(FieldError(field: "topic", code: "required", message: "请选择咨询类别")) }
        let question = (question ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if question.count < 5 {
            errors.append(FieldError(field: "question", code: "tooShort", message: "请用至少5个字说明您想咨询的问题"))
        } else if question.count > 2000 {
            errors.append(FieldError(field: "question", code: "tooLong", message: "问题不能超过2000字，详细情况可在咨询中补充"))
        }
        let name = (name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty {
            errors.append(FieldError(field: "name", code: "required", message: "请填写称呼，如“王女士”"))
        } else if name.count > 30 {
            errors.append(FieldError(field: "name", code: "tooLong", message: "称呼不能超过30个字"))
        }
        let rawPhone = (phone ?? "").trimmingCharacters(in: .whitespaces)
        let mobile = MobileNumber.parse(rawPhone)
        if rawPhone.isEmpty {
            if phoneRequired { errors.append(FieldError(field: "phone", code: "required", message: "请填写手机号，无人接入时12348热线将回电")) }
        } else if mobile == nil {
            errors.append(FieldError(field: "phone", code: "invalidPhone", message: "手机号应为11位数字，以1开头"))
        }
        guard errors.isEmpty, let channel, let topic else { return .failure(FieldErrors(errors)) }
        return .success(ConsultationRequestInput(channel: channel, topic: topic, question: question, name: name, phone: mobile))
    }
}
