/// Times of day as people read them ("08:30"), written without `String(format:)`, whose
/// Foundation formatting was a quarter of the CPU of a directory page on Linux.
public enum ClockText {
    /// `minutes` since midnight as `HH:MM`.
    public static func time(_ minutes: Int) -> String { padded(minutes / 60) + ":" + padded(minutes % 60) }

    /// A number of at most two digits, zero-padded to two.
    public static func padded(_ n: Int) -> String { n < 10 && n >= 0 ? "0\(n)" : "\(n)" }
}
