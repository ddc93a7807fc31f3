import Foundation
import XCTest
@testable import App

/// A bad configuration value stops the server with one line naming the variable, exit code 1,
/// never a backtrace — and never repeats a value that may hold a password.
final class ConfigurationTests: XCTestCase {
    func test_eachUnusableValueIsRefusedNamingItsVariable() {
        let cases: [([String: String], String)] = [
            (["DATABASE_URL": "not a url at all"], "DATABASE_URL"),
            (["DATABASE_URL": "mysql://u:secret@db/fayuan"], "DATABASE_URL"),
            (["DATABASE_URL": "postgres://db.example/fayuan"], "DATABASE_URL"),
            (["DATABASE_URL": "postgres://u:secret@db"], "DATABASE_URL"),
            (["PORT": "eighty"], "PORT"),
            (["PORT": "70000"], "PORT"),
            (["FAYUAN_MAX_UPLOAD_MB": "-3"], "FAYUAN_MAX_UPLOAD_MB"),
            (["FAYUAN_SEED_DEMO": "maybe"], "FAYUAN_SEED_DEMO"),
            (["FAYUAN_ENV": "prod"], "FAYUAN_ENV"),
            // Notices, QR codes and SMS links would otherwise point at http://localhost.
            (["FAYUAN_ENV": "production", "FAYUAN_KEYS": "{}"], "FAYUAN_PUBLIC_URL"),
            (["FAYUAN_KEY_FILE": "/nonexistent/keys.json"], "FAYUAN_KEY_FILE"),
            (["FAYUAN_DEADLINE_SWEEP_SECONDS": "1m"], "FAYUAN_DEADLINE_SWEEP_SECONDS"),
        ]
        for (env, variable) in cases {
            XCTAssertThrowsError(try Settings.fromEnvironment(env), "\(env)") { error in
                let problem = error as? ConfigurationError
                XCTAssertEqual(problem?.variable, variable)
                XCTAssertFalse(String(describing: error).contains("secret"), "the value is not repeated")
            }
        }
    }

    func test_goodValuesAreRead() throws {
        let settings = try Settings.fromEnvironment(["PORT": "9090", "DATABASE_URL": "postgres://fayuan:pw@127.0.0.1:5432/fayuan", "FAYUAN_SEED_DEMO": "0"])
        XCTAssertEqual(settings.port, 9090)
        XCTAssertEqual(settings.database, .postgres(url: "postgres://fayuan:pw@127.0.0.1:5432/fayuan"))
        XCTAssertFalse(settings.seedDemo)
    }

    /// The built server itself, as an operator starts it.
    func test_theServerStopsWithOneLineAndExitCodeOne() throws {
        let binary = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/Run")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else { throw XCTSkip("the Run binary is built by the test command") }
        for (variable, value) in [("DATABASE_URL", "postgres//wrong"), ("DATABASE_URL", "postgres://nobody:secret@127.0.0.1:1/none"), ("PORT", "x")] {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["serve"]
            var environment = ProcessInfo.processInfo.environment
            environment[variable] = value
            environment["FAYUAN_DATA_DIR"] = NSTemporaryDirectory() + "fayuan-config-" + UUID().uuidString
            process.environment = environment
            let errors = Pipe(), output = Pipe()
            process.standardError = errors
            process.standardOutput = output
            try process.run()
            process.waitUntilExit()
            let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let lines = text.split(separator: "\n").filter { $0.hasPrefix("fayuan:") }
            XCTAssertEqual(process.terminationStatus, 1, "\(variable)=\(value)")
            XCTAssertEqual(lines.count, 1, text)
            XCTAssertTrue(lines.first?.contains(variable) == true, text)
            XCTAssertFalse(text.contains("Fatal error"), text)
            XCTAssertFalse(text.contains("secret"), text)
        }
    }
}
