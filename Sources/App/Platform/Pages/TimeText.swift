import Foundation
import LegalAidCore

enum TimeText {
    /// `2026年3月2日 14:05` in China time.
    static func chinese(_ date: Date) -> String {
        let day = LocalDate(date)
        let minutes = Int(date.timeIntervalSince(day.startOfDay) / 60)
        return day.chinese + " " + ClockText.time(minutes)
    }
}
