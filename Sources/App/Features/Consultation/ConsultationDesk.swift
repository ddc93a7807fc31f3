import LegalAidCore
import Vapor

/// Which desk a person reaches, and whether it is open. The district's legal aid centre runs
/// the online desk; staff serve the desk of the centre above them (or the district's first).
enum ConsultationDesk {
    static func forCitizens(_ reference: ReferenceData) throws -> Organisation {
        guard let centre = reference.tree.all(.legalAidCenter).first else { throw AppError.notFound("咨询服务台") }
        return centre
    }

    static func forStaff(_ account: AccountModel, _ reference: ReferenceData) throws -> Organisation {
        if let org = account.organisationID, let centre = reference.tree.nearest(.legalAidCenter, from: org) { return centre }
        return try forCitizens(reference)
    }

    /// Open now (by the centre's hours and the holiday calendar), or when it next opens.
    static func availability(_ desk: Organisation, _ reference: ReferenceData, settings: Settings, now: Date) -> Availability {
        if settings.consultationAlwaysOpen || desk.hours.isOpen(at: now, calendar: reference.calendar) { return .open }
        return .closed(opens: desk.hours.nextOpening(atOrAfter: now, calendar: reference.calendar), hours: desk.hours.chineseDescription)
    }

    enum Availability: Equatable {
        case open
        case closed(opens: Date?, hours: String)

        var isOpen: Bool { self == .open }

        /// "在线咨询将于11月24日 09:30开放（工作日 …）。现在可以留言，24小时内答复。"
        var chinese: String {
            switch self {
            case .open: return "在线咨询服务中"
            case let .closed(opens, hours):
                let when = opens.map { "将于\(TimeText.chinese($0))开放" } ?? "暂停服务"
                return "在线咨询\(when)（\(hours)）。现在可以留言，我们在24小时内答复；紧急情况请拨打12348。"
            }
        }
    }
}
