import Foundation

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
