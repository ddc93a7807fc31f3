import Fluent
import KnowledgeCore
import MediationCore
import Vapor

/// 纠纷怎么办: the kinds of dispute, then one kind's guide with what the law says for the person's
/// own words. A GET, for anyone; it writes nothing (the question is not kept as unanswered).
struct DisputeGuideController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.disputes, use: kinds)
        routes.get(.dispute(.key), use: guide)
    }

    func kinds(req: Request) async throws -> Response {
        try await DisputeKindsPage().render(req).encodeResponse(for: req)
    }

    func guide(req: Request) async throws -> Response {
        guard let type = req.parameters.get("type").flatMap(DisputeType.init(rawValue:)) else { throw AppError.notFound("纠纷类型") }
        let guide = DisputeGuide.guide(type)
        let typed = req.typedWords(limit: KnowledgeQuestionLog.length)
        let answer = try await KnowledgeService(req).ask(typed.isEmpty ? guide.lawQuestion : "\(typed) \(guide.lawQuestion)", limit: 3,
                                                         answers: req.application.knowledgeAnswers)
        return try await DisputeGuidePage(guide: guide, typed: typed, law: answer.results.map { $0.item(answer.question.highlight) },
                                          routes: RoutesStillOpen.routes(for: type))
            .render(req).encodeResponse(for: req)
    }
}
