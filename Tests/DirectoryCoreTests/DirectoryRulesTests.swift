import Foundation
@testable import DirectoryCore
import SpecSupport
import XCTest

/// Issue #13: the directory of legal services — how far a place is, whether it is open now and
/// when it next opens (holidays included), and how staff's import files are read and checked.
final class DirectoryRulesTests: XCTestCase {
    private let tiananmen = GeoPoint(latitude: 39.9087, longitude: 116.3975)!

    // MARK: distance

    func test_distanceBetweenTwoKnownPointsIsTheGreatCircle() {
        // Tiananmen to the Shanghai Bund is about 1 067 km along the great circle.
        let bund = GeoPoint(latitude: 31.2400, longitude: 121.4900)!
        XCTAssertEqual(tiananmen.distance(to: bund) / 1000, 1067, accuracy: 5)
    }

    func test_aThousandthOfADegreeOfLatitudeIsAbout111Metres() {
        let north = GeoPoint(latitude: 39.9097, longitude: 116.3975)!
        XCTAssertEqual(tiananmen.distance(to: north), 111.2, accuracy: 0.5)
        XCTAssertEqual(tiananmen.distance(to: tiananmen), 0)
    }

    func test_pointsOutsideTheGlobeAreRefused() {
        XCTAssertNil(GeoPoint(latitude: 91, longitude: 0))
        XCTAssertNil(GeoPoint(latitude: 0, longitude: 181))
        XCTAssertNil(GeoPoint(latitude: .nan, longitude: 0))
    }

    func test_distanceReadsInMetresUnderAKilometreThenKilometres() {
        XCTAssertEqual(DistanceText.chinese(metres: 3), "10米")
        XCTAssertEqual(DistanceText.chinese(metres: 347), "350米")
        XCTAssertEqual(DistanceText.chinese(metres: 1249), "1.2公里")
        XCTAssertEqual(DistanceText.chinese(metres: 123_456), "123公里")
    }

    // MARK: nearest open

    private func place(_ northMetres: Double, _ hours: ServiceHours = .officeHours) -> NearestOpen.Place {
        NearestOpen.Place(id: UUID(), point: GeoPoint(latitude: tiananmen.latitude + northMetres / 111_195, longitude: tiananmen.longitude)!, hours: hours)
    }

    func test_nearestComeFirst_andTheListStopsAtTheLimit() {
        let far = place(3000), near = place(200), middle = place(900)
        let ranked = NearestOpen.rank([far, near, middle], from: tiananmen, at: noon("2026-12-07"), calendar: calendar2026, limit: 2)
        XCTAssertEqual(ranked.map(\.id), [near.id, middle.id])
        XCTAssertEqual(ranked[0].metres, 200, accuracy: 1)
    }

    func test_onAWorkingDayMorningAnOfficeIsOpen() {
        let office = place(100)
        let tenAM = day("2026-12-07").startOfDay.addingTimeInterval(10 * 3600) // a Monday
        let result = NearestOpen.rank([office], from: tiananmen, at: tenAM, calendar: calendar2026)[0]
        XCTAssertTrue(result.isOpen)
        XCTAssertEqual(result.nextOpening, tenAM)
    }

    func test_atLunchTheOfficeIsClosed_andOpensAgainAtHalfPastOne() {
        let lunch = day("2026-12-07").startOfDay.addingTimeInterval(12 * 3600 + 15 * 60)
        let result = NearestOpen.rank([place(100)], from: tiananmen, at: lunch, calendar: calendar2026)[0]
        XCTAssertFalse(result.isOpen)
        XCTAssertEqual(result.nextOpening, day("2026-12-07").startOfDay.addingTimeInterval(13.5 * 3600))
        XCTAssertEqual(NearestOpen.openingText(result.nextOpening, now: lunch), "今天13:30开放")
    }

    func test_duringTheNationalDayHolidayTheNextOpeningIsTheFirstWorkingDayAfter() {
        let holiday = noon("2026-10-03")
        let result = NearestOpen.rank([place(100)], from: tiananmen, at: holiday, calendar: calendar2026)[0]
        XCTAssertFalse(result.isOpen)
        XCTAssertEqual(result.nextOpening, day("2026-10-08").startOfDay.addingTimeInterval(9 * 3600))
        XCTAssertEqual(NearestOpen.openingText(result.nextOpening, now: holiday), "10月8日（周四）09:00开放")
    }

    func test_aMakeUpSaturdayIsAWorkingDay() {
        // 2026-10-10 is a Saturday worked in exchange for the National Day holiday.
        let result = NearestOpen.rank([place(100)], from: tiananmen, at: noon("2026-10-09").addingTimeInterval(8 * 3600), calendar: calendar2026)[0]
        XCTAssertEqual(NearestOpen.openingText(result.nextOpening, now: noon("2026-10-09").addingTimeInterval(8 * 3600)), "明天09:00开放")
    }

    func test_aRoundTheClockServiceIsOpenOnHolidays() {
        let hotline = place(5000, ServiceHours(workingDays: [], roundTheClock: true))
        let result = NearestOpen.rank([place(100), hotline], from: tiananmen, at: noon("2026-10-03"), calendar: calendar2026, openOnly: true)
        XCTAssertEqual(result.map(\.id), [hotline.id])
        XCTAssertEqual(NearestOpen.openingText(result[0].nextOpening, now: noon("2026-10-03")), "正在开放")
    }

    // MARK: weekend hours (issue #23 item 10)

    private let saturdayMornings = ServiceHours(workingDays: ServiceHours.officeHours.workingDays,
                                                saturdays: [ServiceHours.Span(opens: 9 * 60, closes: 12 * 60)])

    func test_aWindowOpenOnSaturdayMornings_isOpenOnAPlainSaturday_butNotOnAHolidaySaturday() {
        // 2026-12-05 is a plain Saturday; 2026-10-03 a Saturday of the National Day holiday.
        XCTAssertTrue(saturdayMornings.isOpen(at: day("2026-12-05").startOfDay.addingTimeInterval(10 * 3600), calendar: calendar2026))
        XCTAssertFalse(saturdayMornings.isOpen(at: day("2026-12-05").startOfDay.addingTimeInterval(14 * 3600), calendar: calendar2026))
        XCTAssertFalse(saturdayMornings.isOpen(at: day("2026-12-06").startOfDay.addingTimeInterval(10 * 3600), calendar: calendar2026), "not on Sunday")
        XCTAssertFalse(saturdayMornings.isOpen(at: day("2026-10-03").startOfDay.addingTimeInterval(10 * 3600), calendar: calendar2026))
        // A make-up Saturday is a working day: the working day's hours, afternoon included.
        XCTAssertTrue(saturdayMornings.isOpen(at: day("2026-10-10").startOfDay.addingTimeInterval(15 * 3600), calendar: calendar2026))
        // Friday evening: it opens again on Saturday morning, not on Monday.
        let friday = day("2026-12-04").startOfDay.addingTimeInterval(18 * 3600)
        XCTAssertEqual(saturdayMornings.nextOpening(atOrAfter: friday, calendar: calendar2026), day("2026-12-05").startOfDay.addingTimeInterval(9 * 3600))
        XCTAssertEqual(saturdayMornings.chineseDescription, "工作日 09:00–12:00、13:30–17:30；周六 09:00–12:00（节假日除外）")
    }

    func test_weekendHoursAreReadAsStaffWriteThem_andHoursStoredBeforeThemStillRead() throws {
        XCTAssertEqual(HoursText.parse("工作日 09:00-12:00、13:30-17:30；周六 09:00-12:00"), saturdayMornings)
        XCTAssertEqual(HoursText.parse(saturdayMornings.chineseDescription), saturdayMornings)
        let weekend = try XCTUnwrap(HoursText.parse("工作日 9:00-17:00；周末 9:00-12:00"))
        XCTAssertEqual(weekend.sundays, weekend.saturdays)
        XCTAssertEqual(weekend.chineseDescription, "工作日 09:00–17:00；周末 09:00–12:00（节假日除外）")
        XCTAssertNil(HoursText.parse("周六 09:00-12:00；周六 13:00-15:00"), "one day written twice is refused")
        let stored = #"{"workingDays":[{"opens":540,"closes":720}],"roundTheClock":false}"#
        let old = try JSONDecoder().decode(ServiceHours.self, from: Data(stored.utf8))
        XCTAssertEqual(old, ServiceHours(workingDays: [ServiceHours.Span(opens: 540, closes: 720)]))
    }

    // MARK: hours as written

    func test_hoursAreReadAsStaffWriteThem() {
        XCTAssertEqual(HoursText.parse("工作日 09:00-12:00、13:30-17:30"), .officeHours)
        XCTAssertEqual(HoursText.parse("9:00–12:00,13:30~17:30"), .officeHours)
        XCTAssertEqual(HoursText.parse("全天24小时")?.roundTheClock, true)
        XCTAssertEqual(HoursText.parse(ServiceHours.onlineDesk.chineseDescription), .onlineDesk)
    }

    func test_hoursThatCannotBeReadAreRefused() {
        XCTAssertNil(HoursText.parse("上午"))
        XCTAssertNil(HoursText.parse("17:00-09:00"))
        XCTAssertNil(HoursText.parse("09:00-12:00、11:00-13:00"))
        XCTAssertNil(HoursText.parse("25:00-26:00"))
    }

    // MARK: CSV

    func test_csvWithBOMQuotesCommasAndLineBreaksInsideAField() throws {
        let text = "\u{FEFF}名称,地址\r\n\"甲所\",\"人民路1号, 2楼\"\r\n\"乙\"\"所\",\"第一行\n第二行\"\r\n\r\n"
        let records = try CSVText.records(text)
        XCTAssertEqual(records.map(\.fields), [["名称", "地址"], ["甲所", "人民路1号, 2楼"], ["乙\"所", "第一行\n第二行"]])
        XCTAssertEqual(records.map(\.line), [1, 2, 3])
    }

    func test_anUnclosedQuoteNamesItsLine() {
        XCTAssertThrowsError(try CSVText.records("名称\n\"甲所\n")) { error in
            XCTAssertEqual((error as? CSVText.Malformed)?.line, 2)
        }
    }

    // MARK: import

    private let header = "名称,类型,街道,地址,电话,服务时间,服务项目,业务领域,纬度,经度,上级机构\n"

    func test_institutionRowsAreReadWithTheirKindServicesAndPlace() throws {
        let file = try DirectoryImport.read(header + "幸福街道司法所,司法所,幸福街道,幸福路1号,010-1234567,工作日 09:00-12:00、13:30-17:30,人民调解、法律咨询,劳动争议,39.91,116.40,示范区司法局\n",
                                            knownNames: ["示范区司法局"])
        XCTAssertTrue(file.rejected.isEmpty)
        guard case .institutions(let rows) = file.rows, let row = rows.first?.input else { return XCTFail("expected institutions") }
        XCTAssertEqual(row.kind, .justiceOffice)
        XCTAssertEqual(row.services, [.mediation, .consultation])
        XCTAssertEqual(row.areas, [.labour])
        XCTAssertEqual(row.point, GeoPoint(latitude: 39.91, longitude: 116.40))
        XCTAssertEqual(row.parentName, "示范区司法局")
        XCTAssertEqual(row.hours, .officeHours)
    }

    func test_everyBadRowIsReportedWithItsLineAndEveryReason() throws {
        let file = try DirectoryImport.read(header
            + "好的调解委员会,人民调解委员会,,,,,,,,,\n"
            + "X,火星站,,,abc,随时,算命,,91,0,不存在的局\n"
            + "只有纬度所,公证机构,,,,,,,39.9,,\n", knownNames: [])
        XCTAssertEqual(file.count, 1)
        XCTAssertEqual(file.rejected.map(\.line), [3, 4])
        XCTAssertEqual(Set(file.rejected[0].errors.map(\.field)), ["name", "kind", "phone", "hours", "services", "latitude", "parent"])
        XCTAssertEqual(file.rejected[1].errors.map(\.field), ["longitude"])
    }

    func test_aParentMayComeLaterInTheSameFile_butANameMayNotRepeat() throws {
        let file = try DirectoryImport.read(header + "甲调委会,人民调解委员会,,,,,,,,,乙村委会\n乙村委会,村（居）民委员会,,,,,,,,,\n乙村委会,村委会,,,,,,,,,\n", knownNames: [])
        XCTAssertEqual(file.count, 2)
        XCTAssertEqual(file.rejected.map(\.line), [4])
        XCTAssertEqual(file.rejected.first?.errors.first?.code, "duplicate")
    }

    func test_peopleFilesAreToldApartByTheirHeader_andAVillageAdviserNamesTheVillage() throws {
        let text = "姓名,身份,所属机构,服务村居,电话,业务领域,职责,驻点时间\n"
            + "王顾问,村（居）法律顾问,示范正义律师事务所,长江村村民委员会,010-5550001,婚姻家庭、劳动争议,为村民解答法律问题,每月第一个周三 09:00-11:00\n"
            + "李顾问,村（居）法律顾问,示范正义律师事务所,,,,,\n"
        let file = try DirectoryImport.read(text, knownNames: ["示范正义律师事务所", "长江村村民委员会"])
        guard case .people(let rows) = file.rows else { return XCTFail("expected people") }
        XCTAssertEqual(rows.first?.input.role, .villageAdviser)
        XCTAssertEqual(rows.first?.input.areas, [.marriageFamily, .labour])
        XCTAssertEqual(file.rejected.first?.errors.map(\.field), ["serves"])
    }

    func test_aFileWithoutKnownColumnsOrRowsIsRefusedWhole() {
        XCTAssertThrowsError(try DirectoryImport.read("a,b\n1,2\n", knownNames: [])) { XCTAssertEqual($0 as? DirectoryImport.FileError, .unknownHeader) }
        XCTAssertThrowsError(try DirectoryImport.read(header, knownNames: [])) { XCTAssertEqual($0 as? DirectoryImport.FileError, .empty) }
        XCTAssertThrowsError(try DirectoryImport.read("名称,地址\n甲,乙\n", knownNames: [])) {
            XCTAssertEqual($0 as? DirectoryImport.FileError, .missingColumns(["类型"]))
        }
    }
}

/// The directory is searched through an index of characters and pairs, like the knowledge base.
final class DirectorySearchTests: XCTestCase {
    func test_aTwoCharacterWordFindsEveryPlaceHoldingIt_namesFirst() {
        var index = TermIndex<Int>()
        index.add(1, title: "幸福街道人民调解委员会", text: "人民调解 婚姻家庭 邻里纠纷")
        index.add(2, title: "示范正义律师事务所", text: "诉讼代理 婚姻家庭")
        index.add(3, title: "示范公证处", text: "公证")
        XCTAssertEqual(index.search(SearchQuery("调解"), tieBreak: { $0 }), [1])
        XCTAssertEqual(index.search(SearchQuery("婚姻"), tieBreak: { $0 }), [1, 2])
        XCTAssertEqual(index.search(SearchQuery("律师事务所"), tieBreak: { $0 }), [2])
        XCTAssertEqual(index.search(SearchQuery("公"), tieBreak: { $0 }).first, 3)
        XCTAssertEqual(index.search(SearchQuery("鉴定"), tieBreak: { $0 }), [])
    }
}
