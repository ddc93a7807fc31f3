import Fluent
import LegalAidCore
import Vapor

/// One day of the State Council's holiday schedule: a rest day or a make-up working day.
final class HolidayModel: Model, @unchecked Sendable {
    static let schema = "holidays"

    @ID(key: .id) var id: UUID?
    @Field(key: "date") var date: String
    @Field(key: "kind") var kind: String
    @Field(key: "name") var name: String

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $date, $kind, $name] }

    init() {}

    init(_ entry: HolidayEntry) {
        date = entry.date.iso
        kind = entry.kind.rawValue
        name = entry.name
    }

    var entry: HolidayEntry? {
        guard let day = LocalDate(iso: date), let kind = HolidayEntry.Kind(rawValue: kind) else { return nil }
        return HolidayEntry(date: day, kind: kind, name: name)
    }
}

/// A bearer token for the JSON API. Only its SHA-256 is stored.
final class APITokenModel: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $accountID, $tokenHash, $expiresAt, $createdAt] }

    init() {}
}
