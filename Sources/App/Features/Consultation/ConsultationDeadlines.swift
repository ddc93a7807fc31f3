import Fluent
import LegalAidCore
import Vapor
import DeskCore

/// The message board's 24-hour clock on the workbench and in the deadline sweep, with the same
/// alerts as the legal aid deadlines: to whoever took the question, or while nobody has, to the
/// desk centre's reviewers (who run the desk); the centre's directors supervise.
enum ConsultationDeadlines {
    static func collect(on db: Database, staff: DeadlineBoard.Staff, tree: OrganisationTree, rules: DeskRules) async throws -> [WatchedDeadline] {
        let open = try await ConsultationModel.query(on: db)
            .field(\.$id).field(\.$deskID).field(\.$topic).field(\.$queuedAt).field(\.$replyDue).field(\.$channel).field(\.$responsibleAccountID)
            .filter(\.$channel == ConsultationChannel.messageBoard.rawValue)
            .filter(\.$state == ConsultationState.awaitingReply.rawValue)
            .sort(\.$queuedAt).limit(5000).all()
        return open.compactMap { question in
            guard let id = question.id else { return nil }
            let responsible = question.responsibleAccountID.map { Set([$0]) } ?? staff.with(.centreReviewer, in: question.deskID, tree: tree)
            return WatchedDeadline(kind: .consultationReply, subjectID: id, label: "留言咨询（\(question.consultationTopic.chinese)）",
                                   due: question.answerDue(rules) ?? question.queuedAt, responsible: responsible,
                                   supervisors: staff.with(.centreDirector, in: question.deskID, tree: tree),
                                   link: SiteURL.consultation(.value(id)).path)
        }
    }
}
