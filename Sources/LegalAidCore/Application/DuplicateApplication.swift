import Foundation

/// A second application from the same person (same ID number) about the same kind of matter,
/// arriving within days of the first, is most often a double submission or a second channel
/// (online and at the window) for one request. Pre-review staff are warned, not stopped: a
/// person may well have two disputes of one kind.
public enum DuplicateApplication {
    public static let windowDays = 30

    public struct Earlier: Hashable, Sendable {
        public var number: String
        public var matter: MatterType?
        public var submittedAt: Date

        public init(number: String, matter: MatterType?, submittedAt: Date) {
            self.number = number
            self.matter = matter
            self.submittedAt = submittedAt
        }
    }

    /// The most recent earlier application this one may repeat, if any.
    public static func likelyRepeatOf(matter: MatterType?, submittedAt now: Date, among earlier: [Earlier]) -> Earlier? {
        let from = LocalDate(now).adding(days: -windowDays).startOfDay
        return earlier
            .filter { $0.matter == matter && $0.submittedAt >= from && $0.submittedAt <= now }
            .max { $0.submittedAt < $1.submittedAt }
    }
}
