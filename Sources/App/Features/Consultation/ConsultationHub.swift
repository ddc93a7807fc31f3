import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Tells connected clients that something they watch changed: a conversation got a message or
/// moved on, or a desk's queue changed. It carries only "what changed" (ids and numbers), never
/// the content: each client then reads what it may see through the same checks as a page, and
/// a message is always stored before it is announced. Delivery is at-least-once; clients drop
/// duplicates by message number.
///
/// In one process the hub fans out directly. With several instances on one PostgreSQL each
/// instance also relays its announcements through `NOTIFY` and repeats the ones it hears
/// (`ConsultationRelay`), so a client connected to any instance hears every change.
final class ConsultationHub: Sendable {
    enum Signal: Codable, Hashable, Sendable {
        case message(consultation: UUID, seq: Int)
        case changed(consultation: UUID, desk: UUID)
        case queueChanged(desk: UUID)
        case typing(consultation: UUID, who: String)
        /// One side has seen the conversation up to `seq`.
        case read(consultation: UUID, who: String, seq: Int)

        var consultation: UUID? {
            switch self {
            case .message(let id, _), .changed(let id, _), .typing(let id, _), .read(let id, _, _): id
            case .queueChanged: nil
            }
        }

        var desk: UUID? {
            switch self {
            case .changed(_, let desk), .queueChanged(let desk): desk
            default: nil
            }
        }
    }

    /// Something listening: a conversation's clients, or a desk's staff.
    enum Topic: Hashable, Sendable {
        case consultation(UUID)
        case desk(UUID)
    }

    private struct Subscriber {
        var topic: Topic
        var deliver: @Sendable (Signal) -> Void
    }

    private let subscribers = NIOLockedValueBox<[UUID: Subscriber]>([:])
    /// The newest message stored through this instance in each conversation, as its pages show
    /// it: a socket that is one message behind sends it without reading the database again.
    /// Other instances hear only the signal and read the message themselves.
    private let latest = NIOLockedValueBox<[UUID: API.ConsultationMessage]>([:])
    /// Set when several instances share a database: where local announcements also go.
    private let relay = NIOLockedValueBox<(@Sendable (Signal) async -> Void)?>(nil)

    init() {}

    func useRelay(_ send: @escaping @Sendable (Signal) async -> Void) {
        relay.withLockedValue { $0 = send }
    }

    /// Starts listening; the returned id stops it.
    func subscribe(_ topic: Topic, deliver: @escaping @Sendable (Signal) -> Void) -> UUID {
        let id = UUID()
        subscribers.withLockedValue { $0[id] = Subscriber(topic: topic, deliver: deliver) }
        return id
    }

    func unsubscribe(_ id: UUID) {
        _ = subscribers.withLockedValue { $0.removeValue(forKey: id) }
    }

    var connectionCount: Int { subscribers.withLockedValue { $0.count } }

    /// Announces a message just stored here, carrying it for this instance's sockets.
    func publish(_ message: API.ConsultationMessage, in consultation: UUID) async {
        latest.withLockedValue { latest in
            if latest.count >= 20_000 { latest.removeAll(keepingCapacity: true) }
            latest[consultation] = message
        }
        await publish(.message(consultation: consultation, seq: message.seq))
    }

    /// The message numbered `seq` in a conversation, when it is the newest stored here.
    func stored(_ consultation: UUID, seq: Int) -> API.ConsultationMessage? {
        latest.withLockedValue { $0[consultation] }.flatMap { $0.seq == seq ? $0 : nil }
    }

    /// Announces a change made here: to this instance's clients, and through the relay to others.
    func publish(_ signal: Signal) async {
        deliverLocally(signal)
        if let send = relay.withLockedValue({ $0 }) { await send(signal) }
    }

    /// Announces a change heard from another instance (not relayed again).
    func deliverLocally(_ signal: Signal) {
        let targets = subscribers.withLockedValue { all in
            all.values.filter { subscriber in
                switch subscriber.topic {
                case .consultation(let id): signal.consultation == id
                case .desk(let id): signal.desk == id
                }
            }
        }
        for target in targets { target.deliver(signal) }
    }
}

extension Application {
    private struct ConsultationHubKey: StorageKey { typealias Value = ConsultationHub }

    /// Set once by `ConsultationFeature.prepare`, before the server starts.
    var consultationHub: ConsultationHub {
        get {
            guard let hub = storage[ConsultationHubKey.self] else { fatalError("ConsultationFeature is not installed") }
            return hub
        }
        set { storage[ConsultationHubKey.self] = newValue }
    }
}
