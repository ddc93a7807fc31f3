import Fluent
import Vapor

/// Which slice of a list to show: `?page=` (from 1) and, in the API, `?limit=` (at most
/// `maxSize`). Every list is paged; the total comes from the database.
struct ListPage: Sendable, Equatable {
    static let defaultSize = 50
    static let maxSize = 200

    var number: Int
    var size: Int

    var offset: Int { (number - 1) * size }

    init(number: Int = 1, size: Int = ListPage.defaultSize) {
        self.number = number
        self.size = size
    }

    /// Reads `page` (or another key, when a page has two lists) and `limit`; a value out of
    /// range is refused naming the parameter, never silently replaced.
    static func from(_ req: Request, key: String = "page", defaultSize: Int = ListPage.defaultSize) throws -> ListPage {
        func number(_ name: String) throws -> Int? {
            // Read from the address as written: a parameter given twice (`limit=5&limit=x`) is
            // refused, not decoded into nothing and replaced by the default.
            let given = (URLComponents(string: req.url.string)?.queryItems ?? []).filter { $0.name == name }.compactMap(\.value)
            // An empty value (`?page=`) is the default on a page (a form field left blank) but
            // refused in the API, whose document says the parameter is an integer.
            guard !given.isEmpty, !(given.count == 1 && given[0].isEmpty && !SiteURL.isAPI(req.url.path)) else { return nil }
            guard given.count == 1, let value = Int(given[0]) else { throw AppError.invalid(field: name, code: "notANumber", "“\(name)”须为一个正整数") }
            return value
        }
        let page = try number(key) ?? 1
        guard page >= 1, page <= 1_000_000 else { throw AppError.invalid(field: key, code: "outOfRange", "页码须为1至1000000之间的整数") }
        let size = try number("limit") ?? defaultSize
        guard (1...maxSize).contains(size) else {
            throw AppError.invalid(field: "limit", code: "outOfRange", "每页条数须为1至\(maxSize)之间的整数")
        }
        return ListPage(number: page, size: size)
    }
}

/// One page of a list and the size of the whole.
struct Paged<Item> {
    var items: [Item]
    var page: ListPage
    var total: Int

    var pageCount: Int { max(1, (total + page.size - 1) / page.size) }
    var hasNext: Bool { page.number < pageCount }
    var hasPrevious: Bool { page.number > 1 }

    func map<T>(_ transform: (Item) throws -> T) rethrows -> Paged<T> {
        Paged<T>(items: try items.map(transform), page: page, total: total)
    }
}

extension QueryBuilder {
    /// The count and the slice, both in the database.
    func paged(_ page: ListPage) async throws -> Paged<Model> {
        let total = try await copy().count()
        let items = try await copy().range(page.offset..<(page.offset + page.size)).all()
        return Paged(items: items, page: page, total: total)
    }
}

/// An API list: the page's items as a JSON array, the total in `X-Total-Count` and the
/// neighbouring pages in `Link` (RFC 8288), as documented in `/openapi.yaml`.
struct PagedJSON<Item: Content>: AsyncResponseEncodable {
    var paged: Paged<Item>

    init(_ paged: Paged<Item>) { self.paged = paged }

    func encodeResponse(for request: Request) async throws -> Response {
        let response = try await paged.items.encodeResponse(for: request)
        response.headers.replaceOrAdd(name: "X-Total-Count", value: String(paged.total))
        var links: [String] = []
        if paged.hasNext { links.append("<\(Pager.link(request, key: "page", to: paged.page.number + 1))>; rel=\"next\"") }
        if paged.hasPrevious { links.append("<\(Pager.link(request, key: "page", to: paged.page.number - 1))>; rel=\"prev\"") }
        if !links.isEmpty { response.headers.replaceOrAdd(name: "Link", value: links.joined(separator: ", ")) }
        return response
    }
}

/// "上一页 · 第2/7页，共312条 · 下一页" under a list on a page.
enum Pager {
    /// The same address with one query parameter set.
    static func link(_ req: Request, key: String, to number: Int) -> String {
        var components = URLComponents()
        components.path = req.url.path
        var items = (URLComponents(string: req.url.string)?.queryItems ?? []).filter { $0.name != key }
        items.append(URLQueryItem(name: key, value: String(number)))
        components.queryItems = items
        return components.string ?? req.url.path
    }

    static func render<Item>(_ paged: Paged<Item>, _ req: Request, key: String = "page", unit: String = "条") -> HTML {
        guard paged.pageCount > 1 else { return paged.total > 0 ? "<p class=\"hint\">共\(paged.total)\(unit)。</p>" : .empty }
        let previous: HTML = when(paged.hasPrevious) { "<a href=\"\(link(req, key: key, to: paged.page.number - 1))\" rel=\"prev\">上一页</a>" }
        let next: HTML = when(paged.hasNext) { "<a href=\"\(link(req, key: key, to: paged.page.number + 1))\" rel=\"next\">下一页</a>" }
        return """
        <nav class="pager" aria-label="分页">\(previous)
        <span>第\(paged.page.number)/\(paged.pageCount)页，共\(paged.total)\(unit)</span>\(next)</nav>
        """
    }
}
