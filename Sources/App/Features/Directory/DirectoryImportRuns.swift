import Fluent
import Foundation
import LegalAidCore
import NIOConcurrencyHelpers
import Vapor
import DirectoryCore

/// Imports and how far each has gone, kept in the database so that the progress page answers on
/// whichever instance nginx sends it to. A run is checked in full first; only a file with no
/// refused row is written, in one transaction. The instance writing a file also keeps its row
/// count in memory, which its own pages show at once (on SQLite, whose one writer is busy with
/// the import, the stored count catches up when the transaction ends).
final class DirectoryImportRuns: Sendable {
    enum Phase: String, Sendable, Codable {
        case checking, writing, done, refused, failed
    }

    struct Run: Sendable {
        var id: UUID
        var fileName: String
        var startedBy: UUID
        var startedAt: Date
        var phase: Phase
        var total: Int
        var written: Int
        var rejected: [RejectedRow]
        var outcome: DirectoryService.ImportOutcome?
        var message: String?
    }

    /// Rows written so far by the imports this instance is running.
    private let writing = NIOLockedValueBox<[UUID: Int]>([:])
    /// Runs kept; older ones are removed when a new one starts.
    static let kept = 50

    func start(fileName: String, by account: UUID, at now: Date, on db: Database) async throws -> UUID {
        let row = DirectoryImportRunModel()
        row.id = UUID()
        row.fileName = fileName
        row.startedBy = account
        row.startedAt = now
        row.phase = Phase.checking.rawValue
        row.total = 0
        row.written = 0
        row.rejected = []
        try await row.create(on: db)
        let old = try await DirectoryImportRunModel.query(on: db).sort(\.$startedAt, .descending).all(\.$id).dropFirst(Self.kept)
        if !old.isEmpty { try await DirectoryImportRunModel.query(on: db).filter(\.$id ~~ Array(old)).delete() }
        return row.id!
    }

    func run(_ id: UUID, on db: Database) async throws -> Run? {
        guard let row = try await DirectoryImportRunModel.find(id, on: db) else { return nil }
        var run = row.run
        if let live = writing.withLockedValue({ $0[id] }), run.phase == .writing { run.written = max(run.written, live) }
        return run
    }

    private func update(_ id: UUID, on db: Database, _ change: @Sendable (DirectoryImportRunModel) -> Void) async {
        do {
            guard let row = try await DirectoryImportRunModel.find(id, on: db) else { return }
            change(row)
            try await row.save(on: db)
        } catch {
            Logger(label: "fayuan.directory").error("could not record an import's progress: \(String(reflecting: type(of: error)))")
        }
    }

    /// Checks and writes a file in the background, recording each stage.
    func perform(_ id: UUID, text: String, service: DirectoryService, editor: AccountModel) {
        let db = service.db
        Task {
            do {
                let file = try DirectoryImport.read(text, knownNames: try await service.knownNames())
                let total = file.count + file.rejected.count
                guard file.rejected.isEmpty else {
                    return await update(id, on: db) { $0.total = total; $0.rejected = file.rejected; $0.phase = Phase.refused.rawValue }
                }
                await update(id, on: db) { $0.total = total; $0.phase = Phase.writing.rawValue }
                let outcome = try await service.importRows(file, by: editor) { done in
                    self.writing.withLockedValue { $0[id] = done }
                    Task { await self.update(id, on: db) { $0.written = max($0.written, done) } }
                }
                await update(id, on: db) {
                    $0.phase = Phase.done.rawValue
                    $0.created = outcome.created
                    $0.updated = outcome.updated
                    $0.written = file.count
                }
            } catch let error as DirectoryImport.FileError {
                await update(id, on: db) { $0.phase = Phase.failed.rawValue; $0.message = error.message }
            } catch let failure as ImportRowFailure {
                await update(id, on: db) { $0.phase = Phase.refused.rawValue; $0.rejected = [failure.row]; $0.written = 0 }
            } catch {
                await update(id, on: db) { $0.phase = Phase.failed.rawValue; $0.message = "导入时出错，未写入任何数据，请稍后重试" }
            }
            writing.withLockedValue { $0[id] = nil }
        }
    }
}

/// One import, as the progress page shows it.
final class DirectoryImportRunModel: Model, @unchecked Sendable {
    static let schema = "directory_import_runs"

    @ID(key: .id) var id: UUID?
    @Field(key: "file_name") var fileName: String
    @Field(key: "started_by") var startedBy: UUID
    @Field(key: "started_at") var startedAt: Date
    @Field(key: "phase") var phase: String
    @Field(key: "total") var total: Int
    @Field(key: "written") var written: Int
    /// Every refused row with its line, name and reasons (one JSON document: PostgreSQL would
    /// take a bare array for an array column, not for jsonb).
    @Field(key: "rejected") var rejections: Rejections
    @OptionalField(key: "created") var created: Int?
    @OptionalField(key: "updated") var updated: Int?
    @OptionalField(key: "message") var message: String?

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $fileName, $startedBy, $startedAt, $phase, $total, $written, $rejections, $created, $updated, $message] }

    struct Rejections: Codable, Sendable {
        var rows: [RejectedRow]
    }

    init() {}

    var rejected: [RejectedRow] {
        get { rejections.rows }
        set { rejections = Rejections(rows: newValue) }
    }

    var run: DirectoryImportRuns.Run {
        DirectoryImportRuns.Run(id: id!, fileName: fileName, startedBy: startedBy, startedAt: startedAt,
                                phase: DirectoryImportRuns.Phase(rawValue: phase) ?? .failed, total: total, written: written, rejected: rejected,
                                outcome: created.map { DirectoryService.ImportOutcome(created: $0, updated: updated ?? 0) }, message: message)
    }
}

extension Application {
    private struct ImportRunsKey: StorageKey { typealias Value = DirectoryImportRuns }

    var directoryImports: DirectoryImportRuns {
        get { storage[ImportRunsKey.self] ?? DirectoryImportRuns() }
        set { storage[ImportRunsKey.self] = newValue }
    }
}
