import Foundation
import LegalAidCore
import Vapor
import DirectoryCore

extension API {
    /// One institution of the public directory (page and API alike).
    struct DirectoryInstitution: Content, Equatable {
        var id: UUID
        var name: String
        var kind: String
        var kindLabel: String
        var street: String
        var address: String
        var phone: String
        var hours: String
        var services: [String]
        var serviceLabels: [String]
        var practiceAreas: [String]
        var practiceAreaLabels: [String]
        var latitude: Double?
        var longitude: Double?
        var description: String
        var parentID: UUID?
        var parentName: String?
        var openNow: Bool
        /// `正在开放`, `明天09:00开放`…
        var opening: String
        var url: String
    }

    /// One person of the directory.
    struct DirectoryPerson: Content, Equatable {
        var id: UUID
        var name: String
        var role: String
        var roleLabel: String
        var organisationID: UUID
        var organisationName: String
        var servesID: UUID?
        var servesName: String?
        var phone: String
        var practiceAreas: [String]
        var practiceAreaLabels: [String]
        var duties: String
        var onSiteHours: String
        /// The person's photo, where one was given.
        var photoURL: String?
    }

    /// An institution as staff write it through the API (the same checks as the page and the
    /// import: `DirectoryImport.checkInstitution`). `parent` is the parent institution's name.
    struct DirectoryInstitutionWrite: Content {
        var name: String
        var kind: String
        var street: String?
        var address: String?
        var phone: String?
        /// As staff write it: `工作日 08:30-12:00、14:00-17:30`, `全天24小时`…
        var hours: String?
        var services: [String]?
        var practiceAreas: [String]?
        var latitude: Double?
        var longitude: Double?
        var parent: String?
        var description: String?
    }

    /// A person as staff write them through the API; `organisation` and `serves` are names.
    struct DirectoryPersonWrite: Content {
        var name: String
        var role: String
        var organisation: String
        var serves: String?
        var phone: String?
        var practiceAreas: [String]?
        var duties: String?
        var onSiteHours: String?
    }

    /// An institution near a point, with how far it is.
    struct NearbyInstitution: Content, Equatable {
        var institution: DirectoryInstitution
        var metres: Int
        var distance: String
    }
}

extension DirectoryCatalogue {
    func body(_ id: UUID) -> API.DirectoryInstitution? {
        guard let org = reference.organisations[id] else { return nil }
        return API.DirectoryInstitution(
            id: id, name: org.name, kind: org.kind.rawValue, kindLabel: org.kind.chinese, street: org.street, address: org.address,
            phone: org.phone, hours: org.hours.chineseDescription, services: org.services.map(\.rawValue), serviceLabels: org.services.map(\.chinese),
            practiceAreas: org.areas.map(\.rawValue), practiceAreaLabels: org.areas.map(\.chinese),
            latitude: org.point?.latitude, longitude: org.point?.longitude, description: org.details,
            parentID: org.parentID, parentName: org.parentID.flatMap { reference.organisations[$0]?.name },
            openNow: isOpen(org), opening: nextOpening(org), url: SiteURL.directoryEntry(.value(id)).path)
    }

    func body(_ person: ReferenceData.PersonRecord) -> API.DirectoryPerson {
        API.DirectoryPerson(id: person.id, name: person.name, role: person.role.rawValue, roleLabel: person.role.chinese,
                            organisationID: person.organisationID, organisationName: reference.name(person.organisationID),
                            servesID: person.servesID, servesName: person.servesID.map { reference.name($0) },
                            phone: person.phone, practiceAreas: person.areas.map(\.rawValue), practiceAreaLabels: person.areas.map(\.chinese),
                            duties: person.duties, onSiteHours: person.onSiteHours,
                            photoURL: person.photoURL)
    }

    func body(_ result: NearestOpen.Result) -> API.NearbyInstitution? {
        body(result.id).map { API.NearbyInstitution(institution: $0, metres: Int(result.metres.rounded()), distance: DistanceText.chinese(metres: result.metres)) }
    }
}

extension ReferenceData.PersonRecord {
    /// The photo's address, naming the stored file (a new photo is a new address), if any.
    var photoURL: String? { photo.map { SiteURL.directoryPersonPhoto(.value(id)).path + "?v=" + $0.prefix(8) } }
}
