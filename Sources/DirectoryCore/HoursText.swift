import Foundation

/// Opening hours as staff write them in an import file or a form:
/// `工作日 09:00-12:00、13:30-17:30`, `9:00–17:00`, `全天24小时`, and weekend days after a
/// semicolon: `工作日 9:00-17:00；周六 9:00-12:00`, `…；周末 9:00-12:00`, `…；周日 …`.
public enum HoursText {
    public static func parse(_ text: String) -> ServiceHours? {
        var trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if ["全天24小时", "24小时", "全天", "7×24小时", "7x24"].contains(trimmed) { return ServiceHours(workingDays: [], roundTheClock: true) }
        for bracket in ["（节假日除外）", "(节假日除外)"] { trimmed = trimmed.replacingOccurrences(of: bracket, with: "") }
        var hours = ServiceHours(workingDays: [])
        for part in trimmed.split(whereSeparator: { $0 == "；" || $0 == ";" }) {
            var body = part.trimmingCharacters(in: .whitespaces)
            var days: (weekdays: Bool, saturday: Bool, sunday: Bool) = (true, false, false)
            let prefixes: [(String, (Bool, Bool, Bool))] = [
                ("工作日", (true, false, false)), ("周一至周五", (true, false, false)), ("每天", (true, true, true)), ("周末", (false, true, true)),
                ("周六日", (false, true, true)), ("周六", (false, true, false)), ("星期六", (false, true, false)),
                ("周日", (false, false, true)), ("星期日", (false, false, true)), ("周天", (false, false, true)),
            ]
            if let (prefix, which) = prefixes.first(where: { body.hasPrefix($0.0) }) {
                body = String(body.dropFirst(prefix.count))
                days = which
            }
            guard let spans = spans(body) else { return nil }
            if days.weekdays { guard hours.workingDays.isEmpty else { return nil }; hours.workingDays = spans }
            if days.saturday { guard hours.saturdays.isEmpty else { return nil }; hours.saturdays = spans }
            if days.sunday { guard hours.sundays.isEmpty else { return nil }; hours.sundays = spans }
        }
        return hours.workingDays.isEmpty && hours.saturdays.isEmpty && hours.sundays.isEmpty ? nil : hours
    }

    /// `09:00-12:00、13:30-17:30` → sorted, non-overlapping spans.
    static func spans(_ body: String) -> [ServiceHours.Span]? {
        let pieces = body.split { "、,，/ ".contains($0) }.filter { !$0.isEmpty }
        guard !pieces.isEmpty else { return nil }
        var spans: [ServiceHours.Span] = []
        for piece in pieces {
            let ends = piece.split { "-–—~～至".contains($0) }
            guard ends.count == 2, let opens = minutes(ends[0]), let closes = minutes(ends[1]), opens < closes else { return nil }
            spans.append(ServiceHours.Span(opens: opens, closes: closes))
        }
        spans.sort { $0.opens < $1.opens }
        for (a, b) in zip(spans, spans.dropFirst()) where b.opens < a.closes { return nil }
        return spans
    }

    /// `9:00`, `09:30`, `9：30` → minutes after midnight (24:00 allowed as a closing time).
    static func minutes<S: StringProtocol>(_ text: S) -> Int? {
        let parts = text.trimmingCharacters(in: .whitespaces).split { $0 == ":" || $0 == "：" }
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), parts[1].count == 2,
              (0...24).contains(h), (0..<60).contains(m), h * 60 + m <= 24 * 60 else { return nil }
        return h * 60 + m
    }
}
