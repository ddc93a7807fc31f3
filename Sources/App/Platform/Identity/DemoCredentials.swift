/// The demo accounts' published passwords (README: demo accounts). Signing in with one of them
/// is refused in production, whichever feature seeded the account.
enum DemoCredentials {
    static let staffPassword = "Fayuan@2026"
    static let citizenPassword = "Shenqing@2026"
}
