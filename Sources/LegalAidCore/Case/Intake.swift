import Foundation

/// How a case came to the centre, other than by the ordinary decision on an application.
public enum CaseOrigin: String, Codable, Sendable, CaseIterable {
    /// The centre decided to give aid (第43条).
    case decision
    /// Aid given first, paperwork later (先行提供, 第44条).
    case urgent
    /// Police, procuratorate or court notified the centre to provide a defence (通知辩护, 第25、36条).
    case notification

    public var chinese: String {
        switch self {
        case .decision: "依申请决定给予"
        case .urgent: "先行提供法律援助"
        case .notification: "办案机关通知辩护"
        }
    }

    /// The rule behind the assignment deadline, as staff read it.
    public var assignmentRule: String {
        switch self {
        case .decision: "法律援助法第43条：决定之日起3日内"
        case .urgent: "法律援助法第44条：先行提供，立即指派"
        case .notification: "法律援助法第36条：收到通知之日起3日内"
        }
    }
}

/// 法律援助法 第44条: aid may be given first and the paperwork completed later only when a
/// limitation period or filing deadline is less than 7 days away, or preservation or advance
/// execution is urgently needed.
public enum UrgentAid {
    /// Local service rule: the recipient completes the paperwork within 7 days of urgent aid;
    /// until the application is decided the centre is reminded to chase it.
    public static let paperworkPeriodDays = 7
    /// The days to a deadline a person can give: none is more than ten years away.
    public static let daysToDeadlineRange = 0...3650

    public static func allowed(daysToDeadline: Int?, urgentPreservation: Bool) -> Bool {
        urgentPreservation || (daysToDeadline.map { $0 >= 0 && $0 < 7 } ?? false)
    }

    public enum Refusal: Error, Hashable, Sendable {
        case conditionsNotMet, daysOutOfRange, notAtCentre, alreadyOpen, roleNotPermitted, missingReason

        public var field: String {
            switch self {
            case .conditionsNotMet, .daysOutOfRange: "daysToDeadline"
            case .missingReason: "reason"
            default: "form"
            }
        }

        public var message: String {
            switch self {
            case .conditionsNotMet: "先行提供法律援助须距诉讼时效或者起诉期限届满不足7日，或者需要立即申请财产保全、证据保全或者先予执行（法律援助法第44条）"
            case .daysOutOfRange: "距期限届满的天数应在\(daysToDeadlineRange.lowerBound)至\(daysToDeadlineRange.upperBound)之间"
            case .notAtCentre: "只有法律援助中心正在审查的申请才能决定先行提供法律援助"
            case .alreadyOpen: "该申请已经有法律援助案件"
            case .roleNotPermitted: "先行提供法律援助由中心负责人决定"
            case .missingReason: "请写明紧急情况"
            }
        }
    }

    /// The director's decision to help at once. The case is due for assignment the same day
    /// and the paperwork is chased until the application is decided.
    public static func grant(application: ApplicationState, caseExists: Bool, daysToDeadline: Int?, urgentPreservation: Bool, reason: String,
                             actor: Actor, today: LocalDate, calendar: HolidayCalendar) -> Result<(assignBy: LocalDate, paperworkBy: LocalDate), Refusal> {
        guard actor.has(.centreDirector) else { return .failure(.roleNotPermitted) }
        guard application.isAtCentre || application == .forwarded else { return .failure(.notAtCentre) }
        guard !caseExists else { return .failure(.alreadyOpen) }
        guard allowed(daysToDeadline: daysToDeadline, urgentPreservation: urgentPreservation) else { return .failure(.conditionsNotMet) }
        if let days = daysToDeadline, !daysToDeadlineRange.contains(days) { return .failure(.daysOutOfRange) }
        guard !reason.trimmed.isEmpty else { return .failure(.missingReason) }
        return .success((today, Period.lastDay(ofCalendarDays: paperworkPeriodDays, after: today, calendar: calendar)))
    }
}

/// 法律援助法 第36条: when police, procuratorate or court notify the centre to provide a
/// defence or representation, the centre assigns a lawyer within 3 days of the notice.
public enum CriminalNotification {
    public enum Authority: String, Codable, Sendable, CaseIterable {
        case publicSecurity, procuratorate, court

        public var chinese: String {
            switch self {
            case .publicSecurity: "公安机关"
            case .procuratorate: "人民检察院"
            case .court: "人民法院"
            }
        }
    }

    /// Notices are not checked for means (第25条): the case opens at once, due for assignment.
    public static func assignmentDue(receivedOn: LocalDate, calendar: HolidayCalendar) -> LocalDate {
        Period.lastDay(ofCalendarDays: CaseWorkflow.criminalNotificationAssignmentDays, after: receivedOn, calendar: calendar)
    }

    /// A notice as the centre registers it.
    public struct Notice: Hashable, Sendable {
        public var authority: Authority
        public var authorityName: String
        public var personName: String
        public var charge: String
        public var receivedOn: LocalDate
        public var possibleLifeOrDeath: Bool
        public var detained: Bool
    }

    /// A notice from what a page or the API sent: every problem named by field, or the notice.
    public static func parse(authority: String?, authorityName: String, personName: String, charge: String, receivedOn: String?,
                             possibleLifeOrDeath: Bool, detained: Bool, today: LocalDate) -> Result<Notice, FieldErrors> {
        let day = receivedOn.flatMap { LocalDate(iso: $0.trimmed) }
        var errors = validate(authorityName: authorityName, personName: personName, charge: charge, receivedOn: day, today: today)
        let kind = authority.flatMap(Authority.init(rawValue:))
        if kind == nil { errors.insert(FieldError(field: "authority", code: "invalidChoice", message: "请选择通知机关类别（公安机关、人民检察院或人民法院）"), at: 0) }
        guard errors.isEmpty, let kind, let day else { return .failure(FieldErrors(errors)) }
        return .success(Notice(authority: kind, authorityName: authorityName.trimmed, personName: personName.trimmed, charge: charge.trimmed,
                               receivedOn: day, possibleLifeOrDeath: possibleLifeOrDeath, detained: detained))
    }

    public static func validate(authorityName: String, personName: String, charge: String, receivedOn: LocalDate?, today: LocalDate) -> [FieldError] {
        var errors: [FieldError] = []
        if authorityName.trimmed.isEmpty { errors.append(.required("authorityName", "通知机关名称")) }
        if personName.trimmed.isEmpty { errors.append(.required("personName", "犯罪嫌疑人、被告人姓名")) }
        if charge.trimmed.isEmpty { errors.append(.required("charge", "涉嫌罪名")) }
        if let receivedOn {
            if receivedOn > today { errors.append(FieldError(field: "receivedOn", code: "future", message: "收到通知的日期不能晚于今天")) }
        } else {
            errors.append(FieldError(field: "receivedOn", code: "invalid", message: "请填写收到通知的日期，如2026-11-20"))
        }
        return errors
    }
}

/// 法律援助法 第39条: a detained applicant's request is forwarded to the centre within 24 hours.
public enum DetainedRequest {
    public static let forwardWithin: TimeInterval = 24 * 3600

    public static func forwardingDue(receivedAt: Date) -> Date { receivedAt.addingTimeInterval(forwardWithin) }

    public static func validate(placeName: String, personName: String, receivedAt: Date?, now: Date) -> [FieldError] {
        var errors: [FieldError] = []
        if placeName.trimmed.isEmpty { errors.append(.required("placeName", "羁押场所")) }
        if personName.trimmed.isEmpty { errors.append(.required("detaineeName", "申请人姓名")) }
        if let receivedAt {
            if receivedAt > now { errors.append(FieldError(field: "receivedAt", code: "future", message: "收到申请的时间不能晚于现在")) }
        } else {
            errors.append(FieldError(field: "receivedAt", code: "invalid", message: "请填写收到申请的时间，如2026-11-20 09:30"))
        }
        return errors
    }
}
