/// Reads an uploaded file's structure, not only its first bytes: a PNG signature followed by
/// junk is not a picture. Each format is walked as a decoder walks it — PNG's chunks with their
/// CRCs from IHDR to IEND, JPEG's segments from SOI through a frame header to the scan and EOI,
/// GIF's header to its trailer, WebP's RIFF size and image chunk, a PDF's header and end marker —
/// and a file that does not hold together is refused before anything is stored.
enum FileStructure {
    static func isWhole(_ bytes: [UInt8], as contentType: String) -> Bool {
        switch contentType {
        case "image/png": png(bytes)
        case "image/jpeg": jpeg(bytes)
        case "image/gif": gif(bytes)
        case "image/webp": webp(bytes)
        case "application/pdf": pdf(bytes)
        default: false
        }
    }

    private static func uint32(_ bytes: [UInt8], _ at: Int) -> Int {
        Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
    }

    /// Chunks from IHDR (first, 13 bytes, a non-empty image) to IEND, every CRC right, an IDAT between.
    static func png(_ bytes: [UInt8]) -> Bool {
        var at = 8
        var sawHeader = false, sawData = false
        while at + 12 <= bytes.count {
            let length = uint32(bytes, at)
            guard length <= bytes.count - at - 12 else { return false }
            let type = String(decoding: bytes[(at + 4)..<(at + 8)], as: UTF8.self)
            let crc = UInt32(uint32(bytes, at + 8 + length))
            guard CRC32.checksum(bytes[(at + 4)..<(at + 8 + length)]) == crc else { return false }
            if !sawHeader {
                guard type == "IHDR", length == 13, uint32(bytes, at + 8) > 0, uint32(bytes, at + 12) > 0 else { return false }
                sawHeader = true
            }
            if type == "IDAT" { sawData = true }
            if type == "IEND" { return sawData }
            at += 12 + length
        }
        return false
    }

    /// SOI, segments with their lengths, a frame header (SOF) with a size, then the scan and EOI.
    static func jpeg(_ bytes: [UInt8]) -> Bool {
        guard bytes.count > 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return false }
        var at = 2
        var sawFrame = false
        while at + 4 <= bytes.count {
            guard bytes[at] == 0xFF else { return false }
            let marker = bytes[at + 1]
            if marker == 0xFF { at += 1; continue }          // fill byte
            if (0xD0...0xD7).contains(marker) || marker == 0x01 { at += 2; continue }
            let length = Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
            guard length >= 2, at + 2 + length <= bytes.count else { return false }
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                guard length >= 8 else { return false }
                let height = Int(bytes[at + 5]) << 8 | Int(bytes[at + 6]), width = Int(bytes[at + 7]) << 8 | Int(bytes[at + 8])
                guard height > 0, width > 0 else { return false }
                sawFrame = true
            }
            if marker == 0xDA {
                // The entropy-coded scan runs to the end marker.
                guard sawFrame else { return false }
                let rest = bytes[(at + 2 + length)...]
                return zip(rest, rest.dropFirst()).contains { $0 == 0xFF && $1 == 0xD9 }
            }
            at += 2 + length
        }
        return false
    }

    /// GIF87a/89a, a non-empty screen, and the trailer byte at the end.
    static func gif(_ bytes: [UInt8]) -> Bool {
        guard bytes.count > 13, ["GIF87a", "GIF89a"].contains(String(decoding: bytes[0..<6], as: UTF8.self)) else { return false }
        let width = Int(bytes[6]) | Int(bytes[7]) << 8, height = Int(bytes[8]) | Int(bytes[9]) << 8
        return width > 0 && height > 0 && bytes.last == 0x3B
    }

    /// RIFF whose size fits the file, WEBP, and an image chunk (VP8, VP8L or VP8X) first.
    static func webp(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 20 else { return false }
        let size = Int(bytes[4]) | Int(bytes[5]) << 8 | Int(bytes[6]) << 16 | Int(bytes[7]) << 24
        guard size + 8 <= bytes.count, size >= 12 else { return false }
        return ["VP8 ", "VP8L", "VP8X"].contains(String(decoding: bytes[12..<16], as: UTF8.self))
    }

    /// `%PDF-` and an end-of-file marker in the last kilobyte.
    static func pdf(_ bytes: [UInt8]) -> Bool {
        let tail = bytes.suffix(1024)
        let marker = Array("%%EOF".utf8)
        guard tail.count >= marker.count else { return false }
        let start = tail.startIndex
        return (start...(tail.endIndex - marker.count)).contains { Array(tail[$0..<($0 + marker.count)]) == marker }
    }
}

/// CRC-32 (ISO 3309, as PNG uses it).
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}
