import Fluent
import LegalAidCore
import Vapor

/// The centre's intake desk for cases that come from the justice system: criminal notifications
/// (通知辩护, 第36条: assign within 3 days) and requests from detained people (第39条: forward
/// within 24 hours).
struct IntakeController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.intake, use: index)
        routes.post(.intakeNotifications, use: notification)
        routes.post(.intakeDetained, use: detained)
        routes.post(.forwardDetained(.key), use: forward)
    }

    struct Input: Content {
        var authority: String?
        var authorityName: String?
        var personName: String?
        var charge: String?
        var receivedOn: String?
        var possibleLifeOrDeath: String?
        var detained: String?
        var placeName: String?
        var detaineeName: String?
        var detaineeCharge: String?
        var receivedAt: String?
        var note: String?

        var values: [String: String] {
            ["authority": authority ?? "", "authorityName": authorityName ?? "", "personName": personName ?? "", "charge": charge ?? "",
             "receivedOn": receivedOn ?? "", "detaineeName": detaineeName ?? "", "detaineeCharge": detaineeCharge ?? "", "placeName": placeName ?? "", "receivedAt": receivedAt ?? "", "note": note ?? "",
             "possibleLifeOrDeath": possibleLifeOrDeath ?? "", "detained": detained ?? ""]
        }
    }

    func index(req: Request) async throws -> HTML {
        let account = try req.requireStaff()
        return try await page(req, account: account, form: nil, values: [:], errors: FormErrors())
    }

    func notification(req: Request) async throws -> Response {
        let account = try req.requireStaff()
        _ = try CaseIntakeService(req).centre(of: account, reference: try await req.referenceData())
        let input = try req.content.decode(Input.self)
        let parsed = CriminalNotification.parse(authority: input.authority, authorityName: input.authorityName ?? "", personName: input.personName ?? "",
                                                charge: input.charge ?? "", receivedOn: input.receivedOn, possibleLifeOrDeath: input.possibleLifeOrDeath == "true",
                                                detained: input.detained == "true", today: LocalDate(req.now))
        do {
            let notice = try parsed.mapError { AppError.invalid($0.errors) }.get()
            let record = try await CaseIntakeService(req).registerNotification(notice, by: account)
            req.flash("已登记通知辩护，请于\(CaseDates.chinese(record.assignmentDue))前指派律师（法律援助法第36条）。")
            return req.redirect(to: SiteURL.legalAidCase(record.id!).path)
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await page(req, account: account, form: "notification", values: input.values, errors: FormErrors(error.fieldErrors))
                .response(req, status: .unprocessableEntity)
        }
    }

    func detained(req: Request) async throws -> Response {
        let account = try req.requireStaff()
        _ = try CaseIntakeService(req).centre(of: account, reference: try await req.referenceData())
        let input = try req.content.decode(Input.self)
        do {
            let entry = try await CaseIntakeService(req).recordDetainedRequest(
                placeName: input.placeName ?? "", personName: input.detaineeName ?? "", charge: input.detaineeCharge ?? "", note: input.note ?? "",
                receivedAt: input.receivedAt.flatMap(Self.parseMoment), by: account)
            req.flash("已登记，须于\(TimeText.chinese(entry.forwardDue))前转交中心（法律援助法第39条：24小时内）。")
            return req.redirect(to: SiteURL.intake.path)
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await page(req, account: account, form: "detained", values: input.values, errors: FormErrors(error.fieldErrors))
                .response(req, status: .unprocessableEntity)
        }
    }

    func forward(req: Request) async throws -> Response {
        let account = try req.requireStaff()
        let app = try await CaseIntakeService(req).forward(try req.parameters.id(), by: account)
        req.flash("已转交法律援助中心，申请编号\(app.number)，中心将于7日内作出决定。")
        return req.redirect(to: SiteURL.application(app.id!).path)
    }

    /// `2026-11-20 09:30` or `2026-11-20T09:30` (from a datetime-local field), China time.
    static func parseMoment(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "T", with: " ")
        let parts = trimmed.split(separator: " ")
        guard parts.count == 2, let day = LocalDate(iso: String(parts[0])) else { return nil }
        let hm = parts[1].split(separator: ":").compactMap { Int($0) }
        guard hm.count >= 2, (0..<24).contains(hm[0]), (0..<60).contains(hm[1]) else { return nil }
        return day.startOfDay.addingTimeInterval(Double(hm[0] * 3600 + hm[1] * 60))
    }

    private func page(_ req: Request, account: AccountModel, form: String?, values: [String: String], errors: FormErrors) async throws -> HTML {
        let reference = try await req.referenceData()
        let centre = try CaseIntakeService(req).centre(of: account, reference: reference)
        let pendingPage = try await DetainedRequestModel.query(on: req.db).filter(\.$centreID == centre.id).filter(\.$forwardedAt == nil).sort(\.$forwardDue)
            .paged(try ListPage.from(req))
        return IntakePage(pending: pendingPage.items.map(IntakePage.Pending.init), pager: Pager.render(pendingPage, req, unit: "件"), now: req.now,
                          form: form, values: values, errors: errors).render(req)
    }
}
