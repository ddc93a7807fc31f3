import Foundation
import Vapor

/// Why the server could not start, in one line an operator can act on. Database errors name
/// the variable that chose the database, never its value (it may hold a password).
public enum StartupFailure {
    public static func explain(_ error: Error, settings: Settings) -> String {
        if let error = error as? ConfigurationError { return "configuration error: \(error)" }
        let type = String(reflecting: Swift.type(of: error))
        let databaseError = ["PSQL", "Postgres", "SQLite", "NIOConnection", "ChannelError", "NIOPosix", "Fluent"].contains { type.contains($0) }
        if databaseError {
            switch settings.database {
            case .postgres:
                return "DATABASE_URL: cannot use the PostgreSQL database it names (\(type.split(separator: ".").last ?? "")); check host, port, user, password and database"
            case .sqliteFile(let path):
                return "FAYUAN_DATA_DIR: cannot open the SQLite database \(path) (\(type.split(separator: ".").last ?? ""))"
            case .sqliteMemory:
                return "cannot open the in-memory SQLite database"
            }
        }
        if let error = error as? KeyRing.Problem { return "FAYUAN_KEY_FILE / FAYUAN_KEYS: \(error)" }
        if error is KeyRingLoader.MissingKeys { return "configuration error: \(error)" }
        if error is DecodingError {
            return "FAYUAN_INCOME_THRESHOLDS or FAYUAN_KEYS: the file or value is not valid JSON of the expected shape"
        }
        let text = String(describing: error)
        return "cannot start: \(text.split(separator: "\n").first.map(String.init) ?? text)"
    }
}
