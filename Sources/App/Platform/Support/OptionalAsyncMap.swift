extension Optional {
    /// `map` for an asynchronous transform: a lookup done only when there is something to look up.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
