import XCTest
import XCTVapor
@testable import App
final class ATests: XCTestCase { func testX() {} }
