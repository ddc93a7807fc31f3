import Foundation

/// Comma-separated text as spreadsheets write it (RFC 4180): quoted fields may hold commas,
/// quotes (doubled) and line breaks; lines end in LF or CRLF; a UTF-8 byte-order mark is dropped.
public enum CSVText {
    public struct Malformed: Error, Equatable, Sendable {
        /// The line (from 1) where the unclosed quote began.
        public var line: Int
    }

    /// Records with the line each starts on; blank lines are skipped.
    public static func records(_ text: String) throws(Malformed) -> [(line: Int, fields: [String])] {
        var scalars = Substring(text).unicodeScalars
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var quoted = false
        var atFieldStart = true
        var line = 1
        var recordLine = 1
        var quoteLine = 1
        var iterator = scalars.makeIterator()
        var pending: Unicode.Scalar? = nil

        func endRecord() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            if !(fields.count == 1 && fields[0].trimmingCharacters(in: .whitespaces).isEmpty) { records.append((recordLine, fields)) }
            fields = []
            atFieldStart = true
        }

        while let scalar = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where atFieldStart:
                quoted = true
                quoteLine = line
                atFieldStart = false
            case ",":
                fields.append(String(field))
                field = String.UnicodeScalarView()
                atFieldStart = true
            case "\r":
                let next = iterator.next()
                if next != "\n" { pending = next }
                endRecord()
                line += 1
                recordLine = line
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(scalar)
                atFieldStart = false
            }
        }
        if quoted { throw Malformed(line: quoteLine) }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}
