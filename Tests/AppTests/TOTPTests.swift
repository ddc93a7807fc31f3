import XCTest
@testable import App

/// RFC 6238 appendix B test vectors (SHA-1) and the verification window.
final class TOTPTests: XCTestCase {
    let secret = Data("12345678901234567890".utf8)

    func test_rfc6238Vectors() {
        let vectors: [(TimeInterval, String)] = [(59, "94287082"), (1_111_111_109, "07081804"), (1_234_567_890, "89005924"), (2_000_000_000, "69279037")]
        for (time, expected) in vectors {
            XCTAssertEqual(TOTP.code(secret: secret, counter: TOTP.counter(at: Date(timeIntervalSince1970: time)), digits: 8), expected)
        }
    }

    func test_codeIsAcceptedOneStepEitherSideButNeverTwice() {
        let now = Date(timeIntervalSince1970: 1_780_000_000)
        let previous = TOTP.code(secret: secret, counter: TOTP.counter(at: now) - 1)
        let used = TOTP.verify(previous, secret: secret, at: now, lastUsedCounter: nil)
        XCTAssertEqual(used, TOTP.counter(at: now) - 1)
        XCTAssertNil(TOTP.verify(previous, secret: secret, at: now, lastUsedCounter: used))
        let old = TOTP.code(secret: secret, counter: TOTP.counter(at: now) - 3)
        XCTAssertNil(TOTP.verify(old, secret: secret, at: now, lastUsedCounter: nil))
    }

    func test_base32RoundTrips() {
        XCTAssertEqual(Base32.encode(Data("foobar".utf8)), "MZXW6YTBOI")
        XCTAssertEqual(Base32.decode("MZXW6YTBOI"), Data("foobar".utf8))
    }
}
