import Fluent
import Foundation
import KnowledgeCore

/// One colloquial word of 智能咨询's list and the legal terms it stands for.
final class KnowledgeSynonymModel: Model, @unchecked Sendable {
    static let schema = "knowledge_synonyms"
    /// How the terms are stored and shown: 用人单位、雇主.
    static let separator = "、"

    @ID(key: .id) var id: UUID?
    @Field(key: "word") var word: String
    @Field(key: "terms") var storedTerms: String
    /// Goes up with every saved change; a save made on an older version is refused.
    @Field(key: "version") var version: Int
    @Field(key: "updated_at") var updatedAt: Date

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $word, $storedTerms, $version, $updatedAt] }

    init() {}

    init(word: String, terms: [String], at now: Date) {
        id = UUID()
        self.word = word
        storedTerms = terms.joined(separator: Self.separator)
        version = 1
        updatedAt = now
    }

    var terms: [String] { storedTerms.components(separatedBy: Self.separator).filter { !$0.isEmpty } }
}

/// One change to the list: a word seeded, added, changed or removed, by whom and when, with its
/// terms before and after.
final class KnowledgeSynonymChangeModel: Model, @unchecked Sendable {
    static let schema = "knowledge_synonym_changes"

    enum Action: String, Sendable {
        case seeded, added, changed, removed

        var label: String {
            switch self {
            case .seeded: "初始词表"
            case .added: "新增"
            case .changed: "修改"
            case .removed: "删除"
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "synonym_id") var synonymID: UUID
    @Field(key: "word") var word: String
    @Field(key: "action") var action: String
    @OptionalField(key: "terms_before") var termsBefore: String?
    @OptionalField(key: "terms_after") var termsAfter: String?
    @OptionalField(key: "note") var note: String?
    /// Nil for the seed a new installation starts with.
    @OptionalField(key: "editor_account_id") var editorAccountID: UUID?
    @Field(key: "at") var at: Date

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $synonymID, $word, $action, $termsBefore, $termsAfter, $note, $editorAccountID, $at] }

    init() {}

    init(_ synonym: KnowledgeSynonymModel, action: Action, before: String?, note: String?, by editor: UUID?, at now: Date) {
        id = UUID()
        synonymID = synonym.id!
        word = synonym.word
        self.action = action.rawValue
        termsBefore = before
        termsAfter = action == .removed ? nil : synonym.storedTerms
        self.note = (note?.isEmpty ?? true) ? nil : note
        editorAccountID = editor
        at = now
    }

    var changeAction: Action { Action(rawValue: action) ?? .changed }
}
