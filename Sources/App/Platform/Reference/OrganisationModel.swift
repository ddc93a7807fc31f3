import Fluent
import LegalAidCore
import Vapor
import DirectoryCore

final class OrganisationModel: Model, @unchecked Sendable {
    static let schema = "organisations"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: String
    @OptionalField(key: "parent_id") var parentID: UUID?
    @Field(key: "code") var code: String
    /// Administrative division code, for the hardship standard in force there.
    @Field(key: "region_code") var regionCode: String
    @Field(key: "address") var address: String
    @Field(key: "phone") var phone: String
    @Field(key: "hours") var hours: ServiceHours
    // The public directory (issue #13).
    @Field(key: "street") var street: String
    @OptionalField(key: "latitude") var latitude: Double?
    @OptionalField(key: "longitude") var longitude: Double?
    /// `LegalServiceKind` codes, comma-separated.
    @Field(key: "services") var services: String
    /// `ConsultationTopic` codes, comma-separated.
    @Field(key: "practice_areas") var practiceAreas: String
    @Field(key: "description") var details: String

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $name, $kind, $parentID, $code, $regionCode, $address, $phone, $hours, $street, $latitude, $longitude, $services, $practiceAreas, $details] }

    init() {}

    init(id: UUID = UUID(), name: String, kind: OrganisationKind, parentID: UUID?, code: String, regionCode: String,
         address: String, phone: String, hours: ServiceHours) {
        self.id = id
        self.name = name
        self.kind = kind.rawValue
        self.parentID = parentID
        self.code = code
        self.regionCode = regionCode
        self.address = address
        self.phone = phone
        self.hours = hours
        self.street = ""
        self.services = LegalServiceKind.defaults(for: kind).map(\.rawValue).joined(separator: ",")
        self.practiceAreas = ""
        self.details = ""
    }

    var domain: Organisation {
        Organisation(id: id!, name: name, kind: OrganisationKind(rawValue: kind) ?? .communityPoint, parentID: parentID, code: code, hours: hours)
    }

    var record: ReferenceData.OrganisationRecord {
        ReferenceData.OrganisationRecord(name: name, kind: OrganisationKind(rawValue: kind) ?? .communityPoint, parentID: parentID, code: code,
                                         regionCode: regionCode, address: address, phone: phone, hours: hours,
                                         street: street, point: latitude.flatMap { lat in longitude.flatMap { GeoPoint(latitude: lat, longitude: $0) } },
                                         services: codes(services), areas: codes(practiceAreas), details: details)
    }
}

/// `a,b,c` → the values understood (an unknown code, from a later version, is skipped).
func codes<T: RawRepresentable<String>>(_ text: String) -> [T] {
    text.split(separator: ",").compactMap { T(rawValue: String($0)) }
}

/// A person of the public directory (issue #13): reference data, read from memory like the
/// organisations they belong to.
final class DirectoryPersonModel: Model, @unchecked Sendable {
    static let schema = "directory_people"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @OptionalField(key: "serves_id") var servesID: UUID?
    /// The platform account of the same person (a lawyer who takes assignments), if any.
    @OptionalField(key: "account_id") var accountID: UUID?
    @Field(key: "name") var name: String
    @Field(key: "role") var role: String
    @Field(key: "phone") var phone: String
    @Field(key: "practice_areas") var practiceAreas: String
    @Field(key: "duties") var duties: String
    @Field(key: "on_site_hours") var onSiteHours: String
    /// The stored name of the person's photo under `uploads/`, if one was given.
    @OptionalField(key: "photo") var photo: String?
    @Field(key: "updated_at") var updatedAt: Date

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $organisationID, $servesID, $accountID, $name, $role, $phone, $practiceAreas, $duties, $onSiteHours, $photo, $updatedAt] }

    init() {}

    var record: ReferenceData.PersonRecord {
        ReferenceData.PersonRecord(id: id!, organisationID: organisationID, servesID: servesID, accountID: accountID, name: name,
                                   role: DirectoryRole(rawValue: role) ?? .lawyer, phone: phone, areas: codes(practiceAreas),
                                   duties: duties, onSiteHours: onSiteHours, photo: photo)
    }
}
