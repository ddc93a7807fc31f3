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
        return .closed(opens: desk.hours.nextOpening(atOrAfter: now, calendar: reference.calendar), hours: desk.hours.chineseDescription,
                       replyBy: settings.deskRules.replyDue(askedAt: now, calendar: reference.calendar))
    }

    enum Availability: Equatable {
        case open
        /// `replyBy`: when a question written now would be answered (the clock runs on working days).
        case closed(opens: Date?, hours: String, replyBy: Date)

        var isOpen: Bool { self == .open }

        /// "在线咨询将于10月8日 09:00开放（工作日 …）。现在可以留言，我们将在10月9日 00:00前答复。"
        var chinese: String {
            switch self {
            case .open: return "在线咨询服务中"
            case let .closed(opens, hours, replyBy):
                let when = opens.map { "将于\(TimeText.chinese($0))开放" } ?? "暂停服务"
                return "在线咨询\(when)（\(hours)）。现在可以留言，我们将在\(TimeText.chinese(replyBy))前书面答复；紧急情况请拨打12348。"
            }
        }
    }
}
