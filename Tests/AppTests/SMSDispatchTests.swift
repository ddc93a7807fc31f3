import Fluent
import XCTVapor
import XCTest
import NIOCore
import NIOConcurrencyHelpers
@testable import App
@testable import LegalAidCore

/// SMS really leave: the dispatcher sends the outbox through the configured gateway, marks each
/// message with the provider's answer, retries what can be retried with growing waits, never
/// sends one message twice from two instances, and drops what is too old to be of use.
final class SMSDispatchTests: XCTestCase {
    private let phones = ["13700001001", "13700001002", "13700001003"]

    private func withProvider(delay: TimeAmount = .zero, _ body: (TestApp, FakeSMSProvider) async throws -> Void) async throws {
        let provider = try await FakeSMSProvider.start(delay: delay)
        do {
            try await withTestApp(now: Date(), adjust: { $0.smsGateway = .provider(provider.settings) }) { test in
                try await SMSOutboxModel.query(on: test.db).delete()  // the demo data's own messages
                try await body(test, provider)
            }
        } catch {
            try await provider.shutdown()
            throw error
        }
        try await provider.shutdown()
    }

    private func queue(_ phone: String, _ notice: Notice = Notice(LawyerAssigned(number: "FY2026-000123", lawyer: "王某")),
                       on test: TestApp) async throws -> SMSOutboxModel {
        let row = SMSOutboxModel(notice, to: MobileNumber.parse(phone)!, applicationID: nil)
        try await row.create(on: test.db)
        return row
    }

    private func dispatcher(_ test: TestApp) -> SMSDispatcher {
        SMSDispatcher(gateway: test.app.fayuan.smsGateway, services: test.app.fayuan)
    }

    private func reload(_ row: SMSOutboxModel, _ test: TestApp) async throws -> SMSOutboxModel {
        try await SMSOutboxModel.find(row.id, on: test.db)!
    }

    func test_theSignatureIsComputedAsThePublishedExampleOfTheCommonProviderAPI() {
        // Alibaba Cloud's documented SendSms example (GET, secret "testSecret").
        let parameters = [
            "AccessKeyId": "testId", "Action": "SendSms", "Format": "XML", "OutId": "123", "PhoneNumbers": "15300000001", "RegionId": "cn-hangzhou",
            "SignName": "阿里云短信测试专用", "SignatureMethod": "HMAC-SHA1", "SignatureNonce": "45e25e9b-0a6f-4070-8c85-2956eda1b466",
            "SignatureVersion": "1.0", "TemplateCode": "SMS_71390007", "TemplateParam": "{\"customer\":\"test\"}",
            "Timestamp": "2017-07-12T02:42:19Z", "Version": "2017-05-25",
        ]
        XCTAssertEqual(ProviderSMSGateway.signature(method: "GET", parameters: parameters, secret: "testSecret"), "zJDF+Lrzhj/ThnlvIToysFRq6t4=")
    }

    func test_eachMessageIsSentAsItsTemplateAndMarkedWithTheProvidersAnswer() async throws {
        try await withProvider { test, provider in
            provider.script(phones[1], ["isv.BUSINESS_LIMIT_CONTROL"])  // throttled once
            provider.script(phones[2], ["isv.MOBILE_NUMBER_ILLEGAL"])   // never deliverable
            let rows = [try await queue(phones[0], on: test), try await queue(phones[1], on: test), try await queue(phones[2], on: test)]

            let first = try await dispatcher(test).runOnce(on: test.db)
            XCTAssertEqual(first, .init(sent: 1, retrying: 1, failed: 1))

            let sent = try await reload(rows[0], test)
            XCTAssertEqual(sent.status, "sent")
            XCTAssertEqual(sent.providerReference?.hasPrefix("biz-"), true)
            XCTAssertEqual(sent.attempts, 1)
            let request = try XCTUnwrap(provider.received.first { $0["PhoneNumbers"] == phones[0] })
            XCTAssertEqual(request["TemplateCode"], provider.settings.templateCodes["lawyerAssigned"])
            XCTAssertEqual(request["TemplateParam"], #"{"lawyer":"王某","number":"FY2026-000123"}"#)
            XCTAssertEqual(request["SignName"], "法援在线")
            XCTAssertEqual(request["AccessKeyId"], "test-id")

            let refused = try await reload(rows[2], test)
            XCTAssertEqual(refused.status, "failed")
            XCTAssertEqual(refused.providerAnswer, "isv.MOBILE_NUMBER_ILLEGAL: scripted")

            let throttled = try await reload(rows[1], test)
            XCTAssertEqual(throttled.status, "pending")
            XCTAssertEqual(throttled.nextAttemptAt?.timeIntervalSince(test.clock.now()) ?? 0, 30, accuracy: 0.01)
            // Not before its time …
            let early = try await dispatcher(test).runOnce(on: test.db)
            XCTAssertEqual(early, .init())
            // … then it goes.
            test.clock.set(test.clock.now().addingTimeInterval(31))
            let second = try await dispatcher(test).runOnce(on: test.db)
            XCTAssertEqual(second, .init(sent: 1))
            let retried = try await reload(rows[1], test)
            XCTAssertEqual(retried.status, "sent")
            XCTAssertEqual(retried.attempts, 2)
            XCTAssertEqual(provider.received.count, 4)
        }
    }

    func test_aMessageTheProviderKeepsRefusingForNowIsRetriedWithDoublingWaitsThenGivenUp() async throws {
        XCTAssertEqual((1...8).map(SMSDispatcher.backoff(afterAttempt:)), [30, 60, 120, 240, 480, 960, 1920, 3600])
        try await withProvider { test, provider in
            provider.script(phones[0], Array(repeating: "HTTP503", count: 10))
            let row = try await queue(phones[0], on: test)
            var waits: [TimeInterval] = []
            for _ in 1...6 {
                _ = try await dispatcher(test).runOnce(on: test.db)
                let now = test.clock.now()
                let current = try await reload(row, test)
                if let next = current.nextAttemptAt, current.status == "pending" {
                    waits.append(next.timeIntervalSince(now).rounded())
                    test.clock.set(next.addingTimeInterval(1))
                }
            }
            XCTAssertEqual(waits, [30, 60, 120, 240, 480])
            let given = try await reload(row, test)
            XCTAssertEqual(given.status, "failed")
            XCTAssertEqual(given.attempts, 6)
            XCTAssertEqual(provider.received.count, 6)
        }
    }

    /// Issue #23 item 8: with a slow provider every row of a batch may take the whole timeout;
    /// a claim must outlast that, or a second instance claims and sends the same message.
    func test_aClaimOutlastsABatchSentAtTheProvidersTimeout() async throws {
        try await withTestApp(now: Date()) { test in
            let slow = ProviderSMSGateway(settings: FakeSMSProvider.closedPortSettings(), client: test.app.client, now: { Date() }, timeout: .seconds(10))
            let dispatcher = SMSDispatcher(gateway: slow, services: test.app.fayuan)
            XCTAssertGreaterThan(dispatcher.lease, Double(dispatcher.batch) * 10, "20 rows × 10 s must fit inside the lease")
            let slower = ProviderSMSGateway(settings: FakeSMSProvider.closedPortSettings(), client: test.app.client, now: { Date() }, timeout: .seconds(30))
            XCTAssertGreaterThan(SMSDispatcher(gateway: slower, services: test.app.fayuan).lease, Double(dispatcher.batch) * 30)
        }
    }

    func test_anUnreachableProviderMeansTryAgainLater() async throws {
        try await withTestApp(now: Date()) { test in
            try await SMSOutboxModel.query(on: test.db).delete()
            let row = try await queue(phones[0], on: test)
            let gateway = ProviderSMSGateway(settings: FakeSMSProvider.closedPortSettings(), client: test.app.client, now: { Date() }, timeout: .milliseconds(500))
            let round = try await SMSDispatcher(gateway: gateway, services: test.app.fayuan).runOnce(on: test.db)
            XCTAssertEqual(round, .init(retrying: 1))
            let answer = try await reload(row, test).providerAnswer
            XCTAssertEqual(answer?.hasPrefix("Unreachable"), true, answer ?? "")
        }
    }

    func test_aSignInCodeOlderThanItsFiveMinutesIsNotSent() async throws {
        try await withProvider { test, provider in
            let row = try await queue(phones[0], Notice(SignInCode(code: "123456")), on: test)
            test.clock.set(Date().addingTimeInterval(6 * 60))
            let round = try await dispatcher(test).runOnce(on: test.db)
            XCTAssertEqual(round, .init(failed: 1))
            let answer = try await reload(row, test).providerAnswer
            XCTAssertEqual(answer?.hasPrefix("Expired"), true)
            XCTAssertTrue(provider.received.isEmpty)
        }
    }

    func test_twoInstancesSendingAtOnceSendEachMessageExactlyOnce() async throws {
        try await withProvider(delay: .milliseconds(5)) { test, provider in
            for i in 0..<40 { _ = try await queue("1370000\(String(format: "%04d", 2000 + i))", on: test) }
            async let a = dispatcher(test).runOnce(on: test.db)
            async let b = dispatcher(test).runOnce(on: test.db)
            let (first, second) = try await (a, b)
            XCTAssertEqual(first.sent + second.sent, 40)
            XCTAssertEqual(provider.received.count, 40)
            XCTAssertEqual(Set(provider.received.compactMap { $0["PhoneNumbers"] }).count, 40)
            let pending = try await SMSOutboxModel.query(on: test.db).filter(\.$status != "sent").count()
            XCTAssertEqual(pending, 0)
        }
    }

    func test_theApplicantsNoticesReachTheProviderThroughTheDispatcher() async throws {
        try await withProvider { test, provider in
            let app = try await test.applicationAwaitingDecision(name: "孙短信", sequence: 42)
            let number = app.number
            let round = try await dispatcher(test).runOnce(on: test.db)
            XCTAssertGreaterThanOrEqual(round.sent, 3, "submitted, pre-approved, accepted")
            let request = try XCTUnwrap(provider.received.first { $0["PhoneNumbers"] == app.form.contactPhone })
            XCTAssertEqual(request["TemplateCode"], provider.settings.templateCodes["applicationProgress"])
            XCTAssertTrue(request["TemplateParam"]!.contains(number))
            XCTAssertFalse(request["TemplateParam"]!.contains("街道法律援助工作站将进行初审"), "the in-app next step is not sent by SMS")
        }
    }

    func test_theLoggingGatewayNamesNeitherTheNumberNorTheText() async {
        let lines = LockedLines()
        let gateway = LoggingSMSGateway(log: { lines.append($0) })
        let notice = Notice(SignInCode(code: "654321"))
        let answer = await gateway.send(OutgoingSMS(phone: "13900000001", template: notice.template, parameters: notice.smsParameters, text: notice.sms))
        guard case .accepted = answer.outcome else { return XCTFail("\(answer)") }
        let line = lines.all.joined()
        XCTAssertTrue(line.contains("******0001"))
        XCTAssertFalse(line.contains("13900000001"))
        XCTAssertFalse(line.contains("654321"))
    }

    func test_aProviderWithoutACodeForEveryTemplateIsRefusedAtStartUp() {
        var env = ["FAYUAN_SMS_GATEWAY": "provider", "FAYUAN_SMS_ENDPOINT": "https://sms.example.cn/", "FAYUAN_SMS_ACCESS_KEY_ID": "id",
                   "FAYUAN_SMS_ACCESS_KEY_SECRET": "secret", "FAYUAN_SMS_TEMPLATE_CODES": #"{"signInCode":"SMS_1"}"#]
        XCTAssertThrowsError(try Settings.fromEnvironment(env)) { error in
            let problem = error as? ConfigurationError
            XCTAssertEqual(problem?.variable, "FAYUAN_SMS_TEMPLATE_CODES")
            XCTAssertTrue(problem?.problem.contains("lawyerAssigned") == true)
            XCTAssertFalse("\(error)".contains("secret"))
        }
        env["FAYUAN_SMS_TEMPLATE_CODES"] = String(data: try! JSONEncoder().encode(Dictionary(uniqueKeysWithValues: MessageTemplateCodes.all)), encoding: .utf8)
        XCTAssertEqual(try Settings.fromEnvironment(env).smsGateway, .provider(SMSProviderSettings(
            endpoint: "https://sms.example.cn/", accessKeyID: "id", accessKeySecret: "secret", signName: "法援在线",
            templateCodes: Dictionary(uniqueKeysWithValues: MessageTemplateCodes.all))))
        env["FAYUAN_SMS_GATEWAY"] = "carrier-pigeon"
        XCTAssertThrowsError(try Settings.fromEnvironment(env)) { XCTAssertEqual(($0 as? ConfigurationError)?.variable, "FAYUAN_SMS_GATEWAY") }
    }
}

final class LockedLines: Sendable {
    private let box = NIOLockedValueBox<[String]>([])
    func append(_ line: String) { box.withLockedValue { $0.append(line) } }
    var all: [String] { box.withLockedValue { $0 } }
}
