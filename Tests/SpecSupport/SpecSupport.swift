import Foundation
import Kernel

// What every domain's specs share: days, noon China time, the 2026 holiday schedule, actors.

public func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

/// Noon China time on a day.
public func noon(_ iso: String) -> Date { day(iso).startOfDay.addingTimeInterval(12 * 3600) }

/// The 2026 schedule from the State Council notice of 2025-11-04 (DOMAIN §3a).
public let calendar2026: HolidayCalendar = {
    func rest(_ from: String, _ to: String, _ name: String) -> [HolidayEntry] {
        var entries: [HolidayEntry] = []
        var d = day(from)
        while d <= day(to) { entries.append(HolidayEntry(date: d, kind: .rest, name: name)); d = d.adding(days: 1) }
        return entries
    }
    func work(_ iso: String, _ name: String) -> HolidayEntry { HolidayEntry(date: day(iso), kind: .makeUpWorkday, name: name) }
    return HolidayCalendar(entries:
        rest("2026-01-01", "2026-01-03", "元旦") + [work("2026-01-04", "元旦")]
        + rest("2026-02-15", "2026-02-23", "春节") + [work("2026-02-14", "春节"), work("2026-02-28", "春节")]
        + rest("2026-04-04", "2026-04-06", "清明节")
        + rest("2026-05-01", "2026-05-05", "劳动节") + [work("2026-05-09", "劳动节")]
        + rest("2026-06-19", "2026-06-21", "端午节")
        + rest("2026-09-25", "2026-09-27", "中秋节")
        + rest("2026-10-01", "2026-10-07", "国庆节") + [work("2026-09-20", "国庆节"), work("2026-10-10", "国庆节")])
}()

public func actor(_ role: Role, id: UUID = UUID(), org: UUID? = UUID()) -> Actor {
    Actor(accountID: id, roles: try! RoleSet([role]), organisationID: role == .citizen ? nil : org)
}

/// What is wrong with a domain's messages, given one filled sample of each: a declared template
/// without a sample, an SMS signed twice or longer than two segments, a placeholder left unfilled,
/// a field that is no placeholder. Empty when all is well.
public func messageProblems(_ samples: [Notice], declared: [MessageKind]) -> [String] {
    var problems: [String] = []
    if Set(samples.map(\.kind)) != Set(declared) { problems.append("the samples do not cover exactly the declared templates") }
    for notice in samples {
        if notice.kind.sms.contains("【") { problems.append("\(notice.template): the signature is added once, by the notice") }
        if !notice.sms.hasPrefix(MessageKind.signature) { problems.append("\(notice.template): unsigned") }
        if notice.kind.sms.count > 70 * 2 { problems.append("\(notice.template): more than two SMS segments") }
        for text in [notice.title, notice.body, notice.sms].compactMap({ $0 }) where text.contains("${") {
            problems.append("\(notice.template): unfilled in \(text)")
        }
        if Set(notice.parameters.keys) != notice.kind.placeholders { problems.append("\(notice.template): its fields are not its placeholders") }
    }
    return problems
}
