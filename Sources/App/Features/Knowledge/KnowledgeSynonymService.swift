import Fluent
import Foundation
import KnowledgeCore
import LegalAidCore
import SQLKit
import Vapor

/// The colloquial-word list editors keep (issue #25): every change is written with a history
/// row and an audit entry in one transaction; a save made on an older version is refused, so two
/// editors never overwrite each other. 智能咨询 reads the list from memory (`KnowledgeAnswers`),
/// which notices a change by `KnowledgeGeneration`.
struct KnowledgeSynonymService: ScopedService {
    let scope: ServiceScope

    /// The words, alphabetically by pinyin-less code point (what the page pages through); `typed`
    /// narrows to the words or terms holding it.
    func list(matching typed: String, page: ListPage) async throws -> Paged<KnowledgeSynonymModel> {
        var query = KnowledgeSynonymModel.query(on: db)
        if !typed.isEmpty {
            query = query.group(.or) { $0.filter(\.$word ~~ typed).filter(\.$storedTerms ~~ typed) }
        }
        return try await query.sort(\.$word).sort(\.$id).paged(page)
    }

    func find(_ id: UUID) async throws -> KnowledgeSynonymModel {
        guard let synonym = try await KnowledgeSynonymModel.find(id, on: db) else { throw AppError.notFound("口语词") }
        return synonym
    }

    /// Every change, newest first: of one word, or of the whole list.
    func history(of id: UUID?, page: ListPage) async throws -> Paged<KnowledgeSynonymChangeModel> {
        var query = KnowledgeSynonymChangeModel.query(on: db)
        if let id { query = query.filter(\.$synonymID == id) }
        return try await query.sort(\.$at, .descending).sort(\.$id).paged(page)
    }

    /// The whole list as 智能咨询 uses it.
    static func current(on db: Database) async throws -> SynonymList {
        let rows = try await (db as! any SQLDatabase).raw("SELECT word, terms FROM knowledge_synonyms").all()
        var entries: [String: [String]] = [:]
        for row in rows {
            entries[try row.decode(column: "word", as: String.self)] =
                try row.decode(column: "terms", as: String.self).components(separatedBy: KnowledgeSynonymModel.separator).filter { !$0.isEmpty }
        }
        return SynonymList(entries)
    }

    static let taken = AppError(status: .conflict, code: "duplicateWord", message: "这个口语词已在词表中，请在原词上修改", field: "word")

    func add(_ input: KnowledgeSynonymInput, by editor: AccountModel) async throws -> KnowledgeSynonymModel {
        try await services.transaction(on: db) { tx in
            guard try await KnowledgeSynonymModel.query(on: tx).filter(\.$word == input.word).first() == nil else { throw Self.taken }
            let synonym = KnowledgeSynonymModel(word: input.word, terms: input.terms, at: now)
            try await synonym.create(on: tx)
            try await record(synonym, .added, before: nil, note: input.note, by: editor, on: tx)
            return synonym
        }
    }

    /// Saves a change made on `expectedVersion` (the word itself may be renamed).
    func change(_ id: UUID, _ input: KnowledgeSynonymInput, expectedVersion: Int, by editor: AccountModel) async throws -> KnowledgeSynonymModel {
        try await services.transaction(on: db) { tx in
            let synonym = try await locked(id, expectedVersion, on: tx)
            if input.word != synonym.word, try await KnowledgeSynonymModel.query(on: tx).filter(\.$word == input.word).first() != nil {
                throw Self.taken
            }
            let before = synonym.storedTerms
            synonym.word = input.word
            synonym.storedTerms = input.terms.joined(separator: KnowledgeSynonymModel.separator)
            synonym.version += 1
            synonym.updatedAt = now
            try await synonym.update(on: tx)
            try await record(synonym, .changed, before: before, note: input.note, by: editor, on: tx)
            return synonym
        }
    }

    func remove(_ id: UUID, expectedVersion: Int, note: String, by editor: AccountModel) async throws -> KnowledgeSynonymModel {
        try await services.transaction(on: db) { tx in
            let synonym = try await locked(id, expectedVersion, on: tx)
            try await synonym.delete(on: tx)
            try await record(synonym, .removed, before: synonym.storedTerms, note: note, by: editor, on: tx)
            return synonym
        }
    }

    /// The word at the version its editor read, its version moved on in the same statement.
    private func locked(_ id: UUID, _ expectedVersion: Int, on tx: Database) async throws -> KnowledgeSynonymModel {
        guard let synonym = try await KnowledgeSynonymModel.find(id, on: tx) else { throw AppError.notFound("口语词") }
        do {
            try await OptimisticLock.advance(KnowledgeSynonymModel.schema, id: id, from: expectedVersion, on: tx)
        } catch WorkflowError.changedConcurrently {
            throw AppError(status: .conflict, code: "staleVersion", message: "这个词已被他人修改（当前为第\(synonym.version)版），请刷新后在最新版本上修改",
                           field: "version")
        }
        synonym.version = expectedVersion
        return synonym
    }

    private func record(_ synonym: KnowledgeSynonymModel, _ action: KnowledgeSynonymChangeModel.Action, before: String?, note: String,
                        by editor: AccountModel, on tx: Database) async throws {
        try await KnowledgeSynonymChangeModel(synonym, action: action, before: before, note: note, by: editor.id, at: now).create(on: tx)
        try await KnowledgeGeneration.bump(.synonyms, on: tx)
        try await AuditLog.append(AuditRecord(account: editor, event: "knowledge.synonym\(action.rawValue.capitalized)", target: "knowledge-synonym:\(synonym.id!)",
                                              clientAddress: clientAddress, detail: synonym.word), at: now, on: tx)
    }
}
