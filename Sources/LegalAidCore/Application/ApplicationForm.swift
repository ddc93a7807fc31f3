import Foundation

/// Everything the applicant tells us: the content of 《法援在线初审案件申请表》.
///
/// A draft may be incomplete; `validateForSubmission` says what is still missing.
public struct ApplicationForm: Hashable, Codable, Sendable {
    public struct Applicant: Hashable, Codable, Sendable {
        public var name = ""
        public var idNumber = ""
        public var phone = ""
        public var address = ""
        public var employer = ""
        public init() {}
    }

    public enum AgentRelation: String, Codable, Sendable, CaseIterable {
        case guardian, closeRelative, other
        public var chinese: String {
            switch self {
            case .guardian: "监护人"
            case .closeRelative: "近亲属"
            case .other: "其他代理人"
            }
        }
    }

    /// 代理人: someone applying on the applicant's behalf.
    public struct Agent: Hashable, Codable, Sendable {
        public var name = ""
        public var relation: AgentRelation = .closeRelative
        public var idNumber = ""
        public var phone = ""
        public init() {}
    }

    public struct Matter: Hashable, Codable, Sendable {
        public var type: MatterType?
        /// 案由, e.g. 追索劳动报酬纠纷.
        public var cause = ""
        public var opposingParty = ""
        public var facts = ""
        public var helpWanted = ""
        /// The applicant is held in custody (法律援助法 第39条: forward within 24 hours).
        public var applicantDetained = false
        public init() {}
    }

    public struct Household: Hashable, Codable, Sendable {
        /// People in the household, the applicant included.
        public var members: Int?
        /// Total household income per month, in yuan.
        public var monthlyIncomeYuan: Int?
        /// More than this a month is a slip of the keyboard, not an applicant's household.
        public static let largestMonthlyIncomeYuan = 9_999_999
        public var incomeNote = ""
        public init() {}
    }

    public var applicant = Applicant()
    public var agent: Agent?
    public var matter = Matter()
    public var household = Household()
    public var exemptions: [HardshipExemption] = []
    public var exemptionProof = ""
    public var meansFreeGround: MeansFreeGround?
    public var priorities: [PriorityCategory] = []
    /// 个人诚信承诺 (法律援助法 第41条).
    public var integrityPledge = false
    public var preferredLawyer = ""

    public init() {}

    /// The 第32条 ground the applicant's own answers point to: one who says they suffer domestic
    /// violence, abuse or abandonment is offered 第32条第(四)项 (no means test).
    public var suggestedMeansFreeGround: MeansFreeGround? {
        victimOf == nil ? nil : .abuseAbandonmentDomesticViolence
    }

    /// `家庭暴力、虐待`: what the applicant says they suffer, or nil.
    public var victimOf: String? {
        let said = priorities.filter { [.domesticViolence, .abuse, .abandonment].contains($0) }.map(\.chinese)
        return said.isEmpty ? nil : said.joined(separator: "、")
    }

    /// Checks what must be present before the application can leave the applicant's hands.
    public func validateForSubmission() -> [FieldError] {
        var errors: [FieldError] = []
        if applicant.name.trimmed.isEmpty { errors.append(.required("applicant.name", "申请人姓名")) }
        errors += Self.checkID(applicant.idNumber, field: "applicant.idNumber", label: "申请人身份证号码")
        errors += Self.checkPhone(applicant.phone, field: "applicant.phone", label: "申请人手机号码")
        if applicant.address.trimmed.isEmpty { errors.append(.required("applicant.address", "申请人住址")) }
        if let agent {
            if agent.name.trimmed.isEmpty { errors.append(.required("agent.name", "代理人姓名")) }
            errors += Self.checkID(agent.idNumber, field: "agent.idNumber", label: "代理人身份证号码")
            errors += Self.checkPhone(agent.phone, field: "agent.phone", label: "代理人手机号码")
        }
        if matter.type == nil { errors.append(FieldError(field: "matter.type", code: "required", message: "请选择案件类型")) }
        if matter.cause.trimmed.isEmpty { errors.append(.required("matter.cause", "案由")) }
        if matter.facts.trimmed.count < 10 {
            errors.append(FieldError(field: "matter.facts", code: "tooShort", message: "请用至少10个字说明事实和经过"))
        }
        if matter.helpWanted.trimmed.isEmpty { errors.append(.required("matter.helpWanted", "请求事项")) }
        errors += validateHousehold()
        if !exemptions.isEmpty && exemptionProof.trimmed.isEmpty {
            errors.append(FieldError(field: "exemptionProof", code: "required", message: "选择了免予经济困难审查的情形，请说明证明材料"))
        }
        if !integrityPledge {
            errors.append(FieldError(field: "integrityPledge", code: "required", message: "请阅读并确认个人诚信承诺"))
        }
        return errors
    }

    /// Checks only what was typed: a draft may be saved with blanks but not with nonsense.
    public func validateForDraft() -> [FieldError] {
        var errors: [FieldError] = []
        if !applicant.idNumber.trimmed.isEmpty { errors += Self.checkID(applicant.idNumber, field: "applicant.idNumber", label: "申请人身份证号码") }
        if !applicant.phone.trimmed.isEmpty { errors += Self.checkPhone(applicant.phone, field: "applicant.phone", label: "申请人手机号码") }
        if let agent {
            if !agent.idNumber.trimmed.isEmpty { errors += Self.checkID(agent.idNumber, field: "agent.idNumber", label: "代理人身份证号码") }
            if !agent.phone.trimmed.isEmpty { errors += Self.checkPhone(agent.phone, field: "agent.phone", label: "代理人手机号码") }
        }
        if household.members != nil || household.monthlyIncomeYuan != nil { errors += validateHousehold(requireBoth: false) }
        return errors
    }

    private func validateHousehold(requireBoth: Bool = true) -> [FieldError] {
        var errors: [FieldError] = []
        switch household.members {
        case nil where requireBoth: errors.append(.required("household.members", "家庭人口数"))
        case let n? where n < 1 || n > 30:
            errors.append(FieldError(field: "household.members", code: "outOfRange", message: "家庭人口数应在1到30之间"))
        default: break
        }
        switch household.monthlyIncomeYuan {
        case nil where requireBoth && meansFreeGround == nil && exemptions.isEmpty:
            errors.append(.required("household.monthlyIncomeYuan", "家庭月收入"))
        case let income? where income < 0:
            errors.append(FieldError(field: "household.monthlyIncomeYuan", code: "outOfRange", message: "家庭月收入不能为负数"))
        case let income? where income > Household.largestMonthlyIncomeYuan:
            errors.append(FieldError(field: "household.monthlyIncomeYuan", code: "outOfRange", message: "家庭月收入请填写每月元数，不超过\(Household.largestMonthlyIncomeYuan)元"))
        default: break
        }
        return errors
    }

    static func checkID(_ raw: String, field: String, label: String) -> [FieldError] {
        if raw.trimmed.isEmpty { return [.required(field, label)] }
        if case .failure(let problem) = ResidentID.parse(raw) {
            return [FieldError(field: field, code: "invalidIdNumber", message: problem.chinese)]
        }
        return []
    }

    static func checkPhone(_ raw: String, field: String, label: String) -> [FieldError] {
        if raw.trimmed.isEmpty { return [.required(field, label)] }
        if MobileNumber.parse(raw) == nil { return [FieldError(field: field, code: "invalidPhone", message: MobileNumber.invalidMessage)] }
        return []
    }

    /// The number the applicant is reached on: the agent's when one acts for them.
    public var contactPhone: String { (agent.map(\.phone) ?? applicant.phone).trimmed }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
