import XCTest
@testable import LegalAidCore

final class PasswordPolicyTests: XCTestCase {
    let policy = PasswordPolicy(common: ["p@ssw0rd123", "Password123!"])

    func test_passwordNeedsTenCharactersAndThreeClasses() {
        XCTAssertNotNil(policy.problem("Ab1!", username: "x"))
        XCTAssertNotNil(policy.problem("abcdefghij1", username: "x"))
        XCTAssertNil(policy.problem("abcdefghi1!", username: "x"))
        XCTAssertNil(policy.problem("Abcdefghi12", username: "x"))
    }

    func test_passwordMayNotContainTheUsername() {
        XCTAssertEqual(policy.problem("Shencha@2026x", username: "shencha"), "密码不能包含用户名或手机号码")
    }

    func test_commonPasswordsAreRefusedWhateverTheirCase() {
        XCTAssertEqual(policy.problem("PASSWORD123!", username: "x"), "这是常见密码，很容易被猜到，请换一个")
    }
}

final class LockoutPolicyTests: XCTestCase {
    let policy = LockoutPolicy()
    let start = Date(timeIntervalSince1970: 1_780_000_000)

    func test_fifthFailureWithinFifteenMinutesLocksForFifteenMinutes() {
        var state = LockoutPolicy.State()
        for minute in 0..<4 {
            let result = policy.afterFailure(state, now: start.addingTimeInterval(Double(minute) * 60))
            XCTAssertFalse(result.lockedNow)
            state = result.state
        }
        let fifth = policy.afterFailure(state, now: start.addingTimeInterval(5 * 60))
        XCTAssertTrue(fifth.lockedNow)
        XCTAssertEqual(policy.lockedUntil(fifth.state, now: start.addingTimeInterval(6 * 60)), start.addingTimeInterval(20 * 60))
        XCTAssertNil(policy.lockedUntil(fifth.state, now: start.addingTimeInterval(21 * 60)))
    }

    func test_failuresSpreadBeyondTheWindowDoNotLock() {
        var state = LockoutPolicy.State()
        for step in 0..<8 {
            let result = policy.afterFailure(state, now: start.addingTimeInterval(Double(step) * 16 * 60))
            XCTAssertFalse(result.lockedNow)
            state = result.state
        }
    }

    func test_successClearsTheCount() {
        let failed = policy.afterFailure(LockoutPolicy.State(), now: start).state
        XCTAssertEqual(policy.afterSuccess(failed), LockoutPolicy.State())
    }
}
