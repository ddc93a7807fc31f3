import Foundation
import Logging
import NIOConcurrencyHelpers
import PostgresKit
import SQLKit
import Vapor

/// Several instances on one PostgreSQL: each announcement made here is also sent with
/// `NOTIFY fayuan_consultation`, and each instance `LISTEN`s on its own connection (outside the
/// pool) and hands what other instances announced to its own clients. The message itself is
/// already stored before it is announced, so a notification lost while an instance reconnects
/// costs only latency: its clients catch up from their last message number on the next signal
/// or reconnect.
final class ConsultationRelay: LifecycleHandler, Sendable {
    static let channel = "fayuan_consultation"

    private struct Envelope: Codable {
        var origin: UUID
        var signal: ConsultationHub.Signal
    }

    private let origin = UUID()
    private let url: String
    private let hub: ConsultationHub
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)
    private let logger = Logger(label: "fayuan.consultation.relay")

    init(url: String, hub: ConsultationHub) {
        self.url = url
        self.hub = hub
    }

    func didBoot(_ application: Application) throws {
        let configuration = try SQLPostgresConfiguration(url: url).coreConfiguration
        let db = application.db
        let origin = origin
        hub.useRelay { signal in
            guard let sql = db as? SQLDatabase,
                  let data = try? JSONEncoder().encode(Envelope(origin: origin, signal: signal)),
                  let payload = String(data: data, encoding: .utf8)
            else { return }
            try? await sql.raw("SELECT pg_notify(\(literal: Self.channel), \(bind: payload))").run()
        }
        task.withLockedValue { $0 = Task { await self.listen(configuration) } }
    }

    func shutdownAsync(_ application: Application) async {
        let running = task.withLockedValue { task -> Task<Void, Never>? in
            defer { task = nil }
            return task
        }
        running?.cancel()
        await running?.value
    }

    /// Listens until shut down, reconnecting after a dropped connection.
    private func listen(_ configuration: PostgresConnection.Configuration) async {
        var pause: Duration = .milliseconds(200)
        var attempt = 0
        while !Task.isCancelled {
            attempt += 1
            do {
                let connection = try await PostgresConnection.connect(configuration: configuration, id: attempt, logger: logger)
                pause = .milliseconds(200)
                do {
                    try await connection.listen(on: Self.channel) { notifications in
                        try await withTaskCancellationHandler {
                            for try await notification in notifications { self.heard(notification.payload) }
                        } onCancel: {
                            connection.close().whenComplete { _ in }
                        }
                    }
                } catch {
                    if !Task.isCancelled { logger.warning("consultation relay lost its connection; reconnecting") }
                }
                try? await connection.close()
            } catch {
                logger.warning("consultation relay cannot connect; retrying")
            }
            try? await Task.sleep(for: pause)
            pause = min(pause * 2, .seconds(5))
        }
    }

    private func heard(_ payload: String) {
        guard let envelope = try? JSONDecoder().decode(Envelope.self, from: Data(payload.utf8)), envelope.origin != origin else { return }
        hub.deliverLocally(envelope.signal)
    }
}
