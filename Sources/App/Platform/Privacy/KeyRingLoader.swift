import Foundation
import Logging

enum KeyRingLoader {
    struct MissingKeys: Error, CustomStringConvertible {
        var description: String { "FAYUAN_ENV=production needs FAYUAN_KEY_FILE or FAYUAN_KEYS: personal data is never stored under a generated key" }
    }

    /// From `FAYUAN_KEYS`, else `FAYUAN_KEY_FILE`, else (outside production) `<data>/keys.json`,
    /// generated with owner-only permissions on first start.
    static func load(_ settings: Settings, logger: Logger) throws -> KeyRing {
        if let json = settings.keysJSON { return try KeyRing(json: Data(json.utf8)) }
        if let file = settings.keyFile { return try KeyRing(json: Data(contentsOf: URL(fileURLWithPath: file))) }
        guard !settings.production else { throw MissingKeys() }
        let path = settings.dataDirectory + "/keys.json"
        if !FileManager.default.fileExists(atPath: path) {
            try FileManager.default.createDirectory(atPath: settings.dataDirectory, withIntermediateDirectories: true)
            let data = try JSONEncoder().encode(KeyRing.generateFile())
            guard FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600]) else {
                throw KeyRing.Problem.unreadable("cannot write \(path)")
            }
            logger.notice("Generated a new key file at \(path); back it up: without it the personal data cannot be read")
        }
        return try KeyRing(json: Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
