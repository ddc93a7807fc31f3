import RoutingKit
import Vapor

extension Parameters {
    /// A path parameter read as the value it names. An address whose part cannot be read (a
    /// malformed id, a word where a number goes) names nothing that exists: 404 in Chinese, on
    /// pages and in the API alike, never the framework's English conversion error.
    func value<Value: LosslessStringConvertible>(_ name: String, as type: Value.Type = Value.self) throws -> Value {
        guard let text = get(name), let value = Value(text) else { throw AppError.notFound() }
        return value
    }

    func id(_ name: String = "id") throws -> UUID {
        guard let text = get(name), let value = UUID(uuidString: text) else { throw AppError.notFound() }
        return value
    }
}
