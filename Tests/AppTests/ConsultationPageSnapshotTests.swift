import Foundation
import SnapshotTesting
import XCTest
@testable import App
@testable import DeskCore
@testable import LegalAidCore

/// The consultation desk's staff view and one conversation, as the asker and as the staff
/// member holding it see it, from fixed plain values.
final class ConsultationPageSnapshotTests: XCTestCase {
    static let conversation = UUID(uuidString: "00000000-0000-0000-0000-00000000C0C0")!
    static let staff = Mock.account("A9", "褚值班", [.centreReviewer], at: Mock.centre)

    static func summary(_ state: ConsultationState, channel: String = "online") -> API.ConsultationSummary {
        API.ConsultationSummary(id: conversation, channel: channel, topic: ConsultationTopic.labour.rawValue, topicLabel: ConsultationTopic.labour.chinese,
                                state: state.rawValue, stateLabel: state.chinese, askerName: "钱测试", responsibleID: staff.id,
                                queuedAt: chinaNoon("2026-03-10").addingTimeInterval(-600), escalationDue: chinaNoon("2026-03-10").addingTimeInterval(-300),
                                replyDue: nil, messageCount: 2, outcome: nil)
    }

    static let messages = [
        API.ConsultationMessage(id: UUID(uuidString: "00000000-0000-0000-0000-00000000C0C1")!, seq: 1, author: "asker", authorName: "钱测试",
                                body: "工地老板欠我五个月工资，怎么办？", at: chinaNoon("2026-03-10").addingTimeInterval(-600)),
        API.ConsultationMessage(id: UUID(uuidString: "00000000-0000-0000-0000-00000000C0C2")!, seq: 2, author: "staff", authorName: "褚值班",
                                body: "您好，请问有劳动合同或者欠条吗？", at: chinaNoon("2026-03-10").addingTimeInterval(-60)),
    ]

    func render(_ page: some PageView, path: String, as account: AccountModel? = nil) -> String {
        Mock.lines(page.render(in: Mock.context(account, path: path)))
    }

    func test_theDesk_oneWaitingPastItsEscalationTime_andTheFiguresOfTheDay() {
        let figures = API.DeskFiguresBody(waiting: 1, longestWaitSeconds: 600, liveDecidedToday: 4, answeredInTimeToday: 3, answerRate: 0.75,
                                          callbacksOwed: 1, callbackAttemptsToday: 2, questionsOpen: 0, repliesOverdue: 0, ratings: 3, averageRating: 4.7)
        let desk = API.DeskState(deskID: Mock.centre, deskName: "示范区法律援助中心", open: true, availability: "开放中，17:30结束", onDuty: true,
                                 waiting: [Self.summary(.waiting)], mine: [], callbacks: [Self.summary(.callback, channel: "hotline")], questions: [],
                                 staffOnDuty: [API.DutyEntry(accountID: Self.staff.id!, name: "褚值班", openChats: 0, since: chinaNoon("2026-03-10").addingTimeInterval(-7200))],
                                 figures: figures)
        let page = DeskPage(desk: desk, now: chinaNoon("2026-03-10"), rules: .standard, watching: false)
        assertSnapshot(of: render(page, path: SiteURL.desk.path, as: Self.staff), as: .lines)
    }

    func test_aConversation_asTheAskerSeesIt_whileItIsAnswered() {
        let page = ConversationPage(consultation: Self.summary(.active), messages: Self.messages, viewer: .asker, queueText: nil, canRate: false, rating: nil)
        assertSnapshot(of: render(page, path: SiteURL.consultation(.value(Self.conversation)).path, as: Mock.citizen), as: .lines)
    }

    func test_aConversation_asTheStaffMemberHoldingItSeesIt_withTheWaysToCloseIt() {
        let page = ConversationPage(consultation: Self.summary(.active), messages: Self.messages, viewer: .staff(responsible: true, onDuty: true),
                                    queueText: nil, canRate: false, rating: nil, colleagues: [(id: Mock.lawyer, name: "许丽")],
                                    communityPoints: [(value: Mock.point.uuidString, label: "幸福一社区")])
        assertSnapshot(of: render(page, path: SiteURL.consultation(.value(Self.conversation)).path, as: Self.staff), as: .lines)
    }
}
