import Fluent
import Foundation
import LegalAidCore
import KnowledgeCore

/// One entry of the knowledge base as it stands now.
final class KnowledgeEntryModel: Model, @unchecked Sendable {
    static let schema = "knowledge_entries"

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "title") var title: String
    /// Markdown, rendered by `Markdown.html` (escaped: no HTML gets through).
    @Field(key: "body") var body: String
    @Field(key: "published") var published: Bool
    /// Goes up with every saved edit; the version rows keep each one.
    @Field(key: "version") var version: Int
    /// Public views, counted in memory and added every few seconds (a GET writes nothing).
    @Field(key: "views") var views: Int
    /// The consultation an FAQ entry was written from.
    @OptionalField(key: "source_consultation_id") var sourceConsultationID: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    @OptionalField(key: "published_at") var publishedAt: Date?

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $kind, $title, $body, $published, $version, $views, $sourceConsultationID, $createdAt, $updatedAt, $publishedAt] }

    init() {}

    var knowledgeKind: KnowledgeKind { KnowledgeKind(rawValue: kind) ?? .article }
}

/// One saved state of an entry: every edit, publication and withdrawal, by whom and when.
final class KnowledgeVersionModel: Model, @unchecked Sendable {
    static let schema = "knowledge_versions"

    @ID(key: .id) var id: UUID?
    @Field(key: "entry_id") var entryID: UUID
    @Field(key: "version") var version: Int
    @Field(key: "kind") var kind: String
    @Field(key: "title") var title: String
    @Field(key: "body") var body: String
    @OptionalField(key: "note") var note: String?
    /// created, edited, published, unpublished.
    @Field(key: "action") var action: String
    @Field(key: "editor_account_id") var editorAccountID: UUID
    @Field(key: "at") var at: Date

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $entryID, $version, $kind, $title, $body, $note, $action, $editorAccountID, $at] }

    init() {}
}

/// A question 智能咨询 did not answer well, as asked (numbers taken out), for staff to answer.
final class KnowledgeQuestionModel: Model, @unchecked Sendable {
    static let schema = "knowledge_questions"

    @ID(key: .id) var id: UUID?
    @Field(key: "question") var question: String
    @Field(key: "times_asked") var timesAsked: Int
    @Field(key: "first_asked_at") var firstAskedAt: Date
    @Field(key: "last_asked_at") var lastAskedAt: Date
    /// Staff wrote an answer or judged it needs none; asked again unanswered, it opens again.
    @Field(key: "handled") var handled: Bool

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $question, $timesAsked, $firstAskedAt, $lastAskedAt, $handled] }

    init() {}
}
