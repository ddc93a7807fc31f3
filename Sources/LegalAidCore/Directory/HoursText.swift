import Foundation

/// Opening hours as staff write them in an import file or a form:
/// `工作日 09:00-12:00、13:30-17:30`, `9:00–17:00`, `全天24小时`.
public enum HoursText {
    public static func parse(_ text: String) -> ServiceHours? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if ["全天24小时", "24小时", "全天", "7×24小时", "7x24"].contains(trimmed) { return ServiceHours(workingDays: [], roundTheClock: true) }
        var body = trimmed
        for prefix in ["工作日", "周一至周五"] where body.hasPrefix(prefix) { body = String(body.dropFirst(prefix.count)) }
        if let bracket = body.range(of: "（节假日除外）") ?? body.range(of: "(节假日除外)") { body.removeSubrange(bracket) }
        let pieces = body.split { "、,，;；/ ".contains($0) }.filter { !$0.isEmpty }
        guard !pieces.isEmpty else { return nil }
        var spans: [ServiceHours.Span] = []
        for piece in pieces {
            let ends = piece.split { "-–—~～至".contains($0) }
            guard ends.count == 2, let opens = minutes(ends[0]), let closes = minutes(ends[1]), opens < closes else { return nil }
            spans.append(ServiceHours.Span(opens: opens, closes: closes))
        }
        spans.sort { $0.opens < $1.opens }
        for (a, b) in zip(spans, spans.dropFirst()) where b.opens < a.closes { return nil }
        return ServiceHours(workingDays: spans)
    }

    /// `9:00`, `09:30`, `9：30` → minutes after midnight (24:00 allowed as a closing time).
    static func minutes<S: StringProtocol>(_ text: S) -> Int? {
        let parts = text.trimmingCharacters(in: .whitespaces).split { $0 == ":" || $0 == "：" }
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), parts[1].count == 2,
              (0...24).contains(h), (0..<60).contains(m), h * 60 + m <= 24 * 60 else { return nil }
        return h * 60 + m
    }
}
