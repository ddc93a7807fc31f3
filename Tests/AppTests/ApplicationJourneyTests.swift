import Fluent
import XCTVapor
import XCTest
@testable import App
@testable import LegalAidCore

/// The foundation journey through the real router and database: apply → pre-review →
/// materials → centre review → decision, with documents, messages and SMS.
final class ApplicationJourneyTests: XCTestCase {
    func test_citizenAppliesOnlineWithAttachmentAndTheCentreGrantsAid() async throws {
        try await withTestApp(now: chinaNoon("2026-03-02")) { test in
            let point = try await test.organisation(test.xingfuPointName)

            // The citizen registers and applies with a photo of the IOU.
            let citizen = Browser(test)
            let registered = try await citizen.post("/register", [("name", "钱测试"), ("phone", "13700001234"),
                                                                  ("password", "Qian#2026ok"), ("passwordConfirm", "Qian#2026ok")])
            XCTAssertEqual(registered.status, .seeOther)
            let created = try await citizen.postMultipart("/applications/new", applicationFields(communityPoint: point.id!.uuidString) + [("action", "submit")],
                                                          files: [.init(field: "attachments[]", filename: "欠条.png", contentType: "image/png", bytes: pngBytes)])
            XCTAssertEqual(created.status, .seeOther)
            let app = try await ApplicationModel.query(on: test.db).filter(\.$applicantName == "钱测试").firstOrFail()
            XCTAssertEqual(app.applicationState, .submitted)
            let _v14 = try await test.application(app.number).preReviewOrganisationID
            let _v15 = try await test.organisation("幸福街道法律援助工作站").id
            XCTAssertEqual(_v14, _v15)
            let files = try await AttachmentModel.query(on: test.db).filter(\.$applicationID == app.id!).all()
            XCTAssertEqual(files.count, 1)
            XCTAssertEqual(files.first?.contentType, "image/png")
            XCTAssertEqual(files.first?.sha256.count, 64)
            XCTAssertTrue(FileManager.default.fileExists(atPath: test.dataDirectory + "/uploads/" + files[0].storedName))
            let detail = try await citizen.get(SiteURL.application(app.id!).path)
            XCTAssertTrue(detail.contains("已提交，等待初审"))

            // The workstation asks once for everything missing.
            let station = Browser(test)
            try await station.login("gongzuozhan1", DemoSeed.staffPassword)
            let _v16 = try await station.get("/workbench").contains(app.number)
            XCTAssertTrue(_v16)
            var page = try await station.post(SiteURL.action(app.id!, .requestMaterials).path,
                                              [("version", "1"), ("items", "劳动合同或工资欠条原件照片\n工友证明"), ("supplyBy", "2026-03-17")])
            XCTAssertEqual(page.status, .seeOther)

            // The applicant sees what is missing without logging in.
            let stranger = Browser(test)
            page = try await stranger.post("/lookup", [("number", app.number), ("phoneLast4", "1234")])
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.contains("初审待补充材料"))
            XCTAssertTrue(page.contains("工友证明"))
            XCTAssertTrue(page.contains("2026年3月17日"))

            // The applicant supplies them; the workstation pre-approves.
            test.clock.set(chinaNoon("2026-03-04"))
            // Two days on, everyone signs in again (sessions end after 30 idle minutes).
            try await citizen.login("13700001234", "Qian#2026ok")
            try await station.login("gongzuozhan1", DemoSeed.staffPassword)
            page = try await citizen.post(SiteURL.action(app.id!, .supplyMaterials).path, [("version", "2"), ("note", "已上传工资欠条")])
            XCTAssertEqual(page.status, .seeOther)
            page = try await station.post(SiteURL.action(app.id!, .preApprove).path, [("version", "3"), ("opinion", "经视频核对，符合条件。")])
            XCTAssertEqual(page.status, .seeOther)
            var stored = try await test.application(app.number)
            XCTAssertEqual(stored.applicationState, .forwarded)
            XCTAssertEqual(stored.receivedOn, "2026-03-04")
            XCTAssertEqual(stored.decisionDue, "2026-03-11") // 法律援助法第43条: 7 days, day of receipt not counted

            // The centre accepts, reviews and decides.
            let reviewer = Browser(test)
            try await reviewer.login("shencha", DemoSeed.staffPassword)
            let _v17 = try await reviewer.post(SiteURL.action(app.id!, .accept).path, [("version", "4")]).status
            XCTAssertEqual(_v17, .seeOther)
            let review = try await reviewer.get(SiteURL.application(app.id!).path)
            XCTAssertTrue(review.contains("系统条件判断"))
            XCTAssertTrue(review.contains("法律援助法第34条"))
            let _v18 = try await reviewer.post(SiteURL.action(app.id!, .fileReview).path,
                                                   [("version", "5"), ("recommendation", "approve"), ("opinion", "符合经济困难标准，建议给予援助")]).status
            XCTAssertEqual(_v18, .seeOther)
            let director = Browser(test)
            try await director.login("shenpi", DemoSeed.staffPassword)
            let _v19 = try await director.post(SiteURL.action(app.id!, .approve).path, [("version", "6"), ("note", "同意")]).status
            XCTAssertEqual(_v19, .seeOther)

            stored = try await test.application(app.number)
            XCTAssertEqual(stored.applicationState, .approved)
            let events = try await test.events(of: app.id!)
            XCTAssertEqual(events.map(\.event), ["submit", "requestMaterials", "supplyMaterials", "preApprove", "accept", "fileReview", "approve"])
            XCTAssertEqual(events.map(\.seq), Array(1...7))
            XCTAssertEqual(events.last?.fromState, "awaitingDecision")
            XCTAssertEqual(events.last?.toState, "approved")

            // Every document is numbered per centre, kind and year.
            let documents = try await DocumentModel.query(on: test.db).filter(\.$applicationID == app.id!).all()
            XCTAssertEqual(Set(documents.map(\.kind)), ["applicationForm", "materialsNotice", "preReviewApproval", "acceptanceNotice", "grantDecision"])
            let grant = try XCTUnwrap(documents.first { $0.kind == "grantDecision" })
            XCTAssertEqual(grant.number, "（2026）示法援援字第0002号") // the demo district's approved application holds 0001
            let printed = try await citizen.get(SiteURL.document(grant.id!).path)
            XCTAssertTrue(printed.contains("给予法律援助决定书"))
            XCTAssertTrue(printed.contains("（2026）示法援援字第0002号"))

            // Each change reached the applicant as a message and an SMS without case facts.
            let messages = try await MessageModel.query(on: test.db).filter(\.$applicationID == app.id!).count()
            XCTAssertEqual(messages, 6) // the internal review step sends nothing
            let sms = try await SMSOutboxModel.query(on: test.db).filter(\.$applicationID == app.id!).all()
            XCTAssertEqual(sms.count, 6)
            XCTAssertTrue(sms.allSatisfy { $0.phone == "13700001234" && !$0.body.contains("工资两万五千元") })
        }
    }

    func test_communityPointFilesOnBehalfAndTheDirectorDeniesWithReasons() async throws {
        try await withTestApp(now: chinaNoon("2026-03-02")) { test in
            let community = Browser(test)
            try await community.login("shequ1", DemoSeed.staffPassword)
            var fields = applicationFields(name: "孙测试", sequence: 8, phone: "13700005678")
            fields.removeAll { $0.0 == "household.monthlyIncomeYuan" }
            fields.append(("household.monthlyIncomeYuan", "30000"))
            let _v21 = try await community.postMultipart("/applications/new", fields + [("action", "submit")]).status
            XCTAssertEqual(_v21, .seeOther)
            let app = try await ApplicationModel.query(on: test.db).filter(\.$applicantName == "孙测试").firstOrFail()
            XCTAssertNil(app.ownerAccountID)
            XCTAssertEqual(app.channel, "communityPoint")

            let station = Browser(test)
            try await station.login("gongzuozhan1", DemoSeed.staffPassword)
            try await station.post(SiteURL.action(app.id!, .preApprove).path, [("version", "1"), ("opinion", "请中心审查收入情况")])
            let reviewer = Browser(test)
            try await reviewer.login("shencha", DemoSeed.staffPassword)
            try await reviewer.post(SiteURL.action(app.id!, .accept).path, [("version", "2")])
            let _v22 = try await test.application(app.number).eligibility?.rule
            XCTAssertEqual(_v22, "art34.aboveThreshold")
            try await reviewer.post(SiteURL.action(app.id!, .fileReview).path, [("version", "3"), ("recommendation", "deny"), ("opinion", "收入高于标准")])
            let director = Browser(test)
            try await director.login("shenpi", DemoSeed.staffPassword)

            // A denial without reasons is refused beside the field, and nothing changes.
            let refused = try await director.post(SiteURL.action(app.id!, .deny).path, [("version", "4"), ("reasons", " ")])
            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertTrue(refused.contains("不予法律援助必须写明理由"))
            let _v23 = try await test.application(app.number).applicationState
            XCTAssertEqual(_v23, .awaitingDecision)

            let denied = try await director.post(SiteURL.action(app.id!, .deny).path, [("version", "4"), ("reasons", "家庭月人均收入10000元，高于本地经济困难标准")])
            XCTAssertEqual(denied.status, .seeOther)
            let doc = try await DocumentModel.query(on: test.db).filter(\.$applicationID == app.id!).filter(\.$kind == "denialDecision").firstOrFail()
            XCTAssertEqual(doc.number, "（2026）示法援不援字第0001号")
            XCTAssertTrue(doc.content.paragraphs.contains { $0.contains("高于本地经济困难标准") })

            let lookup = try await Browser(test).post("/lookup", [("number", app.number), ("phoneLast4", "5678")])
            XCTAssertTrue(lookup.contains("决定不予法律援助"))
            XCTAssertTrue(lookup.contains("高于本地经济困难标准"))
        }
    }

    func test_workstationRejectsAtPreReviewSayingWhereElseToGo() async throws {
        try await withTestApp(now: chinaNoon("2026-03-02")) { test in
            let community = Browser(test)
            try await community.login("shequ1", DemoSeed.staffPassword)
            try await community.postMultipart("/applications/new", applicationFields(name: "周测试", sequence: 9) + [("action", "submit")])
            let app = try await ApplicationModel.query(on: test.db).filter(\.$applicantName == "周测试").firstOrFail()
            let station = Browser(test)
            try await station.login("gongzuozhan1", DemoSeed.staffPassword)
            let noReferral = try await station.post(SiteURL.action(app.id!, .preReject).path, [("version", "1"), ("reason", "已超过诉讼时效"), ("referral", "")])
            XCTAssertEqual(noReferral.status, .unprocessableEntity)
            XCTAssertTrue(noReferral.contains("请告知申请人可以寻求帮助的其他途径"))
            XCTAssertTrue(noReferral.contains("已超过诉讼时效"), "what was typed is kept")
            let rejected = try await station.post(SiteURL.action(app.id!, .preReject).path,
                                                  [("version", "1"), ("reason", "已超过诉讼时效"), ("referral", "可向幸福街道人民调解委员会申请调解")])
            XCTAssertEqual(rejected.status, .seeOther)
            let _v25 = try await test.application(app.number).applicationState
            XCTAssertEqual(_v25, .preRejected)
        }
    }

    func test_citizenSavesADraftAndComesBackToIt() async throws {
        try await withTestApp { test in
            let point = try await test.organisation(test.xingfuPointName)
            let citizen = Browser(test)
            try await citizen.login(DemoSeed.citizenPhone, DemoSeed.citizenPassword)
            let saved = try await citizen.postMultipart("/applications/new", [("applicant.name", "李示例"), ("matter.cause", "赡养纠纷"),
                                                                              ("communityPointID", point.id!.uuidString), ("action", "save")])
            XCTAssertEqual(saved.status, .seeOther)
            let edit = try await citizen.get(try XCTUnwrap(saved.location))
            XCTAssertTrue(edit.contains("草稿已保存"))
            XCTAssertTrue(edit.contains("value=\"赡养纠纷\""))

            // Submitting the incomplete draft marks every missing field and keeps the draft.
            let submit = try await citizen.postMultipart(try XCTUnwrap(saved.location), [("applicant.name", "李示例"), ("matter.cause", "赡养纠纷"),
                                                                                         ("communityPointID", point.id!.uuidString), ("version", "0"), ("action", "submit")])
            XCTAssertEqual(submit.status, .unprocessableEntity)
            XCTAssertTrue(submit.contains("请填写申请人身份证号码"))
            XCTAssertTrue(submit.contains("请阅读并确认个人诚信承诺"))
            let drafts = try await ApplicationModel.query(on: test.db).filter(\.$ownerAccountID == (try await test.account(DemoSeed.citizenPhone)).id!)
                .filter(\.$state == "draft").count()
            XCTAssertEqual(drafts, 2) // the seeded draft and this one
        }
    }
}
