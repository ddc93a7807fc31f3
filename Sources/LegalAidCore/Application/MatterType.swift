import Foundation

/// What the applicant needs help with. The first group is 法律援助法 第31条's list of
/// civil and administrative matters; then petitions (第33条) and criminal matters (第24、29条).
public enum MatterType: String, Codable, Sendable, CaseIterable {
    case stateCompensation
    case socialInsurance
    case socialAssistance
    case pension
    case support
    case labourWages
    case civilCapacity
    case workInjury
    case trafficAccident
    case foodDrugSafety
    case medicalAccident
    case environmentalDamage
    case petitionOrRetrial
    case criminalDefence
    case criminalVictim
    /// Family matters outside 第31条's list: a 第32条 ground (domestic violence, abuse,
    /// abandonment) brings them in whatever the means; otherwise 第31条第（九）项 decides.
    case divorce
    case familyDispute
    case other

    public var chinese: String {
        switch self {
        case .stateCompensation: "依法请求国家赔偿"
        case .socialInsurance: "请求给予社会保险待遇"
        case .socialAssistance: "请求给予社会救助"
        case .pension: "请求发给抚恤金"
        case .support: "请求给付赡养费、抚养费、扶养费"
        case .labourWages: "请求确认劳动关系或者支付劳动报酬"
        case .civilCapacity: "请求认定公民无民事行为能力或者限制民事行为能力"
        case .workInjury: "请求工伤事故人身损害赔偿"
        case .trafficAccident: "请求交通事故人身损害赔偿"
        case .foodDrugSafety: "请求食品药品安全事故人身损害赔偿"
        case .medicalAccident: "请求医疗事故人身损害赔偿"
        case .environmentalDamage: "请求环境污染、生态破坏损害赔偿"
        case .petitionOrRetrial: "申诉、再审案件"
        case .criminalDefence: "刑事案件犯罪嫌疑人、被告人辩护"
        case .criminalVictim: "刑事案件被害人、自诉人代理"
        case .divorce: "离婚纠纷"
        case .familyDispute: "其他婚姻家庭纠纷（同居关系、婚约财产、家庭成员之间的纠纷等）"
        case .other: "其他事项"
        }
    }

    /// The civil cause (民事案件案由) a matter of this type usually has, where one is clear:
    /// the form's 案由 is prefilled with it, never with a consultation topic's label.
    public var usualCause: String? {
        switch self {
        case .labourWages: "追索劳动报酬纠纷"
        case .workInjury: "工伤保险待遇纠纷"
        case .trafficAccident: "机动车交通事故责任纠纷"
        case .medicalAccident: "医疗损害责任纠纷"
        case .divorce: "离婚纠纷"
        case .socialInsurance: "社会保险纠纷"
        default: nil
        }
    }

    /// The article that brings the matter within legal aid, if any.
    public var article: String? {
        switch self {
        case .petitionOrRetrial: "法律援助法第33条"
        case .criminalDefence: "法律援助法第24条"
        case .criminalVictim: "法律援助法第29条"
        case .divorce, .familyDispute, .other: nil
        default: "法律援助法第31条"
        }
    }

    public var isCriminal: Bool { self == .criminalDefence || self == .criminalVictim }
}

/// Grounds on which aid is given whatever the applicant's means (法律援助法 第32条).
public enum MeansFreeGround: String, Codable, Sendable, CaseIterable {
    case martyrRelative
    case braveryAct
    case acquittedOnRetrial
    case abuseAbandonmentDomesticViolence

    public var chinese: String {
        switch self {
        case .martyrRelative: "英雄烈士近亲属为维护英雄烈士的人格权益"
        case .braveryAct: "因见义勇为行为主张相关民事权益"
        case .acquittedOnRetrial: "再审改判无罪请求国家赔偿"
        case .abuseAbandonmentDomesticViolence: "遭受虐待、遗弃或者家庭暴力的受害人主张相关权益"
        }
    }
}

/// Proof that exempts the applicant from the hardship check (法律援助法 第42条, seed 002).
public enum HardshipExemption: String, Codable, Sendable, CaseIterable {
    case noFixedIncomeMinorElderlyDisabled
    case minimumLivingAllowance
    case extremePoverty
    case fiveGuarantees
    case judicialAssistance
    case veteranBenefits
    case migrantWorkerWagesOrInjury
    case legalAidCard

    public var chinese: String {
        switch self {
        case .noFixedIncomeMinorElderlyDisabled: "无固定生活来源的未成年人、老年人、残疾人"
        case .minimumLivingAllowance: "城乡最低生活保障对象（低保）"
        case .extremePoverty: "特困供养人员（特困）"
        case .fiveGuarantees: "农村五保供养对象（五保）"
        case .judicialAssistance: "申请法律援助前正在接受司法救助"
        case .veteranBenefits: "享受国家抚恤、补助的优抚对象"
        case .migrantWorkerWagesOrInjury: "进城务工人员请求支付劳动报酬或者工伤赔偿"
        case .legalAidCard: "持有法律援助卡"
        }
    }
}

/// Matters handled first (seed 002).
public enum PriorityCategory: String, Codable, Sendable, CaseIterable {
    case domesticViolence, abuse, abandonment, landExpropriation, demolition, fakeAgriculturalInputs, environmentalPollution

    public var chinese: String {
        switch self {
        case .domesticViolence: "家庭暴力"
        case .abuse: "虐待"
        case .abandonment: "遗弃"
        case .landExpropriation: "土地征收"
        case .demolition: "房屋拆迁"
        case .fakeAgriculturalInputs: "假种子、假农药、假化肥"
        case .environmentalPollution: "环境污染"
        }
    }
}
