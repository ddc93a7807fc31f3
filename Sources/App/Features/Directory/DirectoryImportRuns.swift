import Foundation
import LegalAidCore
import NIOConcurrencyHelpers
import Vapor

/// Imports in progress on this instance, so the page can show how far one has gone. A run is
/// checked in full first; only a file with no refused row is written, in one transaction.
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

    private let runs = NIOLockedValueBox<[UUID: Run]>([:])

    func start(fileName: String, by account: UUID) -> UUID {
        let id = UUID()
        runs.withLockedValue { runs in
            // Keep the latest few dozen only.
            if runs.count >= 50, let oldest = runs.values.min(by: { $0.startedAt < $1.startedAt }) { runs[oldest.id] = nil }
            runs[id] = Run(id: id, fileName: fileName, startedBy: account, startedAt: Date(), phase: .checking, total: 0, written: 0, rejected: [])
        }
        return id
    }

    func update(_ id: UUID, _ change: (inout Run) -> Void) {
        runs.withLockedValue { runs in if var run = runs[id] { change(&run); runs[id] = run } }
    }

    func run(_ id: UUID) -> Run? { runs.withLockedValue { $0[id] } }

    /// Checks and writes a file in the background, recording each stage.
    func perform(_ id: UUID, text: String, service: DirectoryService, editor: AccountModel) {
        Task {
            do {
                let file = try DirectoryImport.read(text, knownNames: try await service.knownNames())
                update(id) { $0.total = file.count + file.rejected.count; $0.rejected = file.rejected }
                guard file.rejected.isEmpty else { return update(id) { $0.phase = .refused } }
                update(id) { $0.phase = .writing }
                let outcome = try await service.importRows(file, by: editor) { done in self.update(id) { $0.written = done } }
                update(id) { $0.phase = .done; $0.outcome = outcome; $0.written = file.count }
            } catch let error as DirectoryImport.FileError {
                update(id) { $0.phase = .failed; $0.message = error.message }
            } catch let failure as ImportRowFailure {
                update(id) { $0.phase = .refused; $0.rejected = [failure.row]; $0.written = 0 }
            } catch {
                update(id) { $0.phase = .failed; $0.message = "导入时出错，未写入任何数据，请稍后重试" }
            }
        }
    }
}

extension Application {
    private struct ImportRunsKey: StorageKey { typealias Value = DirectoryImportRuns }

    var directoryImports: DirectoryImportRuns {
        get { storage[ImportRunsKey.self] ?? DirectoryImportRuns() }
        set { storage[ImportRunsKey.self] = newValue }
    }
}
