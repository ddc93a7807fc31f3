/// A QR code (ISO/IEC 18004) in byte mode at error-correction level M, versions 1–10, enough
/// for an `otpauth://` enrolment link; drawn as inline SVG so it needs no script or image file.
/// The construction follows the standard: function patterns, Reed–Solomon blocks interleaved,
/// zig-zag placement, mask 0, BCH-protected format and version information.
struct QRCode {
    let size: Int
    private(set) var modules: [[Bool]]
    private var isFunction: [[Bool]]

    /// EC codewords per block and number of blocks at level M, indexed by version.
    private static let eccPerBlock = [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26]
    private static let blockCount = [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5]

    enum Failure: Error { case tooLong }

    init(text: String) throws {
        let bytes = Array(text.utf8)
        guard let version = (1...10).first(where: { 4 + (($0 < 10) ? 8 : 16) + 8 * bytes.count <= Self.dataCodewords($0) * 8 }) else {
            throw Failure.tooLong
        }
        size = version * 4 + 17
        modules = Array(repeating: Array(repeating: false, count: size), count: size)
        isFunction = modules

        // The data bit stream: mode, length, bytes, terminator, padding.
        var bits: [Bool] = []
        func append(_ value: Int, _ length: Int) { for i in stride(from: length - 1, through: 0, by: -1) { bits.append((value >> i) & 1 == 1) } }
        append(0b0100, 4)
        append(bytes.count, version < 10 ? 8 : 16)
        for byte in bytes { append(Int(byte), 8) }
        let capacity = Self.dataCodewords(version) * 8
        append(0, min(4, capacity - bits.count))
        append(0, (8 - bits.count % 8) % 8)
        var pad = 0xEC
        while bits.count < capacity { append(pad, 8); pad ^= 0xEC ^ 0x11 }
        var data: [UInt8] = []
        for start in stride(from: 0, to: bits.count, by: 8) {
            data.append(bits[start..<start + 8].reduce(0) { ($0 << 1) | ($1 ? 1 : 0) })
        }

        drawFunctionPatterns(version: version)
        drawCodewords(Self.interleaveWithECC(data, version: version))
        applyMask0()
        drawFormatBits()
    }

    static func rawDataModules(_ version: Int) -> Int {
        var result = (16 * version + 128) * version + 64
        if version >= 2 {
            let align = version / 7 + 2
            result -= (25 * align - 10) * align - 55
            if version >= 7 { result -= 36 }
        }
        return result
    }

    static func dataCodewords(_ version: Int) -> Int {
        rawDataModules(version) / 8 - eccPerBlock[version] * blockCount[version]
    }

    // MARK: Reed–Solomon over GF(2^8) with polynomial 0x11D

    static func multiply(_ x: UInt8, _ y: UInt8) -> UInt8 {
        var z = 0
        for i in stride(from: 7, through: 0, by: -1) {
            z = (z << 1) ^ ((z >> 7) * 0x11D)
            z ^= ((Int(y) >> i) & 1) * Int(x)
        }
        return UInt8(z & 0xFF)
    }

    static func divisor(degree: Int) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: degree)
        result[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            for j in 0..<degree {
                result[j] = multiply(result[j], root)
                if j + 1 < degree { result[j] ^= result[j + 1] }
            }
            root = multiply(root, 0x02)
        }
        return result
    }

    static func remainder(_ data: [UInt8], divisor: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: divisor.count)
        for byte in data {
            let factor = byte ^ result.removeFirst()
            result.append(0)
            for i in result.indices { result[i] ^= multiply(divisor[i], factor) }
        }
        return result
    }

    static func interleaveWithECC(_ data: [UInt8], version: Int) -> [UInt8] {
        let blocks = blockCount[version], ecc = eccPerBlock[version]
        let raw = rawDataModules(version) / 8
        let shortBlocks = blocks - raw % blocks
        let shortLength = raw / blocks
        let div = divisor(degree: ecc)
        var all: [[UInt8]] = []
        var offset = 0
        for i in 0..<blocks {
            let length = shortLength - ecc + (i < shortBlocks ? 0 : 1)
            var block = Array(data[offset..<offset + length])
            offset += length
            let check = remainder(block, divisor: div)
            if i < shortBlocks { block.append(0) }
            all.append(block + check)
        }
        var result: [UInt8] = []
        for i in 0..<all[0].count {
            for (j, block) in all.enumerated() where i != shortLength - ecc || j >= shortBlocks {
                result.append(block[i])
            }
        }
        return result
    }

    // MARK: Drawing

    private mutating func setFunction(_ x: Int, _ y: Int, _ dark: Bool) {
        modules[y][x] = dark
        isFunction[y][x] = true
    }

    private mutating func drawFunctionPatterns(version: Int) {
        for i in 0..<size {
            setFunction(6, i, i % 2 == 0)
            setFunction(i, 6, i % 2 == 0)
        }
        for (cx, cy) in [(3, 3), (size - 4, 3), (3, size - 4)] {
            for dy in -4...4 {
                for dx in -4...4 {
                    let x = cx + dx, y = cy + dy
                    guard (0..<size).contains(x), (0..<size).contains(y) else { continue }
                    let distance = max(abs(dx), abs(dy))
                    setFunction(x, y, distance != 2 && distance != 4)
                }
            }
        }
        if version >= 2 {
            let count = version / 7 + 2
            let step = (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2
            var positions = [6]
            for i in 0..<(count - 1) { positions.insert(size - 7 - i * step, at: 1) }
            for (i, ax) in positions.enumerated() {
                for (j, ay) in positions.enumerated() {
                    if (i == 0 && j == 0) || (i == 0 && j == count - 1) || (i == count - 1 && j == 0) { continue }
                    for dy in -2...2 {
                        for dx in -2...2 { setFunction(ax + dx, ay + dy, max(abs(dx), abs(dy)) != 1) }
                    }
                }
            }
        }
        drawFormatBits() // reserve the area; redrawn after masking
        if version >= 7 {
            var rem = version
            for _ in 0..<12 { rem = (rem << 1) ^ ((rem >> 11) * 0x1F25) }
            let bits = version << 12 | rem
            for i in 0..<18 {
                let dark = (bits >> i) & 1 == 1
                let a = size - 11 + i % 3, b = i / 3
                setFunction(a, b, dark)
                setFunction(b, a, dark)
            }
        }
    }

    /// Level M (format bits 00) with mask 0.
    private mutating func drawFormatBits() {
        let data = 0b00_000
        var rem = data
        for _ in 0..<10 { rem = (rem << 1) ^ ((rem >> 9) * 0x537) }
        let bits = (data << 10 | rem) ^ 0x5412
        func bit(_ i: Int) -> Bool { (bits >> i) & 1 == 1 }
        for i in 0...5 { setFunction(8, i, bit(i)) }
        setFunction(8, 7, bit(6))
        setFunction(8, 8, bit(7))
        setFunction(7, 8, bit(8))
        for i in 9..<15 { setFunction(14 - i, 8, bit(i)) }
        for i in 0..<8 { setFunction(size - 1 - i, 8, bit(i)) }
        for i in 8..<15 { setFunction(8, size - 15 + i, bit(i)) }
        setFunction(8, size - 8, true)
    }

    private mutating func drawCodewords(_ codewords: [UInt8]) {
        var i = 0
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            for vertical in 0..<size {
                for j in 0..<2 {
                    let x = right - j
                    let upward = (right + 1) & 2 == 0
                    let y = upward ? size - 1 - vertical : vertical
                    if !isFunction[y][x] && i < codewords.count * 8 {
                        modules[y][x] = (codewords[i >> 3] >> (7 - UInt8(i & 7))) & 1 == 1
                        i += 1
                    }
                }
            }
            right -= 2
        }
    }

    private mutating func applyMask0() {
        for y in 0..<size {
            for x in 0..<size where !isFunction[y][x] && (x + y) % 2 == 0 {
                modules[y][x].toggle()
            }
        }
    }

    /// Inline SVG with a four-module quiet zone.
    var svg: HTML {
        var path = ""
        for y in 0..<size {
            for x in 0..<size where modules[y][x] { path += "M\(x + 4),\(y + 4)h1v1h-1z" }
        }
        let side = size + 8
        return HTML(raw: "<svg class=\"qr\" role=\"img\" aria-label=\"二维码\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\" shape-rendering=\"crispEdges\"><rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/><path d=\"\(path)\" fill=\"#000\"/></svg>")
    }
}
