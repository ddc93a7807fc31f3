import NIOConcurrencyHelpers
import Vapor

/// Work a serving instance repeats in the background (the deadline sweep, sealing audit
/// records, sending SMS). One-off commands (`migrate`, `rotate-keys`, …) do not start it. On
/// shutdown the loop stops and `lastRound` (if any) runs once more, so nothing is left waiting.
final class PeriodicJob: LifecycleHandler, Sendable {
    let name: String
    let interval: Duration
    let round: @Sendable (Application) async throws -> String?
    let runsAgainOnShutdown: Bool
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    /// - Parameter round: one pass; returns a line worth logging, or nil when there was nothing to do.
    init(_ name: String, every interval: Duration, runsAgainOnShutdown: Bool = false, round: @escaping @Sendable (Application) async throws -> String?) {
        self.name = name
        self.interval = interval
        self.round = round
        self.runsAgainOnShutdown = runsAgainOnShutdown
    }

    func didBoot(_ application: Application) throws {
        let command = application.environment.arguments.dropFirst().first
        guard command == nil || command == "serve" || command?.hasPrefix("-") == true else { return }
        let logger = Logger(label: "fayuan.\(name)")
        let (round, interval) = (self.round, self.interval)
        task.withLockedValue {
            $0 = Task {
                while !Task.isCancelled {
                    do {
                        if let line = try await round(application) { logger.info("\(line)") }
                    } catch {
                        logger.warning("round failed: \(String(describing: type(of: error)))")
                    }
                    try? await Task.sleep(for: interval)
                }
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        guard let running = task.withLockedValue({ $0 }) else { return }
        running.cancel()
        await running.value
        if runsAgainOnShutdown { _ = try? await round(application) }
    }
}
