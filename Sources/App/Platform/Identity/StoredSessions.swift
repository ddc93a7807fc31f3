import Fluent
import Vapor

/// Page sessions in the database (`_fluent_sessions`, shared by every app instance), written only
/// when something in them changed: Vapor saves the session after every request, which would turn
/// each page a signed-in person reads into a write.
struct StoredSessions: AsyncSessionDriver {
    /// The session as it was read for this request.
    private struct AsRead: StorageKey { typealias Value = SessionData }
    private struct ReadID: StorageKey { typealias Value = SessionID }

    /// A new session; when it replaces the one the request came with (a fresh id at sign-in,
    /// against fixation), the old row goes.
    func createSession(_ data: SessionData, for request: Request) async throws -> SessionID {
        let id = SessionID(string: [UInt8].secureRandom(count: 32).base64URLEncoded)
        try await SessionRecord(key: id, data: data).create(on: request.db)
        if let replaced = request.storage[ReadID.self] {
            try await SessionRecord.query(on: request.db).filter(\.$key == replaced).delete()
        }
        request.storage[AsRead.self] = data
        request.storage[ReadID.self] = id
        return id
    }

    func readSession(_ sessionID: SessionID, for request: Request) async throws -> SessionData? {
        let data = try await SessionRecord.query(on: request.db).filter(\.$key == sessionID).first()?.data
        request.storage[AsRead.self] = data
        if data != nil { request.storage[ReadID.self] = sessionID }
        return data
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) async throws -> SessionID {
        guard request.storage[AsRead.self] != data else { return sessionID }
        try await SessionRecord.query(on: request.db).filter(\.$key == sessionID).set(\.$data, to: data).update()
        request.storage[AsRead.self] = data
        return sessionID
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) async throws {
        try await SessionRecord.query(on: request.db).filter(\.$key == sessionID).delete()
    }
}
