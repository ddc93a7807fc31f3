import Fluent
import XCTVapor
import XCTest
@testable import App
@testable import LegalAidCore

/// What a citizen (or a client of the API) met in the outside try of 2026-12-05 (issue #23):
/// each spec fails on the code that showed it.
final class OutsideTryTests: XCTestCase {
    func errorCode(_ response: TestingHTTPResponse) -> (code: String?, field: String?, message: String?) {
        let body = (try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])?["error"] as? [String: Any]
        return (body?["code"] as? String, body?["field"] as? String, body?["message"] as? String)
    }

    // MARK: 11. A search with nothing searchable in it finds nothing, and says what it looked for.

    func test_aDirectorySearchOfOnlySymbols_findsNothing_notEveryInstitution() async throws {
        try await withTestApp { test in
            let browser = Browser(test)
            for typed in ["%", "_", "\"'", "\\", "*", "😀😀"] {
                let page = try await browser.get("/directory?q=" + Browser.formEncode(typed))
                XCTAssertEqual(page.status, .ok, typed)
                XCTAssertTrue(page.contains("找到0家符合条件的机构"), "\(typed): \(page.body.components(separatedBy: "role=\"status\"").dropFirst().first?.prefix(80) ?? "")")
                XCTAssertTrue(page.contains("没有符合条件的机构"), typed)
                XCTAssertFalse(page.contains("class=\"result place\""), typed)
                let api = try await APIClient(test: test, token: nil).send(.GET, "/api/v1/directory?q=" + Browser.formEncode(typed))
                XCTAssertEqual(api.headers.first(name: "X-Total-Count"), "0", typed)
            }
            let all = try await browser.get("/directory")
            XCTAssertTrue(all.contains("class=\"result place\""), "no words: the whole directory, as before")
        }
    }

    // MARK: 13. Wrong addresses and bodies are told in Chinese, with the right status.

    func test_aMalformedIdInAnAddress_isNotFoundInChinese_onPagesAndInTheAPI() async throws {
        try await withTestApp { test in
            let browser = Browser(test)
            try await browser.login("shencha", DemoSeed.staffPassword)
            for path in ["/applications/not-a-uuid", "/directory/123", "/knowledge/xyz", "/cases/abc"] {
                let page = try await browser.get(path)
                XCTAssertEqual(page.status, .notFound, path)
                XCTAssertTrue(page.contains("不存在"), path)
                XCTAssertFalse(page.contains("could not be converted"), path)
            }
            let article = try await browser.get("/knowledge/\(UUID())/articles/abc")
            XCTAssertEqual(article.status, .notFound)
            let api = try await APIClient.signIn(test, "shencha", DemoSeed.staffPassword)
            let bad = try await api.send(.GET, "/api/v1/applications/not-a-uuid")
            XCTAssertEqual(bad.status, .notFound)
            XCTAssertEqual(errorCode(bad).code, "notFound")
        }
    }

    func test_aBodyWithoutAContentType_isToldInChinese() async throws {
        try await withTestApp { test in
            let api = try await APIClient.signIn(test, "shequ1", DemoSeed.staffPassword)
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: try XCTUnwrap(api.token))
            let response = try await test.app.testable().performTest(request: TestingHTTPRequest(
                method: .POST, url: URI(path: "/api/v1/applications"), headers: headers, body: ByteBuffer(string: "{\"form\":{}}")))
            XCTAssertEqual(response.status, .unsupportedMediaType)
            let (code, _, message) = errorCode(response)
            XCTAssertEqual(code, "unsupportedMediaType")
            XCTAssertTrue(message?.contains("Content-Type") == true && message?.contains("提交的内容类型") == true, message ?? "")
            XCTAssertFalse(response.body.string.contains("Unsupported"), "no English reason")
        }
    }

    // MARK: 14. The limits the API document declares are enforced.

    func test_declaredLimitsAreEnforcedByName() async throws {
        try await withTestApp { test in
            let api = APIClient(test: test, token: nil)
            let long = String(repeating: "调", count: 101)
            for path in ["/api/v1/directory?q=", "/api/v1/directory/people?q=", "/api/v1/knowledge?q="] {
                let response = try await api.send(.GET, path + Browser.formEncode(long))
                XCTAssertEqual(response.status, .unprocessableEntity, path)
                XCTAssertEqual(errorCode(response).field, "q", path)
                XCTAssertFalse(response.body.string.contains(long), "not echoed back whole")
            }
            let street = try await api.send(.GET, "/api/v1/directory?street=" + Browser.formEncode(String(repeating: "街", count: 31)))
            XCTAssertEqual(street.status, .unprocessableEntity)
            XCTAssertEqual(errorCode(street).field, "street")
            let drafts = try await api.send(.GET, "/api/v1/knowledge?drafts=AAA")
            XCTAssertEqual(drafts.status, .unprocessableEntity)
            XCTAssertEqual(errorCode(drafts).field, "drafts")
            let fine = try await api.send(.GET, "/api/v1/directory?q=" + Browser.formEncode(String(repeating: "调", count: 100)))
            XCTAssertEqual(fine.status, .ok, "100 characters are within the limit")
            // The document's maxLength counts code points as sent: one letter under 100 combining
            // marks is one character on screen but 101 code points.
            let marks = "a" + String(repeating: "\u{0301}", count: 100)
            for path in ["/api/v1/knowledge/ask?q=", "/api/v1/knowledge?q=", "/api/v1/directory?q="] {
                let response = try await api.send(.GET, path + Browser.formEncode(marks))
                XCTAssertEqual(response.status, .unprocessableEntity, path)
            }
        }
    }

    // MARK: 10. One source for the service hours: the centre's.

    func test_theHomePageTheFooterAndTheDesk_tellTheSameHours_andAgreeWhetherItIsOpen() async throws {
        // Monday 09:15 Beijing time: the centre (09:00–12:00, 13:30–17:30) is open.
        let mondayQuarterPastNine = LocalDate(year: 2026, month: 11, day: 23)!.startOfDay.addingTimeInterval(9 * 3600 + 15 * 60)
        try await withTestApp(now: mondayQuarterPastNine) { test in
            let centreHours = ServiceHours.officeHours.chineseDescription
            let browser = Browser(test)
            let consult = try await browser.get("/consult")
            XCTAssertTrue(consult.contains("在线咨询") && !consult.contains("将于"), "the desk is open at 09:15")
            let home = try await browser.get("/")
            XCTAssertTrue(home.contains("网上服务时间：\(centreHours)"), "the home page shows the centre's hours")
            XCTAssertTrue(home.contains("在线服务中"), "and agrees the desk is open")
            XCTAssertFalse(home.contains("09:30–11:30"), "no second set of hours written into the page")
            let footer = home.body.components(separatedBy: "site-footer").last ?? ""
            XCTAssertTrue(footer.contains(centreHours), "the footer too")
        }
    }

    // MARK: 12. On the search page the answers come first, each section headed.

    func test_searchAnswersComeBeforeInstitutions_underTheirOwnHeadings() async throws {
        try await withTestApp { test in
            let page = try await Browser(test).get("/knowledge?q=" + Browser.formEncode("调解"))
            XCTAssertEqual(page.status, .ok)
            let answers = try XCTUnwrap(page.body.range(of: "<h2 id=\"answers\">法律知识</h2>"), "the answers are headed")
            let places = try XCTUnwrap(page.body.range(of: "<h2 id=\"places\">相关机构</h2>"), "the institutions are headed")
            XCTAssertLessThan(answers.lowerBound, places.lowerBound, "answers first")
            let firstCard = try XCTUnwrap(page.body.range(of: "class=\"result place\""))
            XCTAssertLessThan(places.lowerBound, firstCard.lowerBound, "no institution above the answers")
        }
    }

    // MARK: 23. A link is shown only to those it serves.

    func test_linksThatWouldLeadTo403_areNotShownToThoseRoles() async throws {
        try await withTestApp { test in
            for username in ["shencha", "shenpi", "lvshi1", "jiandu", "xitong"] {
                let browser = Browser(test)
                try await browser.login(username, DemoSeed.staffPassword)
                let home = try await browser.get("/")
                XCTAssertFalse(home.contains("href=\"/applications/new\""), "开始申请 for \(username)")
                let target = try await browser.get("/applications/new")
                XCTAssertTrue([.forbidden, .notFound].contains(target.status) || target.location != nil, "\(username) really is refused there")
            }
            for (username, mayApply) in [("shequ1", true)] {
                let browser = Browser(test)
                try await browser.login(username, DemoSeed.staffPassword)
                let home = try await browser.get("/")
                XCTAssertEqual(home.contains("href=\"/applications/new\""), mayApply, username)
            }
            let citizen = Browser(test)
            try await citizen.login(DemoSeed.citizenPhone, DemoSeed.citizenPassword)
            let citizenHome = try await citizen.get("/")
            XCTAssertTrue(citizenHome.contains("href=\"/applications/new\""))
            let publicHome = try await Browser(test).get("/")
            XCTAssertTrue(publicHome.contains("href=\"/applications/new\""), "anyone not signed in is led to sign in and apply")

            let station = Browser(test)
            try await station.login("gongzuozhan1", DemoSeed.staffPassword)
            let stationKnowledge = try await station.get("/knowledge")
            XCTAssertFalse(stationKnowledge.contains("向律师咨询"))
            let stationConsult = try await station.get("/consult")
            XCTAssertNotEqual(stationConsult.status, .ok, "the desk's public page is not theirs")
            let publicKnowledge = try await Browser(test).get("/knowledge")
            XCTAssertTrue(publicKnowledge.contains("向律师咨询"), "the public is shown the way to a person")

            let admin = Browser(test)
            try await admin.login("xitong", DemoSeed.staffPassword)
            let importPage = try await admin.get("/directory/import")
            XCTAssertEqual(importPage.status, .ok)
            XCTAssertFalse(importPage.contains("href=\"/knowledge/manage\""), "普法内容 is not the system administrator's")
        }
    }

    // MARK: 27. Texts.

    func test_aBadlyShapedFieldIsToldInPlainChinese_theInternalPathOnlyInTheMachineReadableField() async throws {
        try await withTestApp { test in
            let api = try await APIClient.signIn(test, "shequ1", DemoSeed.staffPassword)
            let response = try await api.send(.POST, "/api/v1/applications", json: ["form": ["applicant": 42]])
            XCTAssertEqual(response.status, .badRequest)
            let (_, field, message) = errorCode(response)
            XCTAssertNotNil(field)
            XCTAssertFalse(message?.contains(field ?? "~") ?? true, "the message does not name \(field ?? "")")
            XCTAssertFalse((message ?? "").contains { $0.isASCII && $0.isLetter }, message ?? "")
        }
    }

    // MARK: 15. What the document says a field may be is what the server takes.

    func test_aFormFieldTheDocumentDoesNotMakeNullable_isRefusedAsNull_whileAMissingOneIsADraftsDefault() async throws {
        try await withTestApp { test in
            let api = try await APIClient.signIn(test, "shequ1", DemoSeed.staffPassword)
            let null = try await api.send(.POST, "/api/v1/applications", json: ["form": ["matter": ["opposingParty": NSNull()]]])
            XCTAssertEqual(null.status, .badRequest)
            XCTAssertEqual(errorCode(null).field, "form.matter.opposingParty")
            let missing = try await api.send(.POST, "/api/v1/applications", json: ["form": ["matter": ["cause": "追索劳动报酬"], "meansFreeGround": NSNull()]])
            XCTAssertEqual(missing.status, .created, "a missing field and a documented null are taken")
        }
    }

    func test_theNearestSearch_refusesAnOpenFlagOrAStartingPlaceItCannotRead_evenBesideAPosition() async throws {
        try await withTestApp { test in
            let api = APIClient(test: test, token: nil)
            let position = "/api/v1/directory/nearest?lat=39.9&lon=116.4"
            let openNow = try await api.send(.GET, position + "&open=1")
            XCTAssertEqual(openNow.status, .ok)
            let open = try await api.send(.GET, position + "&open=yes")
            XCTAssertEqual(open.status, .unprocessableEntity)
            XCTAssertEqual(errorCode(open).field, "open")
            for empty in ["&open=", "&kind="] {
                let answer = try await api.send(.GET, position + empty)
                XCTAssertEqual(answer.status, .unprocessableEntity, "the document lists the values and an empty one is not among them: \(empty)")
            }
            let page = try await Browser(test).get("/directory?kind=&service=")
            XCTAssertEqual(page.status, .ok, "on a page an empty choice is 全部")
            let from = try await api.send(.GET, position + "&from=not-a-place")
            XCTAssertEqual(from.status, .unprocessableEntity)
            XCTAssertEqual(errorCode(from).field, "from")
        }
    }

    func test_urgentAidDaysBeyondTenYears_areRefusedByName() async throws {
        try await withTestApp(now: chinaNoon("2026-03-02")) { test in
            let app = try await test.applicationAwaitingDecision(name: "杨测试", sequence: 83)
            let director = try await APIClient.signIn(test, "shenpi", DemoSeed.staffPassword)
            let answer = try await director.send(.POST, "/api/v1/applications/\(app.id!.uuidString)/urgent-aid",
                                                 json: ["daysToDeadline": 3651, "urgentPreservation": true, "reason": "需要立即申请财产保全"])
            XCTAssertEqual(answer.status, .unprocessableEntity)
            XCTAssertEqual(errorCode(answer).field, "daysToDeadline")
        }
    }

    // MARK: 24. A written question's clock runs as the desk works.

    func test_aWrittenQuestionOnNationalDay_isDueAfterTheDeskReopens_andThePageSaysWhen() async throws {
        let nationalDay = LocalDate(year: 2026, month: 10, day: 1)!.startOfDay.addingTimeInterval(10 * 3600)
        let due = LocalDate(year: 2026, month: 10, day: 9)!.startOfDay
        try await withTestApp(now: nationalDay) { test in
            let page = try await Browser(test).get("/consult")
            XCTAssertTrue(page.contains("我们将在\(TimeText.chinese(due))前书面答复"), "the page promises the real answer-by time")
            XCTAssertFalse(page.contains("24小时内答复"))
            let citizen = try await APIClient.signIn(test, DemoSeed.citizenPhone, DemoSeed.citizenPassword)
            let asked = try await citizen.send(.POST, "/api/v1/consultations", json: ["channel": "messageBoard", "topic": "labour", "question": "国庆期间公司不发加班费怎么办？", "name": "王女士"])
            XCTAssertEqual(asked.status, .created, asked.body.string)
            let stored = try await ConsultationModel.query(on: test.db).filter(\.$channel == "messageBoard").sort(\.$queuedAt, .descending).first()
            XCTAssertEqual(stored?.replyDue, due, "due when the desk has had its 24 working hours, not on 10-02 while it is closed")
        }
    }

    // MARK: 25. Domestic violence brings 第32条 at once.

    func test_anApplicantWhoTicksDomesticViolence_isOfferedArt32OnTheForm() async throws {
        try await withTestApp { test in
            let citizen = try await APIClient.signIn(test, DemoSeed.citizenPhone, DemoSeed.citizenPassword)
            let point = try await OrganisationModel.query(on: test.db).filter(\.$kind == OrganisationKind.communityPoint.rawValue).first()
            let saved = try await citizen.send(.POST, "/api/v1/applications", json: ["form": ["priorities": ["domesticViolence"]],
                                                                                    "communityPointID": try XCTUnwrap(point?.id).uuidString])
            XCTAssertEqual(saved.status, .created, saved.body.string)
            let id = try XCTUnwrap(try citizen.object(saved)["id"] as? String)
            let browser = Browser(test)
            try await browser.login(DemoSeed.citizenPhone, DemoSeed.citizenPassword)
            let form = try await browser.get("/applications/\(id)/edit")
            XCTAssertEqual(form.status, .ok)
            XCTAssertTrue(form.contains("<p class=\"notice\" id=\"means-free-offer\" role=\"status\" data-ground=\"abuseAbandonmentDomesticViolence\">"), "the offer is shown, not hidden")
            XCTAssertTrue(form.contains("<option value=\"abuseAbandonmentDomesticViolence\" selected"), "and the ground is chosen for them to confirm")
        }
    }

    // MARK: 16. Uploads are read whole, and refused in the words that fit.

    func test_aFileIsReadWhole_notByItsFirstBytes() {
        XCTAssertTrue(FileStructure.isWhole(pngBytes, as: "image/png"))
        XCTAssertFalse(FileStructure.isWhole(Array(pngBytes.prefix(8)) + Array("this is not a picture at all".utf8), as: "image/png"))
        var badCRC = pngBytes
        badCRC[40] ^= 0xFF
        XCTAssertFalse(FileStructure.isWhole(badCRC, as: "image/png"), "a damaged chunk")
        XCTAssertFalse(FileStructure.isWhole(Array(pngBytes.prefix(50)), as: "image/png"), "cut short before IEND")
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00,
                             0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0x00, 0xFF, 0xD9]
        XCTAssertTrue(FileStructure.isWhole(jpeg, as: "image/jpeg"))
        XCTAssertFalse(FileStructure.isWhole([0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 0x41, count: 100), as: "image/jpeg"))
        XCTAssertTrue(FileStructure.isWhole(ConsultationFileTests.pdfBytes, as: "application/pdf"))
        XCTAssertFalse(FileStructure.isWhole(Array("%PDF-1.4\n".utf8), as: "application/pdf"))
    }

    func test_aPNGSignatureFollowedByJunk_isRefusedAsDamaged_andAPhotoThatIsNoPictureIsToldSo() async throws {
        try await withTestApp { test in
            let junk = File(data: ByteBuffer(bytes: Array(pngBytes.prefix(8)) + Array(repeating: 0x41, count: 64)), filename: "照片.png")
            XCTAssertEqual(AttachmentStore.check(junk, field: "file", maxBytes: 1 << 20)?.code, "fileDamaged")
            XCTAssertEqual(AttachmentStore.check(File(data: ByteBuffer(bytes: pngBytes), filename: "欠条.png"), field: "file", maxBytes: 1 << 20)?.code, nil)
            let text = File(data: ByteBuffer(string: "hello"), filename: "说明.txt")
            let photo = AttachmentStore.check(text, field: "photo", maxBytes: 1 << 20, imagesOnly: true)
            XCTAssertEqual(photo?.code, "fileType")
            XCTAssertTrue(photo?.message.contains("不是照片") == true, photo?.message ?? "")
            XCTAssertFalse(photo?.message.contains("PDF") == true, "a photo field does not offer PDF")
        }
    }

    func test_aLawTextNotInUTF8_isToldHowToSaveAText_notASpreadsheet() async throws {
        try await withTestApp { test in
            let gbk: [UInt8] = [0xB5, 0xDA, 0xD2, 0xBB, 0xCC, 0xF5] // 第一条 in GBK
            let editor = Browser(test)
            try await editor.login("shencha", DemoSeed.staffPassword)
            let law = try await editor.postMultipart("/knowledge/import", [("title", "中华人民共和国法律援助法")],
                                                     files: [.init(field: "lawFile", filename: "法律援助法.txt", contentType: "text/plain", bytes: gbk)])
            XCTAssertEqual(law.status, .unprocessableEntity)
            XCTAssertTrue(law.contains("文件不是UTF-8编码。请用记事本打开"), law.body)
            XCTAssertFalse(law.contains("CSV UTF-8"), "a law text is not a spreadsheet")
            let csv = try await editor.postMultipart("/directory/import", [],
                                                     files: [.init(field: "file", filename: "机构.csv", contentType: "text/csv", bytes: gbk)])
            XCTAssertEqual(csv.status, .unprocessableEntity)
            XCTAssertTrue(csv.contains("文件不是UTF-8编码。请在表格软件中“另存为”并选择“CSV UTF-8”"), csv.body)
        }
    }

    // MARK: 20. Plausible texts and demo data.

    func test_theDemoOfficesEachHaveTheirOwnLandline_andTheNearestListSaysClosedNow() async throws {
        try await withTestApp { test in
            let offices = try await OrganisationModel.query(on: test.db).all()
            XCTAssertFalse(offices.contains { $0.phone == "12348" }, "12348 is the hotline, not an office's number")
            XCTAssertFalse(offices.contains { $0.phone.hasSuffix("0000001") || $0.phone.hasSuffix("0000002") })
            let points = offices.filter { $0.kind == OrganisationKind.communityPoint.rawValue }.map(\.phone)
            XCTAssertEqual(Set(points).count, points.count, "each point its own number")
        }
        // Saturday evening: every office is closed, and each card says so before when it opens.
        let saturdayEvening = LocalDate(year: 2026, month: 12, day: 5)!.startOfDay.addingTimeInterval(20 * 3600)
        try await withTestApp(now: saturdayEvening) { test in
            let village = try await OrganisationModel.query(on: test.db).filter(\.$kind == OrganisationKind.villageCommittee.rawValue).sort(\.$name).firstOrFail()
            let page = try await Browser(test).get("/directory/nearest?from=\(village.id!)&kind=streetWorkstation")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.contains("现在关闭，12月7日（周一）"), String(page.body.components(separatedBy: "class=\"result place\"").dropFirst().first?.prefix(400) ?? ""))
            XCTAssertFalse(page.contains("</strong> · "), "no dangling separator after the distance")
        }
    }

    // MARK: 15. What the API document says is what the server does.

    func test_anUndeclaredMethodIs405WithAllow_notNotFound() async throws {
        try await withTestApp { test in
            let api = APIClient(test: test, token: nil)
            let trace = try await api.send(.TRACE, "/api/v1/cases")
            XCTAssertEqual(trace.status, .methodNotAllowed)
            XCTAssertEqual(trace.headers.first(name: .allow), "GET, HEAD")
            let onAPage = try await Browser(test).send(.DELETE, "/consult")
            XCTAssertEqual(onAPage.status, .methodNotAllowed)
            XCTAssertTrue(onAPage.contains("此地址不支持这种请求方式"))
            // An address of its own beside a parameter route that would take the method
            // (`PUT /api/v1/knowledge/:id`): the address's own methods decide.
            let shadowed = try await api.send(.PUT, "/api/v1/knowledge/ask?q=0")
            XCTAssertEqual(shadowed.status, .methodNotAllowed)
            XCTAssertEqual(shadowed.headers.first(name: .allow), "GET, HEAD")
            let unknown = try await api.send(.TRACE, "/api/v1/no-such-thing")
            XCTAssertEqual(unknown.status, .notFound, "an address that does not exist stays 404")
            let health = try await api.send(.GET, "/healthz")
            XCTAssertEqual(health.headers.contentType?.subType, "plain")
        }
    }

    func test_aConsultationKeyThatOpensNothing_is401_whetherTheConversationExistsOrNot() async throws {
        try await withTestApp(now: ConsultationAPITests.mondayMorning) { test in
            let staff = try await APIClient.signIn(test, "shencha", DemoSeed.staffPassword)
            let logged = try await staff.send(.POST, "/api/v1/desk/calls", json: CallLogTests.goodCall)
            let existing = try XCTUnwrap(try staff.object(logged)["id"] as? String)
            let anonymous = APIClient(test: test, token: nil)
            for id in [existing, UUID().uuidString] {
                let answer = try await anonymous.send(.GET, "/api/v1/consultations/\(id)", headers: [("X-Consultation-Key", "not-the-key")])
                XCTAssertEqual(answer.status, .unauthorized, id)
                XCTAssertEqual(errorCode(answer).code, "invalidConsultationKey")
            }
        }
    }

    func test_aPageParameterGivenTwice_isRefusedByName() async throws {
        try await withTestApp { test in
            let answer = try await APIClient(test: test, token: nil).send(.GET, "/api/v1/directory/people?limit=5&limit=x")
            XCTAssertEqual(answer.status, .unprocessableEntity)
            XCTAssertEqual(errorCode(answer).field, "limit")
        }
    }

    /// The API documents `page` as an integer: `?page=` is refused by name there, while a page's
    /// form field left blank still means the first page.
    func test_anEmptyPageParameter_isRefusedInTheAPI_andTheFirstPageOnAPage() async throws {
        try await withTestApp { test in
            let answer = try await APIClient(test: test, token: nil).send(.GET, "/api/v1/directory/people?page=")
            XCTAssertEqual(answer.status, .unprocessableEntity)
            XCTAssertEqual(errorCode(answer).field, "page")
            let page = try await Browser(test).get("/directory?page=")
            XCTAssertEqual(page.status, .ok)
        }
    }
}
