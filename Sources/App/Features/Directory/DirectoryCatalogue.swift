import Foundation
import LegalAidCore
import DirectoryCore
import KnowledgeCore

/// The public directory read from the reference data in memory (a few thousand rows at most,
/// refreshed when staff change them): filters, search through the term index, nearest open.
struct DirectoryCatalogue {
    let reference: ReferenceData
    let now: Date

    struct Filter: Sendable, Equatable {
        var kind: OrganisationKind?
        var service: LegalServiceKind?
        var street: String?
        var area: ConsultationTopic?
        var query: String = ""

        var isEmpty: Bool { kind == nil && service == nil && street == nil && area == nil && query.isEmpty }
    }

    /// Institution kinds the public guide lists (the bureau's own offices included).
    static let listedKinds: [OrganisationKind] = [.legalAidCenter, .streetWorkstation, .communityPoint, .departmentLiaison, .justiceOffice,
                                                  .lawFirm, .notaryOffice, .forensicAppraisal, .mediationCommittee, .arbitration,
                                                  .villageCommittee, .bureau]

    /// Streets that have at least one institution, in name order.
    var streets: [String] {
        Set(reference.organisations.values.map(\.street).filter { !$0.isEmpty }).sorted()
    }

    func organisation(_ id: UUID) -> ReferenceData.OrganisationRecord? { reference.organisations[id] }

    /// Institutions matching the filter: by relevance when words were typed, else by kind then name.
    func institutions(_ filter: Filter) -> [UUID] {
        let query = SearchQuery(filter.query)
        let candidates: [UUID]
        if query.isEmpty, !filter.query.isEmpty {
            // Typed, but nothing searchable in it (only %, quotes, emoji…): it finds nothing,
            // as the knowledge search does, rather than every institution.
            return []
        } else if query.isEmpty {
            candidates = reference.organisations.keys.map { ($0, byKindAndName($0)) }.sorted { $0.1 < $1.1 }.map(\.0)
        } else {
            candidates = reference.directoryIndex.search(query, tieBreak: byKindAndName).filter { reference.organisations[$0] != nil }
        }
        return candidates.filter { id in
            guard let org = reference.organisations[id] else { return false }
            return (filter.kind.map { org.kind == $0 } ?? true)
                && (filter.service.map { org.services.contains($0) } ?? true)
                && (filter.street.map { org.street == $0 } ?? true)
                && (filter.area.map { area in org.areas.contains(area) || people(of: id).contains { $0.areas.contains(area) } } ?? true)
        }
    }

    /// People matching a search, best first (for the one search box).
    func people(matching typed: String) -> [ReferenceData.PersonRecord] {
        let query = SearchQuery(typed)
        guard !query.isEmpty else { return [] }
        return reference.directoryIndex.search(query, tieBreak: byName).compactMap { reference.people[$0] }
    }

    func people(role: DirectoryRole?, area: ConsultationTopic?, query: String) -> [ReferenceData.PersonRecord] {
        let all = query.isEmpty ? reference.people.values.sorted { $0.role != $1.role ? $0.role.rawValue < $1.role.rawValue : byName($0.id) < byName($1.id) }
            : people(matching: query)
        return all.filter { person in (role.map { person.role == $0 } ?? true) && (area.map { person.areas.contains($0) } ?? true) }
    }

    /// The people working at an institution, and (a village) its legal advisers.
    func people(of id: UUID) -> [ReferenceData.PersonRecord] {
        reference.peopleByOrganisation[id] ?? []
    }

    func advisers(of village: UUID) -> [ReferenceData.PersonRecord] {
        people(of: village).filter { $0.servesID == village && $0.role == .villageAdviser }
    }

    /// Places a person without location services can start from: each street (at its 司法所
    /// or workstation) and each village or community, with a position.
    var startingPlaces: [(id: UUID, label: String)] {
        reference.organisations.filter { $0.value.point != nil && [.justiceOffice, .villageCommittee].contains($0.value.kind) }
            .map { (id: $0.key, label: $0.value.kind == .justiceOffice ? $0.value.street + "（街道）" : $0.value.street + " " + $0.value.name) }
            .sorted { $0.label != $1.label ? $0.label < $1.label : $0.id.uuidString < $1.id.uuidString }
    }

    /// The nearest institutions of a kind (or offering a service) to a point, by `NearestOpen`.
    func nearest(to origin: GeoPoint, kind: OrganisationKind?, service: LegalServiceKind?, openOnly: Bool, limit: Int) -> [NearestOpen.Result] {
        let places = reference.organisations.compactMap { id, org -> NearestOpen.Place? in
            guard let point = org.point, kind.map({ org.kind == $0 }) ?? true, service.map({ org.services.contains($0) }) ?? true else { return nil }
            return NearestOpen.Place(id: id, point: point, hours: org.hours)
        }
        return NearestOpen.rank(places, from: origin, at: now, calendar: reference.calendar, openOnly: openOnly, limit: limit)
    }

    func isOpen(_ org: ReferenceData.OrganisationRecord) -> Bool { org.hours.isOpen(at: now, calendar: reference.calendar) }

    func nextOpening(_ org: ReferenceData.OrganisationRecord) -> String {
        NearestOpen.openingText(org.hours.nextOpening(atOrAfter: now, calendar: reference.calendar), now: now)
    }

    private static let kindRank = Dictionary(listedKinds.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })

    /// An institution's place in the listing: by kind, then name.
    private func byKindAndName(_ id: UUID) -> Int {
        (reference.organisations[id].flatMap { Self.kindRank[$0.kind] } ?? 99) << 32 | byName(id)
    }

    private func byName(_ id: UUID) -> Int { reference.nameOrder[id] ?? Int(UInt32.max) }
}
