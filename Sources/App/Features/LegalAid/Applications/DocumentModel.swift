import Fluent
import LegalAidCore
import Vapor

/// An issued, numbered document. Its content is fixed when issued, so a reprint matches the original.
final class DocumentModel: Model, @unchecked Sendable {
    static let schema = "documents"

    @ID(key: .id) var id: UUID?
    @Field(key: "application_id") var applicationID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "number") var number: String
    @Field(key: "centre_id") var centreID: UUID
    @Field(key: "year") var year: Int
    @Field(key: "sequence") var sequence: Int
    /// Names, addresses, facts and reasons: encrypted.
    @Field(key: "content") var sealedContent: Sealed<DocumentContent>

    var content: DocumentContent {
        get { sealedContent.value }
        set { sealedContent = Sealed(newValue) }
    }
    @Field(key: "issued_at") var issuedAt: Date

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $applicationID, $kind, $number, $centreID, $year, $sequence, $sealedContent, $issuedAt] }

    init() {}

    var documentKind: DocumentKind? { DocumentKind(rawValue: kind) }
}

/// Sequences for numbers: one row per scope (e.g. centre + document kind) and year.
final class CounterModel: Model, @unchecked Sendable {
    static let schema = "counters"

    @ID(key: .id) var id: UUID?
    @Field(key: "scope") var scope: String
    @Field(key: "year") var year: Int
    @Field(key: "value") var value: Int

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $scope, $year, $value] }

    init() {}
}
