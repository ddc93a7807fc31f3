import Fluent
import NIOConcurrencyHelpers
import NIOCore
import SQLKit
import Vapor

/// The organisation tree and holiday calendar, held in memory.
///
/// Every change to either (through the models, so the administrator's pages, the seeds and the
/// fixtures alike) bumps the `reference` counter in the database and drops this instance's copy
/// at once. Other instances look at the counter at most once a `recheck` interval (one indexed
/// row) and reload when it moved, so they agree within that interval.
final class ReferenceCache: CounterWatchedCache {
    private struct Held {
        var data: ReferenceData
        var version: Int
        var checkedAt: NIODeadline
    }

    static let counterScope = "reference"

    private let held = NIOLockedValueBox<Held?>(nil)
    let recheck: TimeAmount

    init(recheck: TimeAmount = .seconds(1)) { self.recheck = recheck }

    /// The reference data as of at most `recheck` ago.
    func current(on db: Database) async throws -> ReferenceData {
        let now = NIODeadline.now()
        if let held = held.withLockedValue({ $0 }), now - held.checkedAt < recheck { return held.data }
        let version = try await Self.version(on: db)
        if let data = held.withLockedValue({ held -> ReferenceData? in
            guard var kept = held, kept.version == version else { return nil }
            kept.checkedAt = now
            held = kept
            return kept.data
        }) { return data }
        let data = try await ReferenceData.load(on: db)
        held.withLockedValue { $0 = Held(data: data, version: version, checkedAt: now) }
        return data
    }

    /// The copy last read by any request, whatever its age, or nil before the first read. For
    /// text that may lag a change by a moment and must not cost a wait (the page footer).
    func latest() -> ReferenceData? { held.withLockedValue { $0?.data } }

    /// Drops this instance's copy; the next reader loads afresh.
    func invalidate() { held.withLockedValue { $0 = nil } }

}

extension Request {
    /// The organisation tree and holiday calendar, from memory.
    func referenceData() async throws -> ReferenceData { try await fayuan.reference.current(on: db) }
}
