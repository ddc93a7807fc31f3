import Foundation

/// A people's mediation committee (人民调解委员会, 第8条): of a village or community, of a street
/// (township), or of an industry (labour, traffic, medical…).
public struct Committee: Hashable, Sendable {
    public enum Level: String, Codable, Sendable {
        case village, street, industry
    }

    public var id: UUID
    public var name: String
    public var level: Level
    /// The organisation the committee serves: its village or community, or its street.
    public var place: UUID?
    /// For an industry committee, the disputes it takes.
    public var disputeTypes: Set<DisputeType>

    public init(id: UUID, name: String, level: Level, place: UUID?, disputeTypes: Set<DisputeType> = []) {
        self.id = id
        self.name = name
        self.level = level
        self.place = place
        self.disputeTypes = disputeTypes
    }
}

/// Which committee takes a dispute: an industry committee for its own kind of dispute first;
/// otherwise the committee of the village or community where the parties live (the respondent's
/// first, then the applicant's — disputes are mediated where they arise, 第1条/第34条), then
/// their street's.
public enum CommitteeFinder {
    public struct Places: Sendable {
        /// Village or community, then street, of each side.
        public var applicant: (village: UUID?, street: UUID?)
        public var respondent: (village: UUID?, street: UUID?)

        public init(applicant: (village: UUID?, street: UUID?), respondent: (village: UUID?, street: UUID?)) {
            self.applicant = applicant
            self.respondent = respondent
        }
    }

    public static func find(_ type: DisputeType, places: Places, among committees: [Committee]) -> Committee? {
        if let industry = committees.first(where: { $0.level == .industry && $0.disputeTypes.contains(type) }) { return industry }
        let order: [(Committee.Level, UUID?)] = [(.village, places.respondent.village), (.village, places.applicant.village),
                                                  (.street, places.respondent.street), (.street, places.applicant.street)]
        for (level, place) in order {
            guard let place else { continue }
            if let committee = committees.first(where: { $0.level == level && $0.place == place }) { return committee }
        }
        return nil
    }
}

/// A mediator as the recommendation weighs them.
public struct MediatorProfile: Hashable, Sendable {
    public var id: UUID
    public var name: String
    public var committee: UUID
    public var specialities: Set<DisputeType>
    /// Languages or dialects besides Mandarin (粤语, 维吾尔语…).
    public var languages: Set<String>
    /// Mediations they are acting in now.
    public var openMediations: Int

    public init(id: UUID, name: String, committee: UUID, specialities: Set<DisputeType>, languages: Set<String> = [], openMediations: Int) {
        self.id = id
        self.name = name
        self.committee = committee
        self.specialities = specialities
        self.languages = languages
        self.openMediations = openMediations
    }
}

/// Mediators of the committee, best suited first: one who knows this kind of dispute, then one
/// who speaks a language a party needs, then the least loaded; a mediator a party objected to
/// (回避, 第24条) is left out.
public enum MediatorRecommendation {
    public static func rank(_ mediators: [MediatorProfile], committee: UUID, type: DisputeType, language: String? = nil,
                            excluding recused: Set<UUID> = []) -> [MediatorProfile] {
        mediators.filter { $0.committee == committee && !recused.contains($0.id) }.sorted { a, b in
            let (sa, sb) = (a.specialities.contains(type), b.specialities.contains(type))
            if sa != sb { return sa }
            if let language {
                let (la, lb) = (a.languages.contains(language), b.languages.contains(language))
                if la != lb { return la }
            }
            if a.openMediations != b.openMediations { return a.openMediations < b.openMediations }
            return a.name < b.name
        }
    }
}
