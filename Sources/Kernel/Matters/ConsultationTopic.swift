import Foundation

/// What a legal matter is about, in the words the public service uses: the topic a citizen picks
/// before a consultation's first question (it routes nothing by itself but drives statistics and
/// the hand-over to an application), and the practice areas of the directory's people.
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
