import Crypto
import Foundation
import Synchronization

/// The keys that protect personal data at rest: AES-256-GCM data keys, each with an id so
/// old ciphertexts stay readable after rotation, and a separate HMAC key for blind indexes
/// (lookups by ID number or phone without storing them in clear).
///
/// Key file / `FAYUAN_KEYS` format:
/// `{"active": "k2026a", "keys": {"k2026a": "<base64 32 bytes>"}, "index": "<base64 32 bytes>"}`
struct KeyRing: Sendable {
    var activeID: String
    var keys: [String: SymmetricKey]
    var indexKey: SymmetricKey

    enum Problem: Error, CustomStringConvertible {
        case unreadable(String)
        case unknownKey(String)
        case malformed

        var description: String {
            switch self {
            case .unreadable(let why): "Key configuration unreadable: \(why)"
            case .unknownKey(let id): "No key with id \(id): add it back to the key file to read older data"
            case .malformed: "Sealed value is malformed"
            }
        }
    }

    struct File: Codable {
        var active: String
        var keys: [String: String]
        var index: String
    }

    init(activeID: String, keys: [String: SymmetricKey], indexKey: SymmetricKey) {
        self.activeID = activeID
        self.keys = keys
        self.indexKey = indexKey
    }

    init(json: Data) throws {
        guard let file = try? JSONDecoder().decode(File.self, from: json) else { throw Problem.unreadable("not the expected JSON") }
        var keys: [String: SymmetricKey] = [:]
        for (id, text) in file.keys {
            guard let data = Data(base64Encoded: text), data.count == 32 else { throw Problem.unreadable("key \(id) is not 32 bytes of base64") }
            keys[id] = SymmetricKey(data: data)
        }
        guard keys[file.active] != nil else { throw Problem.unreadable("active key \(file.active) is not in keys") }
        guard let index = Data(base64Encoded: file.index), index.count == 32 else { throw Problem.unreadable("index key is not 32 bytes of base64") }
        self.init(activeID: file.active, keys: keys, indexKey: SymmetricKey(data: index))
    }

    static func generateFile(keyID: String = "k1") -> File {
        func random() -> String { SymmetricKey(size: .bits256).withUnsafeBytes { Data($0).base64EncodedString() } }
        return File(active: keyID, keys: [keyID: random()], index: random())
    }

    /// `v1:<key id>:<base64 of nonce ‖ ciphertext ‖ tag>`
    func seal(_ plaintext: Data) throws -> String {
        let box = try AES.GCM.seal(plaintext, using: keys[activeID]!)
        return "v1:\(activeID):" + box.combined!.base64EncodedString()
    }

    func open(_ sealed: String) throws -> Data {
        let parts = sealed.split(separator: ":", maxSplits: 2).map(String.init)
        guard parts.count == 3, parts[0] == "v1", let combined = Data(base64Encoded: parts[2]) else { throw Problem.malformed }
        guard let key = keys[parts[1]] else { throw Problem.unknownKey(parts[1]) }
        return try AES.GCM.open(AES.GCM.SealedBox(combined: combined), using: key)
    }

    /// A keyed hash for equality lookups: the same input always gives the same index, but
    /// the index reveals nothing without the key.
    func blindIndex(_ value: String, purpose: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data((purpose + ":" + value).utf8), using: indexKey)
        return mac.hexEncoded
    }
}

/// The process's key ring. Sealed values are opened inside Fluent's row decoders, which take no
/// context, so the ring is process-wide configuration: `configure` installs it once at start-up
/// (a rotation test installs another), behind a lock. Pages never need it: they are built from
/// plain records opened by their query functions.
enum Vault {
    private static let installed = Mutex<KeyRing?>(nil)

    static func install(_ ring: KeyRing?) { installed.withLock { $0 = ring } }

    static var isInstalled: Bool { installed.withLock { $0 != nil } }

    static var ring: KeyRing {
        guard let ring = installed.withLock({ $0 }) else { preconditionFailure("configure(_:) installs the key ring before any personal data is read") }
        return ring
    }
}

/// A value stored encrypted (AES-GCM) under the active key, opened transparently on read.
struct Sealed<Value: Codable & Sendable>: Codable, Sendable {
    var value: Value

    init(_ value: Value) { self.value = value }

    init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        value = try JSONDecoder().decode(Value.self, from: Vault.ring.open(text))
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(try Vault.ring.seal(JSONEncoder().encode(value)))
    }
}
