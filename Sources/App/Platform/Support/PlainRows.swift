import FluentKit
import SQLKit

/// Reads models through statements written by hand (#27): the text of each is a few plain
/// strings joined, with no query builder and no identifier escaped at every request, and the
/// rows decode through the models' hand-listed fields. Fluent stays for writes and for pages
/// where a request's cost does not matter.
enum PlainRows {
    /// Every stored row of `M` whose `column` equals `value`, ordered by `order` (a column of `M`,
    /// or several with directions, as written), plus any further `and` condition.
    static func all<M: Model>(_ type: M.Type, where column: String, equals value: some Encodable & Sendable,
                              and more: SQLQueryString? = nil, orderBy order: String? = nil, on db: Database) async throws -> [M] {
        var query = SQLQueryString("SELECT * FROM \(unsafeRaw: quoted(M.schema)) WHERE \(unsafeRaw: quoted(column)) = \(bind: value)")
        if let more { query += " AND " + more }
        if let order { query.appendInterpolation(unsafeRaw: " ORDER BY " + order) }
        return try await sql(db).raw(query).all().map { try $0.decode(fluentModel: M.self) }
    }

    /// The first such row, or nil.
    static func first<M: Model>(_ type: M.Type, where column: String, equals value: some Encodable & Sendable, on db: Database) async throws -> M? {
        try await sql(db).raw("SELECT * FROM \(unsafeRaw: quoted(M.schema)) WHERE \(unsafeRaw: quoted(column)) = \(bind: value) LIMIT 1").first()?
            .decode(fluentModel: M.self)
    }

    /// `"t"."a" AS "t_a", "t"."b" AS "t_b", …`: every column of `M` (but `except`), under the
    /// table alias and prefixed with it, for a join that reads two models in one row.
    static func columns<M: Model>(of type: M.Type, as alias: String, except: Set<String> = []) -> String {
        M.keys.map(\.description).filter { !except.contains($0) }
            .map { "\(quoted(alias)).\(quoted($0)) AS \(quoted(alias + "_" + $0))" }.joined(separator: ", ")
    }

    static func quoted(_ identifier: String) -> String { "\"" + identifier + "\"" }

    static func sql(_ db: Database) throws -> any SQLDatabase {
        guard let sql = db as? any SQLDatabase else { throw Unsupported() }
        return sql
    }

    struct Unsupported: Error {}
}

extension SQLRow {
    /// A model from the columns a join named `alias_column` (`PlainRows.columns(of:as:)`).
    func decode<M: Model>(_ type: M.Type, prefix alias: String) throws -> M {
        let model = M()
        try model.output(from: PrefixedOutput(row: self, prefix: alias + "_"))
        return model
    }
}

private struct PrefixedOutput: DatabaseOutput {
    let row: any SQLRow
    let prefix: String

    var description: String { "\(prefix)*" }
    func schema(_ schema: String) -> any DatabaseOutput { self }
    func contains(_ key: FieldKey) -> Bool { row.contains(column: prefix + key.description) }
    func decodeNil(_ key: FieldKey) throws -> Bool { try row.decodeNil(column: prefix + key.description) }
    func decode<T: Decodable>(_ key: FieldKey, as type: T.Type) throws -> T { try row.decode(column: prefix + key.description, as: T.self) }
}
