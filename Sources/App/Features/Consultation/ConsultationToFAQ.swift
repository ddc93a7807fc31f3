import Fluent
import LegalAidCore
import Vapor
import KnowledgeCore

/// A closed consultation written up as a public FAQ entry (issue #12 item 4): the question and
/// the answer given, with numbers, e-mail addresses and the names the conversation knows taken
/// out (`Redaction`), opened as a new knowledge-base draft the editor reads, corrects and then
/// publishes. Nothing is stored until the editor saves.
extension ConsultationController {
    func faqDraft(req: Request) async throws -> Response {
        let editor = try KnowledgeController.requireEditor(req)
        let id = try req.parameters.id()
        let (consultation, _) = try await ConsultationService(req).find(id, for: .account(editor))
        guard consultation.consultationState == .closed else {
            throw AppError(status: .conflict, code: "consultationOpen", message: "咨询结束后才能整理为常见问题")
        }
        let form = try await Self.faqForm(consultation, on: req.db)
        return try await KnowledgeEditPage(entry: nil, form: form, fromConsultation: id).render(req).encodeResponse(for: req)
    }

    /// 问 and 答 from the conversation, personal details out.
    static func faqForm(_ consultation: ConsultationModel, on db: Database) async throws -> KnowledgeEditPage.Form {
        let messages = try await ConsultationMessageModel.query(on: db).filter(\.$consultationID == consultation.id!)
            .filter(\.$author != ConsultationMessageModel.Author.system.rawValue).sort(\.$seq).limit(200).all()
        var names: [String: String] = [consultation.askerName: "咨询人"]
        for m in messages where m.author == ConsultationMessageModel.Author.staff.rawValue { names[m.authorName] = "工作人员" }
        if let owner = consultation.askerAccountID, let account = try await AccountModel.find(owner, on: db) { names[account.displayName] = "咨询人" }
        let asked = messages.filter { $0.author == ConsultationMessageModel.Author.asker.rawValue && $0.attachmentID == nil }
            .map { Redaction.redact($0.body, names: names) }
        var answered = messages.filter { $0.author == ConsultationMessageModel.Author.staff.rawValue && $0.attachmentID == nil }
            .map { Redaction.redact($0.body, names: names) }
        if answered.isEmpty, let note = consultation.outcomeNote { answered = [Redaction.redact(note, names: names)] }
        let first = asked.first.map { String($0.split(whereSeparator: \.isNewline).first ?? "") } ?? consultation.consultationTopic.chinese
        let title = first.count > KnowledgeRules.titleLength.upperBound ? String(first.prefix(KnowledgeRules.titleLength.upperBound - 1)) + "…" : first
        let body = "**问：**" + asked.joined(separator: "\n") + "\n\n**答：**" + answered.joined(separator: "\n")
        return KnowledgeEditPage.Form(kind: KnowledgeKind.faq.rawValue, title: title, body: body, note: "整理自\(consultation.consultationTopic.chinese)咨询")
    }
}
