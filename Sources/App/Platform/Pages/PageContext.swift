import Vapor

/// What every page needs to know about the person looking at it.
struct PageContext: Sendable {
    var account: AccountModel?
    var csrfToken: String
    /// `standard`, `large` or `contrast` (适老化: without the browser's zoom).
    var displayMode: String
    var flash: String?
    var path: String
    /// Staff: deadline alerts not yet read.
    /// The main navigation's links for this viewer, from every feature.
    var navigation: [NavigationLink] = []
    /// The public's service hours as the footer shows them (the legal aid centre's).
    var serviceHours: String?
}

extension Request {
    /// Shows a one-off notice on the next page.
    func flash(_ message: String) { session.data["flash"] = message }

    /// What every page shows about its viewer. Reading it does not consume the flash notice;
    /// `page(_:_:)` does, once the notice is on the page.
    var pageContext: PageContext {
        // Only a visitor who already has a session can have a notice waiting; asking anyone
        // else would start a session (and write it) for nothing.
        let flash = hasSession ? session.data["flash"] : nil
        let mode = cookies["fy_display"]?.string ?? "standard"
        let account = auth.get(AccountModel.self)
        let counts = storage[NavigationCounts.self] ?? [:]
        return PageContext(account: account, csrfToken: csrfToken,
                           displayMode: ["large", "contrast", "large contrast"].contains(mode) ? mode : "standard",
                           flash: flash, path: url.path,
                           navigation: application.navigation(for: NavigationViewer(account: account, counts: counts)),
                           serviceHours: fayuan.reference.latest()?.publicServiceHours?.chineseDescription)
    }

    /// A page view in the site layout, for this viewer.
    func show(_ view: some PageView) -> HTML {
        let context = pageContext
        if context.flash != nil { session.data["flash"] = nil }
        return view.render(in: context)
    }
}

/// A page: a model that renders itself with nothing but what the layout knows of the viewer,
/// so it never touches the request or the database (and renders from a mock in a snapshot test).
protocol PageView {
    var title: String { get }
    func body(in context: PageContext) -> HTML
}

extension PageView {
    func render(in context: PageContext) -> HTML { Layout.render(context: context, title: title, body: body(in: context)) }
    func render(_ request: Request) -> HTML { request.show(self) }
}

extension Array where Element == UInt8 {
    /// Base64url without padding (RFC 4648 §5), written in one pass.
    var base64URLEncoded: String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((count * 4 + 2) / 3)
        var index = 0
        while index + 3 <= count {
            let n = UInt32(self[index]) << 16 | UInt32(self[index + 1]) << 8 | UInt32(self[index + 2])
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)], alphabet[Int(n & 63)]]
            index += 3
        }
        switch count - index {
        case 1:
            let n = UInt32(self[index]) << 16
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)]]
        case 2:
            let n = UInt32(self[index]) << 16 | UInt32(self[index + 1]) << 8
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)]]
        default: break
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `count` bytes from the system's secure generator, eight at a time (Vapor's
    /// `[UInt8].random(count:)` asks the kernel once per byte).
    static func secureRandom(count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count + 7)
        while bytes.count < count {
            Swift.withUnsafeBytes(of: generator.next() as UInt64) { bytes += $0 }
        }
        return Array(bytes.prefix(count))
    }
}

extension Sequence where Element == UInt8 {
    /// Lower-case hexadecimal, two digits a byte (a digest as it is stored and compared).
    var hexEncoded: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(underestimatedCount * 2)
        for byte in self { out += [digits[Int(byte >> 4)], digits[Int(byte & 15)]] }
        return String(decoding: out, as: UTF8.self)
    }
}
