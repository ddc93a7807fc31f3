import Foundation

/// What a consultation is about (issue #12): the citizen picks one before the first question;
/// it routes nothing by itself but drives statistics and the hand-over to an application.
public enum ConsultationTopic: String, Codable, Sendable, CaseIterable {
    case labour
    case marriageFamily
    case trafficAccident
    case lending
    case property
    case tort
    case criminal
    case other

    public var chinese: String {
        switch self {
        case .labour: "劳动争议"
        case .marriageFamily: "婚姻家庭"
        case .trafficAccident: "交通事故"
        case .lending: "借贷"
        case .property: "房产"
        case .tort: "侵权"
        case .criminal: "刑事"
        case .other: "其他"
        }
    }
}

/// How a consultation reached the service (DOMAIN §4).
public enum ConsultationChannel: String, Codable, Sendable, CaseIterable {
    /// 在线咨询: live chat with an on-duty staff member or duty lawyer.
    case live
    /// 留言咨询: a written question answered within 24 hours.
    case messageBoard
    /// 12348 热线.
    case hotline
    /// 窗口: in person at a centre, workstation or point.
    case window

    public var chinese: String {
        switch self {
        case .live: "在线咨询"
        case .messageBoard: "留言咨询"
        case .hotline: "12348热线"
        case .window: "窗口咨询"
        }
    }
}
