import Foundation

/// How text becomes searchable terms (issue #13). Chinese has no spaces between words and most
/// legal words are two characters (工伤, 离婚, 仲裁), which the engines' trigram indexes skip, so
/// every run of Chinese characters is cut into overlapping pairs (bigrams, as Lucene's CJK
/// analyzer does) plus single characters; a run of Latin letters or digits is one term. The
/// database only stores and matches these terms through its full-text index; the cutting is here.
public enum SearchText {
    /// Full-width forms folded to ordinary ones (ＡＢＣ１２ → abc12), the ideographic space to a
    /// space, Latin letters lower-cased; everything else as it is. Scalar by scalar (one in, one
    /// out), so positions in the folded text are positions in the original.
    public static func normalise(_ text: String) -> String {
        var folded = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { folded.append(fold(scalar)) }
        return String(folded)
    }

    @inline(__always)
    public static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        var value = scalar.value
        if value >= 0xFF01 && value <= 0xFF5E { value -= 0xFEE0 } else if value == 0x3000 { value = 0x20 }
        if value >= 0x41 && value <= 0x5A { value += 0x20 }
        return Unicode.Scalar(value) ?? scalar
    }

    /// One stretch of text of a single script.
    public enum Run: Hashable, Sendable {
        case han(String)
        case word(String)

        public var text: String {
            switch self {
            case .han(let s), .word(let s): s
            }
        }
    }

    public static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F, 0x3007: true
        default: false
        }
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar))
    }

    /// The runs of Chinese characters and of Latin letters or digits, everything else dropped.
    public static func runs(_ text: String) -> [Run] {
        var runs: [Run] = []
        var current = ""
        var currentIsHan = false
        func flush() {
            if !current.isEmpty { runs.append(currentIsHan ? .han(current) : .word(current)) }
            current = ""
        }
        for scalar in normalise(text).unicodeScalars {
            if isHan(scalar) {
                if !currentIsHan { flush() }
                currentIsHan = true
                current.unicodeScalars.append(scalar)
            } else if isWordCharacter(scalar) {
                if currentIsHan { flush() }
                currentIsHan = false
                current.unicodeScalars.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return runs
    }

    /// The overlapping pairs of a run of Chinese characters (工伤保险 → 工伤 伤保 保险).
    public static func bigrams(_ han: String) -> [String] {
        let characters = Array(han.unicodeScalars)
        guard characters.count >= 2 else { return [] }
        return (0..<(characters.count - 1)).map { i in
            var pair = ""
            pair.unicodeScalars.append(characters[i])
            pair.unicodeScalars.append(characters[i + 1])
            return pair
        }
    }

    /// What a document is indexed under, in order, repeats kept (the engines count them): every
    /// single Chinese character and every pair, and every Latin word or number.
    public static func indexTerms(_ text: String) -> [String] {
        var terms: [String] = []
        for run in runs(text) {
            switch run {
            case .word(let word):
                terms.append(word)
            case .han(let han):
                terms += han.unicodeScalars.map { String($0) }
                terms += bigrams(han)
            }
        }
        return terms
    }

    /// The index terms as one space-separated string, as the full-text tables store them.
    public static func indexDocument(_ text: String) -> String {
        indexTerms(text).joined(separator: " ")
    }
}

/// What someone typed into the search box, as terms every match must contain.
public struct SearchQuery: Hashable, Sendable {
    /// The typed runs, normalised: what highlighting and phrase scoring look for.
    public let runs: [SearchText.Run]
    /// Every term a matching document must hold: the pairs of each Chinese run (a single
    /// character alone when the run has one), each Latin word. Repeats removed, order kept.
    public let terms: [String]

    public init(_ typed: String) {
        let runs = Array(SearchText.runs(typed).prefix(Self.maximumRuns))
        var terms: [String] = []
        for run in runs {
            switch run {
            case .word(let word): terms.append(word)
            case .han(let han):
                terms += han.unicodeScalars.count == 1 ? [han] : SearchText.bigrams(han)
            }
        }
        var seen = Set<String>()
        self.runs = runs
        self.terms = Array(terms.filter { seen.insert($0).inserted }.prefix(Self.maximumTerms))
    }

    /// Nothing searchable was typed (only punctuation or spaces).
    public var isEmpty: Bool { terms.isEmpty }

    /// A long question is still answered: beyond this, further words are ignored.
    public static let maximumRuns = 12
    public static let maximumTerms = 32
}
