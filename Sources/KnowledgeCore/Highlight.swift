import Foundation

/// Marks where what was typed appears in a text, so a results page can show matched words
/// highlighted (issue #13). Matching ignores width and case (ＡＢＣ matches abc) but the pieces
/// are the original text, whole characters, in order.
public enum Highlight {
    public struct Piece: Hashable, Sendable {
        public var text: String
        public var matched: Bool

        public init(_ text: String, matched: Bool) {
            self.text = text
            self.matched = matched
        }
    }

    /// The text cut into matched and unmatched pieces.
    public static func pieces(_ text: String, _ query: SearchQuery) -> [Piece] {
        let characters = Array(text)
        let marks = matchedCharacters(characters, query)
        var pieces: [Piece] = []
        for (index, character) in characters.enumerated() {
            if let last = pieces.last, last.matched == marks[index] {
                pieces[pieces.count - 1].text.append(character)
            } else {
                pieces.append(Piece(String(character), matched: marks[index]))
            }
        }
        return pieces
    }

    /// A window of about `length` characters around the first match (the start when nothing
    /// matches), with an ellipsis where it was cut.
    public static func snippet(_ text: String, _ query: SearchQuery, length: Int = 90) -> [Piece] {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        let characters = Array(flat)
        guard characters.count > length else { return pieces(flat, query) }
        let marks = matchedCharacters(characters, query)
        let first = marks.firstIndex(of: true) ?? 0
        let start = max(0, min(first - length / 4, characters.count - length))
        let end = min(characters.count, start + length)
        var window = pieces(String(characters[start..<end]), query)
        if start > 0 { window.insert(Piece("…", matched: false), at: 0) }
        if end < characters.count { window.append(Piece("…", matched: false)) }
        return window
    }

    /// For each character, whether it lies inside an occurrence of a typed run.
    static func matchedCharacters(_ characters: [Character], _ query: SearchQuery) -> [Bool] {
        let folded = characters.map { character -> String in
            // Most characters are one scalar: fold it without building a string first.
            if character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first {
                return String(Character(SearchText.fold(scalar)))
            }
            return SearchText.normalise(String(character))
        }
        var marks = Array(repeating: false, count: characters.count)
        for run in query.runs {
            let phrase = Array(run.text).map(String.init)
            guard !phrase.isEmpty, phrase.count <= folded.count else { continue }
            var start = 0
            while start + phrase.count <= folded.count {
                if folded[start] == phrase[0] && Array(folded[start..<(start + phrase.count)]) == phrase {
                    for i in start..<(start + phrase.count) { marks[i] = true }
                    start += phrase.count
                } else {
                    start += 1
                }
            }
        }
        return marks
    }
}
