import Foundation
@testable import LegalAidCore

func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

/// Noon China time on a day.
func noon(_ iso: String) -> Date { day(iso).startOfDay.addingTimeInterval(12 * 3600) }

/// The 2026 schedule from the State Council notice of 2025-11-04 (DOMAIN §3a).
let calendar2026: HolidayCalendar = {
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

func actor(_ role: Role, id: UUID = UUID(), org: UUID? = UUID()) -> Actor {
    Actor(accountID: id, roles: try! RoleSet([role]), organisationID: role == .citizen ? nil : org)
}

/// A complete, valid form: a migrant worker owed wages (synthetic data).
func validForm() -> ApplicationForm {
    var form = ApplicationForm()
    form.applicant.name = "王测试"
    form.applicant.idNumber = "11010519491231002X"
    form.applicant.phone = "13800138000"
    form.applicant.address = "示范区幸福街道1号"
    form.matter.type = .labourWages
    form.matter.cause = "追索劳动报酬纠纷"
    form.matter.opposingParty = "某建筑公司"
    form.matter.facts = "在某工地做工六个月，工资两万元至今未付。"
    form.matter.helpWanted = "请求支付拖欠工资"
    form.household.members = 3
    form.household.monthlyIncomeYuan = 2400
    form.integrityPledge = true
    return form
}
