import Foundation
@testable import LegalAidCore
@_exported import SpecSupport

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
