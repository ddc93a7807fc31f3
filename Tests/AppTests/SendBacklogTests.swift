import XCTest
@testable import App

/// A socket that stops reading is closed once it is a bounded number of frames behind, instead of
/// the server keeping every frame for it (#27: memory bounded under overload).
final class SendBacklogTests: XCTestCase {
    func test_framesAreAdmittedUpToTheLimit_thenRefused() {
        let backlog = SendBacklog(limit: 3)
        XCTAssertEqual((0..<3).map { _ in backlog.admit() }, [true, true, true])
        XCTAssertFalse(backlog.admit(), "the fourth unwritten frame is one too many")
        XCTAssertEqual(backlog.count, 3, "a refused frame is not counted")
    }

    func test_aWrittenFrameMakesRoomForAnother() {
        let backlog = SendBacklog(limit: 2)
        _ = backlog.admit()
        _ = backlog.admit()
        backlog.written()
        XCTAssertTrue(backlog.admit())
        XCTAssertFalse(backlog.admit())
    }

    func test_theCloseCodeIsOneAClientMayActOn() {
        XCTAssertTrue((4000...4999).contains(SendBacklog.closeCode), "a private-use code, not one of the protocol's own")
        XCTAssertEqual(SendBacklog.standardLimit, 256)
    }
}
