import NIOConcurrencyHelpers

/// Frames handed to one socket and not yet written out to the network. A client that stops
/// reading (a phone gone quiet, a consumer that cannot keep up) would otherwise make the server
/// hold every frame for it, without bound: past `limit` the socket is closed instead, with
/// `closeCode`, and the client reconnects with `?after=` its last number and misses nothing.
final class SendBacklog: Sendable {
    /// Close code for "too slow": a private-use code (4000–4999, RFC 6455 §7.4.2).
    static let closeCode: UInt16 = 4008
    static let standardLimit = 256

    let limit: Int
    private let waiting = NIOLockedValueBox(0)

    init(limit: Int = SendBacklog.standardLimit) { self.limit = limit }

    /// Counts one more frame; false (and nothing counted) when the socket is already `limit` behind.
    func admit() -> Bool {
        waiting.withLockedValue { waiting in
            guard waiting < limit else { return false }
            waiting += 1
            return true
        }
    }

    /// One frame reached the network (or failed for good).
    func written() { waiting.withLockedValue { $0 = max(0, $0 - 1) } }

    var count: Int { waiting.withLockedValue { $0 } }
}
