import Foundation

/// 等保2.0 password rules: at least 10 characters, three of the four character classes,
/// not the username, not one of the passwords attackers try first.
public struct PasswordPolicy: Sendable {
    public var minimumLength = 10
    public var minimumClasses = 3
    /// Lower-cased; compared case-insensitively.
    public var common: Set<String>

    public init(common: Set<String>) {
        self.common = Set(common.map { $0.lowercased() })
    }

    public static let hint = "至少10位，且包含大写字母、小写字母、数字、符号中的至少三类；不能与用户名或手机号相同，不能是常见密码"

    /// The Chinese reason a password is refused, or nil when it is acceptable.
    public func problem(_ password: String, username: String) -> String? {
        if password.isEmpty { return "请设置密码" }
        if password.count < minimumLength { return "密码太短，至少需要\(minimumLength)位" }
        let classes = [
            password.contains { $0.isLowercase },
            password.contains { $0.isUppercase },
            password.contains { $0.isNumber },
            password.contains { !$0.isLetter && !$0.isNumber },
        ].filter { $0 }.count
        if classes < minimumClasses { return "密码太简单：请同时使用大写字母、小写字母、数字、符号中的至少三类" }
        let lower = password.lowercased()
        if !username.isEmpty && lower.contains(username.lowercased()) { return "密码不能包含用户名或手机号码" }
        if common.contains(lower) { return "这是常见密码，很容易被猜到，请换一个" }
        return nil
    }
}

/// Failed sign-ins lock an account for a while (等保2.0: limit login attempts).
public struct LockoutPolicy: Sendable {
    public var maxFailures: Int
    public var window: TimeInterval
    public var lockDuration: TimeInterval

    public init(maxFailures: Int = 5, window: TimeInterval = 15 * 60, lockDuration: TimeInterval = 15 * 60) {
        self.maxFailures = maxFailures
        self.window = window
        self.lockDuration = lockDuration
    }

    public struct State: Hashable, Sendable {
        public var failures: Int
        public var firstFailureAt: Date?
        public var lockedUntil: Date?

        public init(failures: Int = 0, firstFailureAt: Date? = nil, lockedUntil: Date? = nil) {
            self.failures = failures
            self.firstFailureAt = firstFailureAt
            self.lockedUntil = lockedUntil
        }
    }

    /// When the account may be tried again, if it is locked now.
    public func lockedUntil(_ state: State, now: Date) -> Date? {
        guard let until = state.lockedUntil, until > now else { return nil }
        return until
    }

    /// Counts a failure within the window; the one that reaches the limit locks the account.
    public func afterFailure(_ state: State, now: Date) -> (state: State, lockedNow: Bool) {
        var next = state
        if let first = state.firstFailureAt, now.timeIntervalSince(first) <= window {
            next.failures += 1
        } else {
            next.failures = 1
            next.firstFailureAt = now
        }
        if next.failures >= maxFailures {
            next.lockedUntil = now.addingTimeInterval(lockDuration)
            next.failures = 0
            next.firstFailureAt = nil
            return (next, true)
        }
        return (next, false)
    }

    public func afterSuccess(_ state: State) -> State { State() }
}
