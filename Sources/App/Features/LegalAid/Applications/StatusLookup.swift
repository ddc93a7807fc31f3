import Fluent
import LegalAidCore
import SQLKit
import Vapor

/// The no-login status lookup: application number plus the last four digits of the phone.
/// Guessing is limited twice: per address (the rate limit) and per application number — ten
/// wrong tries in a day close the lookup for that number until the next day, and the
/// applicant is told by SMS. Any number string is counted, known or not, so the lock itself
/// reveals nothing about which numbers exist.
struct StatusLookup: ScopedService {
    let scope: ServiceScope

    enum Outcome {
        /// The application (its form unread) and its case, if aid was granted.
        case found(ApplicationModel, CaseModel?)
        /// One message for "no such number" and "digits don't match".
        case refused([FieldError])
        /// Too many wrong tries today; open again after midnight (seconds to wait).
        case locked(FieldError, retryAfter: Int)
    }

    func find(number raw: String?, phoneLast4 rawDigits: String?) async throws -> Outcome {
        let number = String((raw ?? "").trimmingCharacters(in: .whitespaces).uppercased().prefix(40))
        let digits = (rawDigits ?? "").trimmingCharacters(in: .whitespaces)
        var errors: [FieldError] = []
        if number.isEmpty { errors.append(.required("number", "申请编号")) }
        if digits.count != 4 || !digits.allSatisfy(\.isNumber) {
            errors.append(FieldError(field: "phoneLast4", code: "invalidDigits", message: "请输入手机号码的最后4位数字"))
        }
        guard errors.isEmpty else { return .refused(errors) }
        let now = services.clock.now()
        let today = LocalDate(now)
        let sql = db as! SQLDatabase
        // One statement: the day's wrong tries for this number, the application and its case.
        // The summary never shows the form: it stays sealed (nothing decrypted for a lookup).
        let row = try await sql.raw("""
            SELECT f.count AS failures, \(unsafeRaw: Self.columns)
            FROM (SELECT 1 AS one) AS q
            LEFT JOIN lookup_failures f ON f.number = \(bind: number) AND f.day = \(bind: today.iso)
            LEFT JOIN applications a ON a.number = \(bind: number)
            LEFT JOIN legal_aid_cases c ON c.application_id = a.id
            """).first()
        let failures = try row.flatMap { try $0.decode(column: "failures", as: Int?.self) } ?? 0
        if failures >= services.settings.lookupFailuresPerDay { return locked(today: today, now: now) }
        if let row, try !row.decodeNil(column: "a_id") {
            let app = try row.decode(ApplicationModel.self, prefix: "a")
            if app.applicationState != .draft, app.phoneLast4 == digits {
                return .found(app, try row.decodeNil(column: "c_id") ? nil : try row.decode(CaseModel.self, prefix: "c"))
            }
        }
        let (count, mustNotify) = try await recordFailure(number: number, today: today)
        if count >= services.settings.lookupFailuresPerDay {
            if mustNotify { try await warnApplicant(number: number) }
            return locked(today: today, now: now)
        }
        return .refused([FieldError(field: "number", code: "notFound", message: "没有找到与申请编号和手机号码后四位都相符的申请，请核对后再试")])
    }

    /// What the applicant is shown for a found application: where it stands, its events and,
    /// once aid is granted, its case. Shared by the lookup page and `GET /api/v1/status`.
    func summary(of app: ApplicationModel, case record: CaseModel?) async throws -> StatusSummary {
        let reference = try await services.referenceData(on: db)
        let events = try await PlainRows.all(ApplicationEventModel.self, where: "application_id", equals: app.id!, orderBy: "seq", on: db)
            .map(ApplicationEventRecord.init)
        return StatusSummary(number: app.number, workflow: app.workflowCase, events: events, calendar: reference.calendar, today: LocalDate(services.clock.now()),
                             caseState: record?.caseState, caseOrigin: record?.caseOrigin ?? .decision)
    }

    /// The application's columns but its form, and its case's, as the lookup's statement names them.
    private static let columns = PlainRows.columns(of: ApplicationModel.self, as: "a", except: ["form"]) + ", "
        + PlainRows.columns(of: CaseModel.self, as: "c")

    private struct Counted: Decodable {
        var count: Int
        var notified: Bool
    }

    /// Counts one wrong try; answers the day's count and whether this try is the one that
    /// closed the lookup (so exactly one SMS is sent, whichever instance counts it).
    private func recordFailure(number: String, today: LocalDate) async throws -> (Int, Bool) {
        let limit = services.settings.lookupFailuresPerDay
        return try await services.transaction(on: db) { tx in
            let sql = tx as! SQLDatabase
            let row = try await sql.raw("""
                INSERT INTO lookup_failures (id, number, day, count, notified) VALUES (\(bind: UUID()), \(bind: number), \(bind: today.iso), 1, \(bind: false))
                ON CONFLICT (number, day) DO UPDATE SET count = lookup_failures.count + 1
                RETURNING count, notified
                """).first(decoding: Counted.self)
            guard let row else { return (1, false) }
            guard row.count >= limit, !row.notified else { return (row.count, false) }
            let flipped = try await sql.raw("""
                UPDATE lookup_failures SET notified = \(bind: true) WHERE number = \(bind: number) AND day = \(bind: today.iso) AND notified = \(bind: false)
                RETURNING count
                """).all()
            return (row.count, !flipped.isEmpty)
        }
    }

    /// Someone has been guessing at this application's lookup: its applicant hears of it.
    private func warnApplicant(number: String) async throws {
        guard let app = try await ApplicationModel.query(on: db).filter(\.$number == number).first(), app.applicationState != .draft else { return }
        try await services.transaction(on: db) { tx in
            try await ApplicationPaperwork.tellApplicant(app, Notice(LookupPaused(number: app.number)), on: tx)
        }
    }

    private func locked(today: LocalDate, now: Date) -> Outcome {
        let wait = max(1, Int(today.adding(days: 1).startOfDay.timeIntervalSince(now).rounded(.up)))
        return .locked(FieldError(field: "number", code: "lookupLocked",
                                  message: "该申请编号今日输入错误次数过多，为保护申请人信息，今日已暂停查询，请明天再试。如需帮助请拨打12348。"),
                       retryAfter: wait)
    }
}
