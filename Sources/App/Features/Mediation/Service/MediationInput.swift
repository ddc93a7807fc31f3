import Foundation
import MediationCore

/// A new mediation as a page or the API sent it, checked field by field.
struct MediationInput: Sendable, Equatable {
    struct Party: Sendable, Equatable {
        var name: String
        var phone: MobileNumber?
        var organisation: Bool
        var agent: String?
        var address: String?
    }

    var type: DisputeType
    var source: MediationSource
    var sourceRef: UUID?
    var facts: String
    var claims: String
    var applicant: Party
    var respondent: Party
    /// The village or community committee (an organisation) where each side lives.
    var applicantPlace: UUID?
    var respondentPlace: UUID?
    var language: String?
    /// Both sides applied together: nobody needs to be asked.
    var joint: Bool

    /// What the form posts (every field optional: a missing one is named).
    struct Form: Codable, Sendable, Equatable {
        var type: String?
        var source: String?
        var sourceRef: String?
        var facts: String?
        var claims: String?
        var applicantName: String?
        var applicantPhone: String?
        var applicantOrganisation: String?
        var applicantAgent: String?
        var applicantPlace: String?
        var respondentName: String?
        var respondentPhone: String?
        var respondentOrganisation: String?
        var respondentAddress: String?
        var respondentPlace: String?
        var language: String?
        var joint: String?
    }

    static let factsLength = 10...2000
    static let nameLength = 2...50

    static func parse(_ form: Form, defaultSource: MediationSource) -> Result<MediationInput, FieldErrors> {
        var errors: [FieldError] = []
        func text(_ value: String?) -> String { (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        func flag(_ value: String?) -> Bool { ["true", "on", "1", "yes"].contains(text(value)) }
        func place(_ field: String, _ value: String?) -> UUID? {
            let raw = text(value)
            guard !raw.isEmpty else { return nil }
            guard let id = UUID(uuidString: raw) else {
                errors.append(FieldError(field: field, code: "invalidChoice", message: "请从列表中选择所在的村（社区）"))
                return nil
            }
            return id
        }
        let type = DisputeType(rawValue: text(form.type))
        if type == nil { errors.append(FieldError(field: "type", code: "required", message: "请选择纠纷类型")) }
        let sourceText = text(form.source)
        let source = sourceText.isEmpty ? defaultSource : MediationSource(rawValue: sourceText)
        if source == nil { errors.append(FieldError(field: "source", code: "invalidChoice", message: "请选择调解从哪里来")) }
        let facts = text(form.facts)
        if facts.isEmpty {
            errors.append(FieldError(field: "facts", code: "required", message: "请简要写明发生了什么纠纷"))
        } else if !factsLength.contains(facts.count) {
            errors.append(FieldError(field: "facts", code: "outOfRange", message: "纠纷经过请写\(factsLength.lowerBound)到\(factsLength.upperBound)个字"))
        }
        let claims = text(form.claims)
        if claims.isEmpty {
            errors.append(FieldError(field: "claims", code: "required", message: "请写明希望通过调解解决什么，例如“赔偿修理费2000元”"))
        } else if claims.count > 1000 {
            errors.append(FieldError(field: "claims", code: "tooLong", message: "调解请求不能超过1000字"))
        }
        func party(_ prefix: String, _ label: String, name: String?, phone: String?, organisation: String?, agent: String?, address: String?,
                   phoneRequired: Bool) -> Party {
            let name = text(name)
            if name.isEmpty {
                errors.append(FieldError(field: "\(prefix)Name", code: "required", message: "请填写\(label)的姓名或单位名称"))
            } else if !nameLength.contains(name.count) {
                errors.append(FieldError(field: "\(prefix)Name", code: "outOfRange", message: "\(label)的姓名或名称应为\(nameLength.lowerBound)到\(nameLength.upperBound)个字"))
            }
            let phoneText = text(phone)
            let mobile = MobileNumber.parse(phoneText)
            if phoneText.isEmpty {
                if phoneRequired { errors.append(FieldError(field: "\(prefix)Phone", code: "required", message: "请填写\(label)的手机号，用于通知调解进展")) }
            } else if mobile == nil {
                errors.append(FieldError(field: "\(prefix)Phone", code: "invalidPhone", message: "\(label)的手机号应为11位数字，以1开头"))
            }
            let agentText = text(agent), addressText = text(address)
            if agentText.count > 50 { errors.append(FieldError(field: "\(prefix)Agent", code: "tooLong", message: "代理人不能超过50字")) }
            if addressText.count > 200 { errors.append(FieldError(field: "\(prefix)Address", code: "tooLong", message: "地址不能超过200字")) }
            return Party(name: name, phone: mobile, organisation: flag(organisation), agent: agentText.isEmpty ? nil : agentText,
                         address: addressText.isEmpty ? nil : addressText)
        }
        let applicant = party("applicant", "申请人", name: form.applicantName, phone: form.applicantPhone, organisation: form.applicantOrganisation,
                              agent: form.applicantAgent, address: nil, phoneRequired: true)
        let respondent = party("respondent", "对方当事人", name: form.respondentName, phone: form.respondentPhone,
                               organisation: form.respondentOrganisation, agent: nil, address: form.respondentAddress, phoneRequired: false)
        let applicantPlace = place("applicantPlace", form.applicantPlace)
        let respondentPlace = place("respondentPlace", form.respondentPlace)
        if applicantPlace == nil && respondentPlace == nil && !errors.contains(where: { $0.field.hasSuffix("Place") }) {
            errors.append(FieldError(field: "respondentPlace", code: "required", message: "请选择对方（或您自己）所在的村（社区），以便找到受理的调解委员会"))
        }
        let language = text(form.language)
        if language.count > 20 { errors.append(FieldError(field: "language", code: "tooLong", message: "语言或方言不能超过20字")) }
        let sourceRef = text(form.sourceRef)
        if !sourceRef.isEmpty && UUID(uuidString: sourceRef) == nil {
            errors.append(FieldError(field: "sourceRef", code: "invalidChoice", message: "来源记录的编号不正确"))
        }
        for (field, value, label) in [("facts", facts, "纠纷经过"), ("claims", claims, "调解请求"), ("applicantName", applicant.name, "申请人姓名"),
                                      ("respondentName", respondent.name, "对方姓名")]
        where value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\r" && $0 != "\t" }) {
            errors.append(FieldError(field: field, code: "invalidCharacters", message: "\(label)含有无法显示的控制字符，请删去后再提交"))
        }
        guard errors.isEmpty, let type, let source else { return .failure(FieldErrors(errors)) }
        return .success(MediationInput(type: type, source: source, sourceRef: UUID(uuidString: sourceRef), facts: facts, claims: claims,
                                       applicant: applicant, respondent: respondent, applicantPlace: applicantPlace,
                                       respondentPlace: respondentPlace, language: language.isEmpty ? nil : language, joint: flag(form.joint)))
    }
}
