import Fluent
import Foundation
import LegalAidCore
import Vapor
import DirectoryCore
import KnowledgeCore

/// `Run import-directory FILE.csv`: the same checks and the same one-transaction write as the
/// import page, with progress on the console. A file with any refused row writes nothing and
/// lists every row's problems.
struct ImportDirectoryCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "CSV file (UTF-8, with or without BOM) of institutions or of people")
        var file: String
    }

    var help: String { "Import institutions or people of the directory from a CSV file (all rows or none)." }

    struct Refused: Error, CustomStringConvertible {
        var description: String
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let data = FileManager.default.contents(atPath: signature.file) else { throw Refused(description: "cannot read \(signature.file)") }
        guard let text = String(data: data, encoding: .utf8) else { throw Refused(description: "the file is not UTF-8; save it as “CSV UTF-8”") }
        let service = DirectoryService(scope: ServiceScope(db: app.db, services: app.fayuan, now: app.fayuan.clock.now(), clientAddress: "command"))
        let file: DirectoryImportFile
        let known = try await service.knownNames()
        do { file = try DirectoryImport.read(text, knownNames: known) } catch {
            throw Refused(description: error.message)
        }
        context.console.print("checked \(file.count + file.rejected.count) rows")
        guard file.rejected.isEmpty else {
            for row in file.rejected { context.console.print("line \(row.line) (\(row.name)): " + row.errors.map(\.message).joined(separator: "; ")) }
            throw Refused(description: "\(file.rejected.count) rows refused; nothing was imported")
        }
        let total = file.count
        do {
            let outcome = try await service.importRows(file, by: nil) { done in context.console.print("written \(done)/\(total)") }
            context.console.print("imported: \(outcome.created) new, \(outcome.updated) updated")
        } catch let failure as ImportRowFailure {
            throw Refused(description: "line \(failure.row.line) (\(failure.row.name)): " + failure.row.errors.map(\.message).joined(separator: "; ") + "; nothing was imported")
        }
    }
}

/// `Run import-law FILE.txt --title 名称`: a law from plain text (one article per line, 第N条)
/// into the knowledge base as a draft, checked as the edit page checks it.
struct ImportLawCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Plain text (UTF-8), each article on a new line starting 第N条")
        var file: String
        @Option(name: "title", help: "The law's name")
        var title: String?
        @Option(name: "as", help: "Username of the editor the version is recorded under (a knowledge editor)")
        var editor: String?
    }

    var help: String { "Import a law from plain text into the knowledge base as a draft." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let data = FileManager.default.contents(atPath: signature.file), let text = String(data: data, encoding: .utf8) else {
            throw ImportDirectoryCommand.Refused(description: "cannot read \(signature.file) as UTF-8 text")
        }
        let accounts = try await AccountModel.query(on: app.db).all()
        guard let editor = accounts.first(where: { account in
            (signature.editor.map { account.username == $0 } ?? true) && (account.actor.map(KnowledgeRules.mayEdit) ?? false)
        }) else { throw ImportDirectoryCommand.Refused(description: "no knowledge editor account\(signature.editor.map { " named \($0)" } ?? "")") }
        switch KnowledgeInput.parse(kind: KnowledgeKind.law.rawValue, title: signature.title, body: text, note: "从文本导入") {
        case .failure(let errors):
            throw ImportDirectoryCommand.Refused(description: errors.errors.map { "\($0.field): \($0.message)" }.joined(separator: "; "))
        case .success(let input):
            let entry = try await KnowledgeService(scope: ServiceScope(db: app.db, services: app.fayuan, now: app.fayuan.clock.now())).create(input, by: editor)
            context.console.print("imported \(LawText.articles(input.body).count) articles as a draft: \(SiteURL.editKnowledgeEntry(.value(entry.id!)).path)")
        }
    }
}
