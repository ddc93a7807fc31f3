import Foundation

/// What a dispute is about (人民调解 statistics use these headings). It decides which committee
/// is found first (an industry committee takes its own kind) and which routes stay open when
/// mediation does not settle it.
public enum DisputeType: String, Codable, CaseIterable, Sendable {
    case neighbour, family, labour, property, traffic, medical, consumer, land, debt, other

    public var chinese: String {
        switch self {
        case .neighbour: "邻里纠纷"
        case .family: "婚姻家庭纠纷"
        case .labour: "劳动争议"
        case .property: "物业和房屋纠纷"
        case .traffic: "道路交通事故纠纷"
        case .medical: "医疗纠纷"
        case .consumer: "消费纠纷"
        case .land: "土地承包和宅基地纠纷"
        case .debt: "借款和债务纠纷"
        case .other: "其他纠纷"
        }
    }
}

/// How a mediation began: every door a dispute may come through.
public enum MediationSource: String, Codable, CaseIterable, Sendable {
    /// A party applied, online or at a window (人民调解法 第17条).
    case partyApplication
    /// The committee stepped in on its own (第17条: 也可以主动调解).
    case committeeInitiative
    /// A consultation whose outcome was "referred to mediation".
    case consultation
    /// A legal aid case whose recipient consented to mediation first.
    case legalAidCase
    /// A court's referral before litigation (诉前委派).
    case courtReferral
    /// A village (community) legal adviser.
    case villageAdviser

    public var chinese: String {
        switch self {
        case .partyApplication: "当事人申请"
        case .committeeInitiative: "调解委员会主动调解"
        case .consultation: "法律咨询转调解"
        case .legalAidCase: "法律援助案件先行调解"
        case .courtReferral: "人民法院诉前委派"
        case .villageAdviser: "村（居）法律顾问转来"
        }
    }
}
