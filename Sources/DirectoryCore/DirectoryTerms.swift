import Foundation

/// What an institution offers the public (issue #13, DOMAIN §1): the filter "服务项目".
public enum LegalServiceKind: String, Codable, Sendable, CaseIterable {
    case legalAid
    case consultation
    case mediation
    case notarization
    case forensicAppraisal
    case arbitration
    case litigation
    case legalAdviser

    public var chinese: String {
        switch self {
        case .legalAid: "法律援助"
        case .consultation: "法律咨询"
        case .mediation: "人民调解"
        case .notarization: "公证"
        case .forensicAppraisal: "司法鉴定"
        case .arbitration: "劳动争议仲裁"
        case .litigation: "诉讼代理"
        case .legalAdviser: "法律顾问"
        }
    }

    /// What an institution of a kind offers unless staff say otherwise.
    public static func defaults(for kind: OrganisationKind) -> [LegalServiceKind] {
        switch kind {
        case .bureau: [.consultation]
        case .legalAidCenter: [.legalAid, .consultation]
        case .departmentLiaison, .streetWorkstation, .communityPoint: [.legalAid, .consultation]
        case .lawFirm: [.litigation, .consultation, .legalAdviser]
        case .justiceOffice: [.consultation, .mediation, .legalAid]
        case .notaryOffice: [.notarization]
        case .forensicAppraisal: [.forensicAppraisal]
        case .mediationCommittee: [.mediation]
        case .arbitration: [.arbitration]
        case .villageCommittee: [.consultation, .mediation]
        }
    }
}

/// What a person listed in the directory does.
public enum DirectoryRole: String, Codable, Sendable, CaseIterable {
    case lawyer
    case notary
    case appraiser
    case mediator
    /// 村（居）法律顾问: one per village or community (一村一法律顾问).
    case villageAdviser
    case legalAidWorker
    case basicLegalWorker

    public var chinese: String {
        switch self {
        case .lawyer: "律师"
        case .notary: "公证员"
        case .appraiser: "司法鉴定人"
        case .mediator: "人民调解员"
        case .villageAdviser: "村（居）法律顾问"
        case .legalAidWorker: "法律援助工作人员"
        case .basicLegalWorker: "基层法律服务工作者"
        }
    }
}

/// Who maintains the directory: the legal aid centre's managers and the system administrator.
public enum DirectoryRules {
    public static let editors: Set<Role> = [.centreReviewer, .centreDirector, .systemAdmin]

    public static func mayEdit(_ actor: Actor) -> Bool { actor.roles.containsAny(editors) }

    public static let nameLength = 2...60
    public static let addressLength = 0...120
    public static let textLength = 0...500
}

extension ConsultationTopic {
    /// The topic from its Chinese label or its code, as an import file may carry either.
    public init?(label: String) {
        let text = label.trimmingCharacters(in: .whitespaces)
        if let topic = ConsultationTopic(rawValue: text) { self = topic; return }
        guard let topic = ConsultationTopic.allCases.first(where: { $0.chinese == text }) else { return nil }
        self = topic
    }
}

extension LegalServiceKind {
    public init?(label: String) {
        let text = label.trimmingCharacters(in: .whitespaces)
        if let kind = LegalServiceKind(rawValue: text) { self = kind; return }
        guard let kind = LegalServiceKind.allCases.first(where: { $0.chinese == text }) else { return nil }
        self = kind
    }
}

extension OrganisationKind {
    public init?(label: String) {
        let text = label.trimmingCharacters(in: .whitespaces)
        if let kind = OrganisationKind(rawValue: text) { self = kind; return }
        let aliases: [String: OrganisationKind] = ["公证处": .notaryOffice, "鉴定机构": .forensicAppraisal, "调解委员会": .mediationCommittee,
                                                   "仲裁委员会": .arbitration, "仲裁院": .arbitration, "村委会": .villageCommittee,
                                                   "居委会": .villageCommittee, "社区": .villageCommittee, "村": .villageCommittee,
                                                   "工作站": .streetWorkstation, "联系点": .communityPoint, "律所": .lawFirm]
        guard let kind = OrganisationKind.allCases.first(where: { $0.chinese == text }) ?? aliases[text] else { return nil }
        self = kind
    }
}

extension DirectoryRole {
    public init?(label: String) {
        let text = label.trimmingCharacters(in: .whitespaces)
        if let role = DirectoryRole(rawValue: text) { self = role; return }
        let aliases: [String: DirectoryRole] = ["法律顾问": .villageAdviser, "村法律顾问": .villageAdviser, "社区法律顾问": .villageAdviser,
                                                "调解员": .mediator, "鉴定人": .appraiser]
        guard let role = DirectoryRole.allCases.first(where: { $0.chinese == text }) ?? aliases[text] else { return nil }
        self = role
    }
}
