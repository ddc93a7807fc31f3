import XCTest
@testable import App

/// SQLite run as a server database: WAL, the chosen durability, a busy timeout, on every connection.
final class SQLiteServerTests: XCTestCase {
    func test_aFileDatabaseRunsInWALWithNormalSyncAndABusyTimeoutOnEveryConnection() async throws {
        try await withTestApp(adjust: { $0.database = .sqliteFile($0.dataDirectory + "/fayuan.sqlite"); $0.migrateOnStart = true }) { test in
            var loops = test.app.eventLoopGroup.makeIterator()
            var connections = 0
            while let loop = loops.next() {
                let report = try await SQLiteTuning.report(on: test.app.databases.database(logger: test.app.logger, on: loop)!)
                XCTAssertEqual(report.journalMode, "wal")
                XCTAssertEqual(report.synchronous, 1, "NORMAL")
                XCTAssertEqual(report.busyTimeout, SQLiteTuning.busyTimeoutMilliseconds)
                connections += 1
            }
            XCTAssertGreaterThan(connections, 0)
        }
    }

    func test_fullDurabilityCanBeChosen_andAnythingElseIsRefusedByName() async throws {
        let full = try Settings.fromEnvironment(["FAYUAN_SQLITE_SYNCHRONOUS": "FULL"])
        XCTAssertEqual(full.sqliteSynchronous, .full)
        XCTAssertThrowsError(try Settings.fromEnvironment(["FAYUAN_SQLITE_SYNCHRONOUS": "off"])) { error in
            XCTAssertEqual((error as? ConfigurationError)?.variable, "FAYUAN_SQLITE_SYNCHRONOUS")
        }
        try await withTestApp(adjust: { $0.database = .sqliteFile($0.dataDirectory + "/fayuan.sqlite"); $0.sqliteSynchronous = .full }) { test in
            let report = try await SQLiteTuning.report(on: test.db)
            XCTAssertEqual(report.synchronous, 2, "FULL")
        }
    }
}
