import Foundation

/// 法律援助法 第49条: an applicant who disagrees with a denial, or a recipient whose aid was
/// terminated, may object to the justice bureau, which decides within 5 days of receipt:
/// the decision is upheld, or the centre is ordered to correct it.
public enum Objection {
    /// 第49条: the bureau decides within 5 days of receiving the objection.
    public static let decisionPeriodDays = 5

    public enum Subject: String, Codable, Sendable, CaseIterable {
        /// 不予法律援助决定.
        case denial
        /// 终止法律援助决定.
        case termination

        public var chinese: String {
            switch self {
            case .denial: "不予法律援助决定"
            case .termination: "终止法律援助决定"
            }
        }
    }

    public enum State: String, Codable, Sendable, CaseIterable {
        case pending, upheld, correctionOrdered

        public var chinese: String {
            switch self {
            case .pending: "司法局审查中"
            case .upheld: "维持原决定"
            case .correctionOrdered: "责令法律援助中心改正"
            }
        }
    }

    public enum Outcome: String, Codable, Sendable, CaseIterable {
        case upheld, correctionOrdered
        public var state: State { self == .upheld ? .upheld : .correctionOrdered }
    }

    public enum Refusal: Error, Hashable, Sendable {
        /// Only a denial or a termination can be objected to.
        case nothingToObjectTo
        case alreadyPending
        case missingReason
        case notBureau
        case alreadyDecided
        case missingExplanation

        public var field: String {
            switch self {
            case .nothingToObjectTo, .alreadyPending, .alreadyDecided, .notBureau: "form"
            case .missingReason: "reason"
            case .missingExplanation: "explanation"
            }
        }

        public var message: String {
            switch self {
            case .nothingToObjectTo: "只能对不予法律援助决定或者终止法律援助决定提出异议"
            case .alreadyPending: "已有一件异议正在司法局审查，请等待审查结果"
            case .missingReason: "请写明异议的事实和理由"
            case .notBureau: "异议由司法局审查决定"
            case .alreadyDecided: "该异议已经作出决定"
            case .missingExplanation: "请写明审查意见和理由"
            }
        }
    }

    /// What an objection is against, read from where the application and its case stand.
    public static func subject(application: ApplicationState, caseState: CaseState?) -> Subject? {
        if caseState == .terminated { return .termination }
        if application == .denied && caseState == nil { return .denial }
        return nil
    }

    /// Files an objection; returns what it is against and the bureau's last day.
    public static func file(application: ApplicationState, caseState: CaseState?, pendingObjection: Bool, reason: String,
                            receivedOn: LocalDate, calendar: HolidayCalendar) -> Result<(Subject, LocalDate), Refusal> {
        guard let subject = subject(application: application, caseState: caseState) else { return .failure(.nothingToObjectTo) }
        guard !pendingObjection else { return .failure(.alreadyPending) }
        guard !reason.trimmed.isEmpty else { return .failure(.missingReason) }
        return .success((subject, Period.lastDay(ofCalendarDays: decisionPeriodDays, after: receivedOn, calendar: calendar)))
    }

    /// The bureau's decision: only its supervisors decide, once, with reasons.
    public static func decide(_ state: State, outcome: Outcome, explanation: String, byBureau: Bool) -> Result<State, Refusal> {
        guard byBureau else { return .failure(.notBureau) }
        guard state == .pending else { return .failure(.alreadyDecided) }
        guard !explanation.trimmed.isEmpty else { return .failure(.missingExplanation) }
        return .success(outcome.state)
    }
}
