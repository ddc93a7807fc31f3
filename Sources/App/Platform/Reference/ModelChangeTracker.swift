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
