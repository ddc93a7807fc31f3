import Fluent
import LegalAidCore
import SQLKit
import Vapor
import DeskCore

/// Consultations as the API and the pages show them: what the viewer may see, nothing more.
struct ConsultationView {
    let req: Request
    init(_ req: Request) { self.req = req }

    var rules: DeskRules { req.fayuan.settings.deskRules }

    func summary(_ c: ConsultationModel) -> API.ConsultationSummary {
        API.ConsultationSummary(
            id: c.id!, channel: c.channel, topic: c.topic, topicLabel: c.consultationTopic.chinese, state: c.state,
            stateLabel: c.consultationState.chinese, askerName: c.askerName, responsibleID: c.responsibleAccountID, queuedAt: c.queuedAt,
            escalationDue: c.consultationState == .waiting ? rules.escalationDue(queuedAt: c.queuedAt) : nil,
            replyDue: c.answerDue(rules),
            messageCount: c.messageCount, outcome: c.outcome, applicationID: c.applicationID)
    }

    /// Where a file is fetched: the pages' address for a browser, the API's for an app.
    enum FileLinks { case pages, api }

    /// Messages as they are shown, each with its file (read in one query).
    static func messages(_ ms: [ConsultationMessageModel], links: FileLinks, on db: Database) async throws -> [API.ConsultationMessage] {
        let ids = ms.compactMap(\.attachmentID)
        var files: [UUID: ConsultationFileModel] = [:]
        if !ids.isEmpty {
            for file in try await ConsultationFileModel.query(on: db).filter(\.$id ~~ ids).all() { files[file.id!] = file }
        }
        return ms.map { m in
            let file = m.attachmentID.flatMap { files[$0] }.map { f in
                API.ConsultationFile(id: f.id!, name: f.originalName, contentType: f.contentType, size: f.size,
                                     url: links == .pages ? SiteURL.consultationFile(.value(m.consultationID), .value(f.id!)).path
                                         : SiteURL.api(.consultationFile(.value(m.consultationID), .value(f.id!))).path)
            }
            return API.ConsultationMessage(id: m.id!, seq: m.seq, author: m.author, authorName: m.authorName, body: m.body, at: m.at, file: file)
        }
    }

    func detail(_ c: ConsultationModel, party: ConsultationParty, after: Int, links: FileLinks = .api) async throws -> API.ConsultationDetail {
        let service = ConsultationService(req)
        let messages = try await service.messages(of: c.id!, after: after)
        var place: Int?
        var text: String?
        if c.consultationState == .waiting {
            let waiting = try await service.waiting(at: c.deskID).map { WaitingRequest(id: $0.id!, queuedAt: $0.queuedAt) }
            let duty = try await service.dutyMembers(c.deskID)
            if let position = DeskQueue.position(of: c.id!, waiting: waiting, duty: duty, rules: rules, averageChat: nil) {
                place = position.place
                text = position.chinese(escalateAfter: rules.escalateAfter)
            }
        }
        let isAsker = party == .asker
        var summary = summary(c)
        if let application = c.applicationID {
            summary.applicationNumber = try await ApplicationModel.find(application, on: req.db)?.number
        }
        return API.ConsultationDetail(summary: summary, messages: try await Self.messages(messages, links: links, on: req.db), queuePlace: place, queueText: text,
                                      rating: c.rating, canRate: isAsker && c.consultationState == .closed && c.rating == nil,
                                      callbackPhone: Self.callbackPhone(c, party: party))
    }

    /// The number to dial: desk staff see it while a call back is owed, and whoever holds an
    /// open consultation; nobody else (the asker knows their own number).
    static func callbackPhone(_ c: ConsultationModel, party: ConsultationParty) -> String? {
        guard case .staff(let actor) = party, ConsultationWorkflow.servesDesk(actor) else { return nil }
        let state = c.consultationState
        guard state == .callback || (state.isOpen && c.responsibleAccountID == actor.accountID) else { return nil }
        return c.phone
    }

    func desk(for account: AccountModel) async throws -> API.DeskState {
        let reference = try await req.referenceData()
        let desk = try ConsultationDesk.forStaff(account, reference)
        let service = ConsultationService(req)
        let members = try await service.dutyMembers(desk.id)
        let names = try await AccountModel.query(on: req.db).filter(\.$id ~~ members.map(\.accountID)).all()
            .reduce(into: [UUID: String]()) { $0[$1.id!] = $1.displayName }
        let open = try await ConsultationModel.query(on: req.db).filter(\.$deskID == desk.id)
            .filter(\.$state ~~ [ConsultationState.waiting, .active, .callback, .awaitingReply].map(\.rawValue))
            .sort(\.$queuedAt).limit(500).all()
        let availability = ConsultationDesk.availability(desk, reference, settings: req.fayuan.settings, now: req.now)
        let me = account.id!
        return API.DeskState(
            deskID: desk.id, deskName: desk.name, open: availability.isOpen, availability: availability.chinese,
            onDuty: members.contains { $0.accountID == me },
            waiting: open.filter { $0.consultationState == .waiting }.map(summary),
            mine: open.filter { $0.consultationState == .active && $0.responsibleAccountID == me }.map(summary),
            callbacks: open.filter { $0.consultationState == .callback && ($0.responsibleAccountID == nil || $0.responsibleAccountID == me) }.map(summary),
            questions: open.filter { $0.consultationState == .awaitingReply && ($0.responsibleAccountID == nil || $0.responsibleAccountID == me) }.map(summary),
            staffOnDuty: members.sorted { $0.onDutySince < $1.onDutySince }.map {
                API.DutyEntry(accountID: $0.accountID, name: names[$0.accountID] ?? "", openChats: $0.openChats, since: $0.onDutySince)
            },
            figures: try await figures(desk: desk.id))
    }

    /// Today's figures for the desk, counted by the database where it can.
    func figures(desk: UUID) async throws -> API.DeskFiguresBody {
        let now = req.now
        let startOfDay = LocalDate(now).startOfDay
        let openStates = [ConsultationState.waiting, .callback, .awaitingReply].map(\.rawValue)
        let rows = try await ConsultationModel.query(on: req.db).filter(\.$deskID == desk)
            .group(.or) { $0.filter(\.$queuedAt >= startOfDay).filter(\.$state ~~ openStates) }
            .limit(20_000).all()
        let records = rows.map {
            DeskRecord(channel: $0.consultationChannel, state: $0.consultationState, queuedAt: $0.queuedAt, takenAt: $0.takenAt, closedAt: $0.closedAt,
                       replyDue: $0.answerDue(rules))
        }
        let attempts = try await ConsultationEventModel.query(on: req.db).join(ConsultationModel.self, on: \ConsultationEventModel.$consultationID == \ConsultationModel.$id)
            .filter(ConsultationModel.self, \.$deskID == desk)
            .filter(\.$event == "callbackAttempt").filter(\.$at >= startOfDay).count()
        // SUM over a BIGINT column is NUMERIC on PostgreSQL: cast back so both databases give an integer.
        let ratings = try await (req.db as! any SQLDatabase).select()
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .column(SQLRaw("CAST(COALESCE(SUM(rating), 0) AS BIGINT)"), as: "stars")
            .from(ConsultationModel.schema)
            .where("desk_id", .equal, SQLBind(desk)).where("rating", .isNot, SQLLiteral.null)
            .where("closed_at", .greaterThanOrEqual, SQLBind(now.addingTimeInterval(-30 * 86400)))
            .first()
        let count = try ratings?.decode(column: "n", as: Int.self) ?? 0
        let stars = try ratings?.decode(column: "stars", as: Int.self) ?? 0
        let f = DeskFigures.compute(records, callbackAttemptsToday: attempts, ratings: (count, stars), startOfDay: startOfDay, now: now, rules: rules)
        return API.DeskFiguresBody(
            waiting: f.waiting, longestWaitSeconds: f.longestWait.map { Int($0) }, liveDecidedToday: f.liveDecided,
            answeredInTimeToday: f.answeredInTime, answerRate: f.answerRate, callbacksOwed: f.callbacksOwed,
            callbackAttemptsToday: f.callbackAttemptsToday, questionsOpen: f.questionsOpen, repliesOverdue: f.repliesOverdue,
            ratings: f.ratings, averageRating: f.averageRating)
    }
}
