import Fluent

/// Runs `changed` in the writer's own database session after every update or delete of `M`
/// through the models (and every create, when `includingCreates`): how a copy held in memory
/// hears that its rows changed (`ReferenceCache`, `PrincipalCache`).
struct ModelChangeTracker<M: Model>: AsyncModelMiddleware {
    let includingCreates: Bool
    let changed: @Sendable (Database) async throws -> Void

    func create(model: M, on db: Database, next: AnyAsyncModelResponder) async throws {
        try await next.create(model, on: db)
        if includingCreates { try await changed(db) }
    }

    func update(model: M, on db: Database, next: AnyAsyncModelResponder) async throws {
        try await next.update(model, on: db)
        try await changed(db)
    }

    func delete(model: M, force: Bool, on db: Database, next: AnyAsyncModelResponder) async throws {
        try await next.delete(model, force: force, on: db)
        try await changed(db)
    }
}

/// A copy held in memory that every instance keeps honest through one counter: a write through
/// the models moves the counter and drops the writer's copy at once; the other instances read
/// the counter now and then and drop theirs when it moved (`ReferenceCache`, `PrincipalCache`).
protocol CounterWatchedCache: Sendable {
    static var counterScope: String { get }
    /// Drops this instance's copy; the next reader loads afresh.
    func invalidate()
}

extension CounterWatchedCache {
    /// Tells every instance the data changed (inside the writer's transaction).
    static func bump(on db: Database) async throws {
        _ = try await Counters.next(counterScope, year: 0, on: db)
    }

    /// Where the counter stands.
    static func version(on db: Database) async throws -> Int { try await Counters.value(counterScope, year: 0, on: db) }

    /// Moves the counter and drops this copy after every write of `M` through the models.
    func tracking<M: Model>(_ type: M.Type, includingCreates: Bool) -> ModelChangeTracker<M> {
        ModelChangeTracker(includingCreates: includingCreates) { db in
            try await Self.bump(on: db)
            self.invalidate()
        }
    }
}
