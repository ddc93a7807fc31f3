import Foundation
import LegalAidCore
import NIOConcurrencyHelpers
import Vapor

/// The clock the app reads. Tests move it to cross deadlines; production never sets it.
public final class AppClock: Sendable {
    private let fixed = NIOLockedValueBox<Date?>(nil)

    public init() {}

    public func now() -> Date { fixed.withLockedValue { $0 } ?? Date() }
    public func set(_ date: Date?) { fixed.withLockedValue { $0 = date } }
}

/// Long-lived services built once in `configure`.
struct FayuanServices: Sendable {
    var settings: Settings
    var thresholds: IncomeThresholdTable
    var uploadsDirectory: String
    var clock: AppClock
}

extension Application {
    private struct ServicesKey: StorageKey { typealias Value = FayuanServices }

    var fayuan: FayuanServices {
        get {
            guard let services = storage[ServicesKey.self] else { fatalError("configure(_:) has not run") }
            return services
        }
        set { storage[ServicesKey.self] = newValue }
    }
}

extension Request {
    var fayuan: FayuanServices { application.fayuan }
    var now: Date { application.fayuan.clock.now() }
}
