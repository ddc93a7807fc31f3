import Fluent
import LegalAidCore
import Vapor

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
    }

    var domain: Organisation {
        Organisation(id: id!, name: name, kind: OrganisationKind(rawValue: kind) ?? .communityPoint, parentID: parentID, code: code, hours: hours)
    }

    var record: ReferenceData.OrganisationRecord {
        ReferenceData.OrganisationRecord(name: name, kind: OrganisationKind(rawValue: kind) ?? .communityPoint, parentID: parentID, code: code,
                                         regionCode: regionCode, address: address, phone: phone, hours: hours)
    }
}
