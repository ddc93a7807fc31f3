import Crypto
import Fluent
import SQLKit
import Vapor

/// `Idempotency-Key` on the API's creating requests (POST and PUT): the first request with a
/// key runs and its answer is kept for 24 hours; a retry with the same key and body gets that
/// answer again (marked `Idempotent-Replayed: true`), the same key with another body is refused
/// with 422, and a retry while the first is still running gets 409. Keys are per account.
/// An error answer is not kept: nothing was created, so a retry simply runs again.
struct IdempotencyKeys: AsyncMiddleware {
    static let header = "Idempotency-Key"
    static let lifetime: TimeInterval = 24 * 3600

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard request.method == .POST || request.method == .PUT, let key = request.headers.first(name: Self.header) else {
            return try await next.respond(to: request)
        }
        guard (1...255).contains(key.utf8.count), key.allSatisfy({ $0.isASCII && !$0.isWhitespace && !$0.isNewline }) else {
            throw AppError.invalid(field: Self.header, code: "invalidIdempotencyKey", "Idempotency-Key 须为1至255个可见ASCII字符（建议使用UUID）")
        }
        guard let account = request.auth.get(AccountModel.self), let caller = account.id?.uuidString else {
            return try await next.respond(to: request)
        }
        let hash = try await Self.requestHash(request)
        let services = request.fayuan
        let now = services.clock.now()

        if let existing = try await claim(caller: caller, key: key, hash: hash, now: now, request: request) {
            guard existing.requestHash == hash else {
                throw AppError.invalid(field: Self.header, code: "idempotencyKeyReused", "该 Idempotency-Key 已用于另一内容不同的请求，请为新的请求使用新的键")
            }
            guard let status = existing.status else {
                var error = AppError(status: .conflict, code: "idempotencyKeyInFlight", message: "使用同一 Idempotency-Key 的请求正在处理中，请稍后重试", field: Self.header)
                error.retryAfter = 1
                throw error
            }
            return try replay(existing, status: status)
        }

        let response: Response
        do {
            response = try await next.respond(to: request)
        } catch {
            try await release(caller: caller, key: key, request: request)
            throw error
        }
        guard response.status.code < 400, let body = response.body.data else {
            try await release(caller: caller, key: key, request: request)
            return response
        }
        let sealed = try Vault.ring.seal(body)
        let contentType = response.headers.first(name: .contentType) ?? "application/json"
        try await services.transaction(on: request.db) { tx in
            try await IdempotencyRecordModel.query(on: tx).filter(\.$caller == caller).filter(\.$key == key)
                .set(\.$status, to: Int(response.status.code)).set(\.$contentType, to: contentType).set(\.$sealedBody, to: sealed).update()
        }
        return response
    }

    /// Takes the key for this request; answers the earlier record when there is one.
    private func claim(caller: String, key: String, hash: String, now: Date, request: Request) async throws -> IdempotencyRecordModel? {
        try await request.fayuan.transaction(on: request.db) { tx in
            if let old = try await IdempotencyRecordModel.query(on: tx).filter(\.$caller == caller).filter(\.$key == key).first() {
                guard old.createdAt < now.addingTimeInterval(-Self.lifetime) else { return old }
                try await old.delete(on: tx) // past 24 hours: the key is free again
            }
            let inserted = try await (tx as! SQLDatabase).raw("""
                INSERT INTO idempotency_records (id, caller, key, request_hash, created_at)
                VALUES (\(bind: UUID()), \(bind: caller), \(bind: key), \(bind: hash), \(bind: now))
                ON CONFLICT (caller, key) DO NOTHING RETURNING id
                """).all()
            if !inserted.isEmpty { return nil }
            // Another instance claimed it between our read and insert.
            return try await IdempotencyRecordModel.query(on: tx).filter(\.$caller == caller).filter(\.$key == key).first()
        }
    }

    private func release(caller: String, key: String, request: Request) async throws {
        try await request.fayuan.transaction(on: request.db) { tx in
            try await IdempotencyRecordModel.query(on: tx).filter(\.$caller == caller).filter(\.$key == key).filter(\.$status == nil).delete()
        }
    }

    private func replay(_ record: IdempotencyRecordModel, status: Int) throws -> Response {
        let body = try record.sealedBody.map { try Vault.ring.open($0) } ?? Data()
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: record.contentType ?? "application/json")
        headers.replaceOrAdd(name: "Idempotent-Replayed", value: "true")
        return Response(status: HTTPResponseStatus(statusCode: status), headers: headers, body: .init(data: body))
    }

    /// What makes two requests "the same": method, path and body bytes.
    static func requestHash(_ request: Request) async throws -> String {
        // The limit the route itself set (12 MB for uploads, 1 MB for a law, 64 KB otherwise).
        let limit = request.route?.bodyLimit ?? 64 * 1024
        let body: ByteBuffer?
        if let data = request.body.data {
            body = data
        } else {
            body = try await request.body.collect(max: limit).get()
        }
        var hasher = SHA256()
        hasher.update(data: Data("\(request.method.rawValue) \(request.url.path)\n".utf8))
        if let body { hasher.update(data: canonical(Data(body.readableBytesView), contentType: request.headers.contentType)) }
        return hasher.finalize().hexEncoded
    }
}

/// JSON with its keys sorted, so the same content sent twice is the same whatever order a
/// client's serializer wrote the keys in; any other body byte for byte.
private func canonical(_ body: Data, contentType: HTTPMediaType?) -> Data {
    guard contentType == .json, let object = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]),
          let sorted = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .fragmentsAllowed])
    else { return body }
    return sorted
}

extension Response.Body {
    /// The bytes of a body already in memory (API answers are), nil for a stream.
    var data: Data? { buffer.map { Data($0.readableBytesView) } }
}
