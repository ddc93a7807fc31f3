/// Comparing secrets (codes, digests, tokens) in time that does not depend on where they first
/// differ, so a guesser learns nothing from how long a refusal took.
enum ConstantTime {
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
