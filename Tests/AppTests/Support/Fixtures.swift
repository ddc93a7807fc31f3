import Foundation
@testable import App
@testable import LegalAidCore

/// A tiny valid PNG (1×1).
let pngBytes: [UInt8] = [ // a whole 1×1 PNG: IHDR, IDAT, IEND with their CRCs
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
    0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0B, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0x0F, 0x04, 0x00,
    0x09, 0xFB, 0x03, 0xFD, 0xFB, 0x5E, 0x6B, 0x2B, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
]

/// Noon in China on a day of 2026: a Monday unless stated.
func chinaNoon(_ iso: String) -> Date { LocalDate(iso: iso)!.startOfDay.addingTimeInterval(12 * 3600) }

/// The page fields of a complete application by a synthetic migrant worker.
func applicationFields(name: String = "钱测试", birth: String = "19800101", sequence: Int = 7, phone: String = "13700001234",
                       communityPoint: String? = nil) -> [(String, String)] {
    var fields: [(String, String)] = [
        ("applicant.name", name),
        ("applicant.idNumber", SyntheticPerson.idNumber(birth: birth, sequence: sequence)),
        ("applicant.phone", phone),
        ("applicant.address", "示范区幸福街道测试小区1号"),
        ("matter.type", "labourWages"),
        ("matter.cause", "追索劳动报酬纠纷"),
        ("matter.opposingParty", "测试建筑公司"),
        ("matter.facts", "在测试建筑公司工地做工五个月，工资两万五千元至今未付。"),
        ("matter.helpWanted", "请求支付拖欠工资"),
        ("household.members", "3"),
        ("household.monthlyIncomeYuan", "2400"),
        ("integrityPledge", "true"),
    ]
    if let communityPoint { fields.append(("communityPointID", communityPoint)) }
    return fields
}

extension TestApp {
    var xingfuPointName: String { "幸福街道幸福一社区法律援助联系点" }
}
