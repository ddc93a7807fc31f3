import Foundation

/// The periods a mediation runs against, counted as the law counts them (民法典 第201–203条).
public struct MediationPeriods: Sendable, Equatable {
    /// Days the other side has to answer the invitation (the platform's rule; a bureau may set it).
    public var replyDays: Int
    /// 人民调解工作若干规定: a mediation generally ends within one month of acceptance.
    public var mediationMonths: Int
    /// How much longer it may run, once, with a recorded reason.
    public var extensionMonths: Int
    /// 人民调解法 第33条: the parties may jointly apply for judicial confirmation within 30 days
    /// of the agreement taking effect.
    public var confirmationDays: Int
    /// Days after the agreement took effect on which the parties are reminded of that window.
    public var confirmationReminderDays: [Int]

    public init(replyDays: Int = 7, mediationMonths: Int = 1, extensionMonths: Int = 1, confirmationDays: Int = 30,
                confirmationReminderDays: [Int] = [20, 27]) {
        self.replyDays = replyDays
        self.mediationMonths = mediationMonths
        self.extensionMonths = extensionMonths
        self.confirmationDays = confirmationDays
        self.confirmationReminderDays = confirmationReminderDays
    }

    public static let standard = MediationPeriods()

    /// The last day the other side may answer an invitation sent on `sent`.
    public func replyDue(sentOn sent: LocalDate, calendar: HolidayCalendar) -> LocalDate {
        Period.lastDay(ofCalendarDays: replyDays, after: sent, calendar: calendar)
    }

    /// The last day of the mediation accepted on `accepted`, extended or not.
    public func mediationDue(acceptedOn accepted: LocalDate, extended: Bool, calendar: HolidayCalendar) -> LocalDate {
        Period.lastDay(ofMonths: mediationMonths + (extended ? extensionMonths : 0), after: accepted, calendar: calendar)
    }

    /// The last day the parties may jointly apply to the court for judicial confirmation.
    public func confirmationDue(effectiveOn effective: LocalDate, calendar: HolidayCalendar) -> LocalDate {
        Period.lastDay(ofCalendarDays: confirmationDays, after: effective, calendar: calendar)
    }

    /// The days the parties are reminded of the confirmation window (none after it closes).
    public func confirmationReminders(effectiveOn effective: LocalDate, calendar: HolidayCalendar) -> [LocalDate] {
        let due = confirmationDue(effectiveOn: effective, calendar: calendar)
        return confirmationReminderDays.map { effective.adding(days: $0) }.filter { $0 <= due }
    }
}

/// The one-month clock of a mediation: extended at most once, with a reason.
public struct MediationClock: Sendable, Equatable {
    public var acceptedOn: LocalDate
    public var extensionReason: String?

    public init(acceptedOn: LocalDate, extensionReason: String? = nil) {
        self.acceptedOn = acceptedOn
        self.extensionReason = extensionReason
    }

    public mutating func extend(reason: String) throws(MediationError) {
        guard extensionReason == nil else { throw .extendedAlready }
        guard !reason.trimmed.isEmpty else { throw .noExtensionReason }
        extensionReason = reason.trimmed
    }

    public func due(_ periods: MediationPeriods, calendar: HolidayCalendar) -> LocalDate {
        periods.mediationDue(acceptedOn: acceptedOn, extended: extensionReason != nil, calendar: calendar)
    }

    /// Calendar days left: 0 on the last day, negative once overdue.
    public func daysLeft(asOf today: LocalDate, _ periods: MediationPeriods, calendar: HolidayCalendar) -> Int {
        today.days(until: due(periods, calendar: calendar))
    }
}
