import Foundation

/// Takes personal details out of a consultation before it becomes a public FAQ entry (issue #12
/// item 4): ID numbers, mobile and landline numbers, e-mail addresses and the names the
/// conversation knows (the asker's, the staff member's) are replaced by a neutral word. The
/// editor still reads the result before publishing: a name typed inside the question that the
/// conversation never recorded cannot be known here.
public enum Redaction {
    /// `names`: a name the conversation knows → the word that stands for it (王女士 → 咨询人).
    public static func redact(_ text: String, names: [String: String] = [:]) -> String {
        var result = text
        let patterns: [(String, String)] = [
            (#"(?<![0-9A-Za-z])[1-9][0-9]{5}(19|20)[0-9]{2}[0-9]{4}[0-9]{3}[0-9Xx](?![0-9A-Za-z])"#, "[身份证号]"),
            (#"(?<![0-9])1[3-9][0-9][ -]?[0-9]{4}[ -]?[0-9]{4}(?![0-9])"#, "[电话]"),
            (#"(?<![0-9])0[0-9]{2,3}-?[0-9]{7,8}(?![0-9])"#, "[电话]"),
            (#"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"#, "[邮箱]"),
        ]
        for (pattern, replacement) in patterns {
            result = result.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        // Longest first, so 王小明 goes before 王小.
        for (name, word) in names.filter({ $0.key.trimmingCharacters(in: .whitespaces).count >= 2 }).sorted(by: { $0.key.count > $1.key.count }) {
            result = result.replacingOccurrences(of: name.trimmingCharacters(in: .whitespaces), with: word)
        }
        return result
    }
}
