import Foundation

/// The kind of a node in the district's "三级两纵" network (DOMAIN §1).
public enum OrganisationKind: String, Codable, Sendable, CaseIterable {
    case bureau
    case legalAidCenter
    case departmentLiaison
    case streetWorkstation
    case communityPoint
    case lawFirm
    // Listed in the public directory (issue #13); not part of the legal-aid workflow.
    case justiceOffice
    case notaryOffice
    case forensicAppraisal
    case mediationCommittee
    case arbitration
    case villageCommittee

    public var chinese: String {
        switch self {
        case .bureau: "司法局"
        case .legalAidCenter: "法律援助中心"
        case .departmentLiaison: "部门法律援助联络中心"
        case .streetWorkstation: "街道法律援助工作站"
        case .communityPoint: "社区法律援助联系点"
        case .lawFirm: "律师事务所"
        case .justiceOffice: "司法所"
        case .notaryOffice: "公证机构"
        case .forensicAppraisal: "司法鉴定机构"
        case .mediationCommittee: "人民调解委员会"
        case .arbitration: "劳动人事争议仲裁机构"
        case .villageCommittee: "村（居）民委员会"
        }
    }

    /// Workstations and liaison centres carry out pre-review (初审).
    public var doesPreReview: Bool { self == .streetWorkstation || self == .departmentLiaison }
}

public struct Organisation: Hashable, Codable, Sendable, Identifiable {
    public var id: UUID
    public var name: String
    public var kind: OrganisationKind
    public var parentID: UUID?
    /// Short code printed in document numbers, e.g. `海` in `（2026）海法援审字第0007号`.
    public var code: String
    public var hours: ServiceHours

    public init(id: UUID, name: String, kind: OrganisationKind, parentID: UUID?, code: String, hours: ServiceHours) {
        self.id = id
        self.name = name
        self.kind = kind
        self.parentID = parentID
        self.code = code
        self.hours = hours
    }
}

/// The organisation tree of one district, for subtree checks and routing.
public struct OrganisationTree: Sendable {
    public let nodes: [UUID: Organisation]

    public init(_ organisations: [Organisation]) {
        nodes = Dictionary(organisations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public subscript(id: UUID) -> Organisation? { nodes[id] }

    /// The node itself first, then its parent, up to the root.
    public func ancestry(of id: UUID) -> [Organisation] {
        var chain: [Organisation] = []
        var cursor = nodes[id]
        while let node = cursor, chain.count <= nodes.count {
            chain.append(node)
            cursor = node.parentID.flatMap { nodes[$0] }
        }
        return chain
    }

    /// True when `id` is `root` or lies below it.
    public func contains(_ id: UUID, within root: UUID) -> Bool {
        ancestry(of: id).contains { $0.id == root }
    }

    /// `root` and every organisation below it.
    public func subtree(of root: UUID) -> Set<UUID> {
        Set(nodes.keys.filter { contains($0, within: root) })
    }

    public func nearest(_ kind: OrganisationKind, from id: UUID) -> Organisation? {
        ancestry(of: id).first { $0.kind == kind }
    }

    public func children(of id: UUID) -> [Organisation] {
        nodes.values.filter { $0.parentID == id }.sorted { $0.name < $1.name }
    }

    public func all(_ kind: OrganisationKind) -> [Organisation] {
        nodes.values.filter { $0.kind == kind }.sorted { $0.name < $1.name }
    }

    /// Where an application from a community point goes for pre-review: its street workstation.
    public func preReviewOrganisation(forCommunityPoint id: UUID) -> Organisation? {
        ancestry(of: id).dropFirst().first { $0.kind.doesPreReview }
    }
}
