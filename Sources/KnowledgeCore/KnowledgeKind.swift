import Foundation

/// What the knowledge base holds (issue #13, DOMAIN §6): legal publicity, the law itself, typical
/// cases and the questions people ask most.
public enum KnowledgeKind: String, Codable, Sendable, CaseIterable {
    /// 普法文章: legal publicity written for the public.
    case article
    /// 法律法规: a law or regulation, structured to the article (第N条).
    case law
    /// 典型案例: a typical case, told without the parties' details.
    case typicalCase
    /// 常见问题: a question and its answer (often from a consultation, personal details removed).
    case faq

    public var chinese: String {
        switch self {
        case .article: "普法文章"
        case .law: "法律法规"
        case .typicalCase: "典型案例"
        case .faq: "常见问题"
        }
    }
}

/// Who writes and publishes the knowledge base: the staff who answer the public.
public enum KnowledgeRules {
    public static let editors: Set<Role> = [.centreReviewer, .centreDirector, .workstationStaff, .liaisonStaff, .communityStaff]

    public static func mayEdit(_ actor: Actor) -> Bool { actor.roles.containsAny(editors) }

    /// A title people can scan in a list of results.
    public static let titleLength = 2...80
    /// Long enough for a whole law; a page of Markdown is far shorter.
    public static let bodyLength = 1...200_000
}
