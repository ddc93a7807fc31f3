import Fluent
import SQLKit
import XCTest
@testable import App
@testable import LegalAidCore

/// A backup taken while the server runs restores to exactly what was there.
final class BackupRestoreTests: XCTestCase {
    func test_aBackupTakenWhileServingRestoresEveryApplication_andTheReplacedDatabaseIsKept() async throws {
        let backupFolder = NSTemporaryDirectory() + "fayuan-backup-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: backupFolder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: backupFolder) }
        let backup = backupFolder + "/fayuan.sqlite"
        var numbers: [String] = []
        var settings = Settings()
        try await withTestApp(adjust: { $0.database = .sqliteFile($0.dataDirectory + "/fayuan.sqlite"); $0.migrateOnStart = true }) { test in
            numbers = try await ApplicationModel.query(on: test.db).all().map(\.number).sorted()
            XCTAssertFalse(numbers.isEmpty)
            try await SQLiteBackup.backup(on: test.db, to: backup)
            // Work after the backup is not in it.
            try await HolidayModel(HolidayEntry(date: LocalDate(iso: "2030-01-01")!, kind: .rest, name: "备份之后")).create(on: test.db)
            settings = test.app.fayuan.settings
            // A backup never overwrites an earlier one.
            do {
                try await SQLiteBackup.backup(on: test.db, to: backup)
                XCTFail("refused")
            } catch let problem as SQLiteBackup.Problem {
                XCTAssertTrue(problem.description.contains("already exists"))
            }
        }
        // withTestApp removed its data folder; restore into a fresh one.
        let data = NSTemporaryDirectory() + "fayuan-restore-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: data) }
        settings.dataDirectory = data
        settings.database = .sqliteFile(data + "/fayuan.sqlite")
        FileManager.default.createFile(atPath: data + "/fayuan.sqlite", contents: Data("old".utf8))
        let said = try await restoreSQLiteBackup(backup, settings: settings)
        XCTAssertTrue(said.contains("before-restore"), said)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: data).filter { $0.contains("before-restore") }.count, 1)

        try await withTestApp(adjust: { $0.database = .sqliteFile(data + "/fayuan.sqlite"); $0.dataDirectory = data; $0.migrateOnStart = true }) { test in
            let restored = try await ApplicationModel.query(on: test.db).all().map(\.number).sorted()
            XCTAssertEqual(restored, numbers, "every application as it was at the backup")
            let _v1 = try await HolidayModel.query(on: test.db).filter(\.$name == "备份之后").count()
            XCTAssertEqual(_v1, 0, "nothing written after the backup")
        }
    }

    func test_somethingThatIsNotADatabaseIsRefusedAndNothingIsMoved() async throws {
        let data = NSTemporaryDirectory() + "fayuan-restore-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: data) }
        FileManager.default.createFile(atPath: data + "/not-a-backup.sqlite", contents: Data("hello".utf8))
        FileManager.default.createFile(atPath: data + "/fayuan.sqlite", contents: Data("live".utf8))
        var settings = Settings()
        settings.database = .sqliteFile(data + "/fayuan.sqlite")
        do {
            _ = try await restoreSQLiteBackup(data + "/not-a-backup.sqlite", settings: settings)
            XCTFail("refused")
        } catch let problem as SQLiteBackup.Problem {
            XCTAssertTrue(problem.description.contains("not an SQLite database"))
        }
        XCTAssertEqual(FileManager.default.contents(atPath: data + "/fayuan.sqlite"), Data("live".utf8))
    }
}
